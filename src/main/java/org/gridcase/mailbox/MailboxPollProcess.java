package org.gridcase.mailbox;

/** The process API of {@code processes/mailbox-poll.bpmn}: a timer starts one poll of the mailbox. */
final class MailboxPollProcess {

  static final String KEY = "mailbox-poll";

  /** Element ids, as in the BPMN. */
  static final class Elements {
    static final String START_EVENT = "StartEvent_PollDue";
    static final String TASK_POLL_MAILBOX = "Task_PollMailbox";
    static final String END_EVENT = "EndEvent_MailboxPolled";

    private Elements() {
    }
  }

  private MailboxPollProcess() {
  }
}
