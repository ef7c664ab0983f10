package org.gridcase.notification;

import static org.gridcase.notification.NotificationProcess.Variables.NOTIFICATION_ID;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.notification.NoticeOutbox.QueuedNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendNotice}: its own job (async before), so it runs only once the business step that queued
 * the notice committed. Idempotent: a notice already sent or skipped is left alone, so a redelivered or
 * restarted job sends nothing twice. Delivery is still at least once: if the mail left but the commit
 * failed, the retry sends it again.
 */
@Component("sendNoticeDelegate")
class SendNoticeDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendNoticeDelegate.class);

  private final NoticeOutbox outbox;
  private final NoticeChannel channel;

  SendNoticeDelegate(NoticeOutbox outbox, NoticeChannel channel) {
    this.outbox = outbox;
    this.channel = channel;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = NOTIFICATION_ID.get(execution);
    QueuedNotice notice = outbox.lock(id)
        .orElseThrow(() -> new IllegalStateException("notice " + id + " does not exist"));
    if (notice.settled()) {
      return;
    }
    Optional<String> address = channel.addressOf(notice.userId());
    if (address.isEmpty()) {
      outbox.markSkipped(id, channel.noAddressReason());
      log.info("notice {} ({}) skipped: no address", id, notice.notice());
      return;
    }
    channel.send(address.get(), notice.subject(), notice.body(), "notice " + id + " (" + notice.notice() + ")");
    outbox.markSent(id);
  }
}
