package org.gridcase.notification;

import static org.gridcase.notification.NotificationProcess.Variables.NOTICE_BATCH;
import static org.gridcase.notification.NotificationProcess.Variables.NOTIFICATION_ID;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.notification.NoticeOutbox.Pending;
import org.gridcase.notification.NoticeOutbox.QueuedNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Task_SendNotice}: its own job (async before), so it runs only once the business step that queued
 * the batch committed. Each notice is settled in a transaction of its own, so when one of a batch fails the
 * job stops there and its retry sends only what is still unsent. Idempotent: a notice already sent or
 * skipped is left alone, so a redelivered or restarted job sends nothing twice. Delivery is still at least
 * once: if the mail left but its commit failed, the retry sends it again.
 */
@Component("sendNoticeDelegate")
class SendNoticeDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(SendNoticeDelegate.class);

  private final NoticeOutbox outbox;
  private final NoticeChannel channel;
  private final TransactionTemplate ownTransaction;

  SendNoticeDelegate(NoticeOutbox outbox, NoticeChannel channel, PlatformTransactionManager transactions) {
    this.outbox = outbox;
    this.channel = channel;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long batch = NOTICE_BATCH.getOrNull(execution);
    if (batch == null) {
      batch = NOTIFICATION_ID.get(execution);
    }
    // The first failure ends the job: with SMTP down or hanging the rest would only wait out their timeouts.
    for (Pending notice : outbox.unsettledIn(batch)) {
      // Looked up here, in the engine's own transaction: the identity query is an engine command.
      Optional<String> address = channel.addressOf(notice.userId());
      ownTransaction.executeWithoutResult(status -> settle(notice.id(), address));
    }
  }

  private void settle(long id, Optional<String> address) {
    QueuedNotice notice = outbox.lock(id)
        .orElseThrow(() -> new IllegalStateException("notice " + id + " does not exist"));
    if (notice.settled()) {
      return;
    }
    if (address.isEmpty()) {
      outbox.markSkipped(id, channel.noAddressReason());
      log.info("notice {} ({}) skipped: no address", id, notice.notice());
      return;
    }
    channel.send(address.get(), notice.subject(), notice.body(), "notice " + id + " (" + notice.notice() + ")");
    outbox.markSent(id);
  }
}
