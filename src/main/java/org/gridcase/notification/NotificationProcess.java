package org.gridcase.notification;

import static org.gridcase.common.ProcessVariable.longVariable;

import org.gridcase.common.ProcessVariable;

/**
 * The process API of {@code processes/notification.bpmn}: one instance per batch of notices (those queued in
 * one business transaction), whose business key and only variable are the id of the batch's first notice;
 * the texts stay in the outbox.
 */
final class NotificationProcess {

  static final String KEY = "notification";

  /** Element ids, as in the BPMN. */
  static final class Elements {
    static final String START_EVENT = "StartEvent_NoticeQueued";
    static final String TASK_SEND_NOTICE = "Task_SendNotice";
    static final String END_EVENT_SENT = "EndEvent_NoticeSent";

    private Elements() {
    }
  }

  static final class Variables {
    static final ProcessVariable<Long> NOTICE_BATCH = longVariable("noticeBatch");
    /** What instances started before batches (V33) carry instead: their one notice, which heads its own batch. */
    static final ProcessVariable<Long> NOTIFICATION_ID = longVariable("notificationId");

    private Variables() {
    }
  }

  private NotificationProcess() {
  }
}
