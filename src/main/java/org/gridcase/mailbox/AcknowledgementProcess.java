package org.gridcase.mailbox;

import static org.gridcase.common.ProcessVariable.longVariable;

import org.gridcase.common.ProcessVariable;

/**
 * The process API of {@code processes/mailbox-acknowledgement.bpmn}: the acknowledgement of one mail that
 * became a request. Business key: the tracking number; only variable: the gc_inbound_mail id.
 */
final class AcknowledgementProcess {

  static final String KEY = "mailbox-acknowledgement";

  /** Element ids, as in the BPMN. */
  static final class Elements {
    static final String START_EVENT = "StartEvent_MailAccepted";
    static final String TASK_SEND_ACKNOWLEDGEMENT = "Task_SendAcknowledgement";
    static final String END_EVENT = "EndEvent_AcknowledgementSent";

    private Elements() {
    }
  }

  static final class Variables {
    static final ProcessVariable<Long> INBOUND_MAIL_ID = longVariable("inboundMailId");

    private Variables() {
    }
  }

  private AcknowledgementProcess() {
  }
}
