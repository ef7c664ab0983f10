package org.gridcase.notification;

import static org.gridcase.notification.NotificationProcess.Variables.NOTICE_BATCH;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.gridcase.common.PublicUrl;
import org.gridcase.notification.NoticeTemplates.Rendered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notification outbox for handlers and leaders. A notice is a row in gc_notification, written in the
 * caller's transaction; the first notice of a transaction also starts one instance of the
 * {@code notification} process, which sends every notice that transaction queued (its batch). A
 * rolled-back business step drops its notices, and the send job runs only after the commit, retried on
 * SMTP failures and ending as an incident in Cockpit when retries are exhausted. One instance a batch, not
 * a notice: a task offered to a grid's five members costs one job and a handful of engine rows, not five.
 */
@Service
public class Notifications {

  static final String LINK = "link";
  static final String TASKLIST_PATH = "/camunda/app/tasklist/";
  private static final int MAX_EVENT_KEY = 200;
  private static final int MAX_USER_ID = 64;

  private final NoticeOutbox outbox;
  private final NoticeTemplates templates;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final NotificationProperties properties;
  private final PublicUrl publicUrl;

  Notifications(NoticeOutbox outbox, NoticeTemplates templates, RuntimeService runtimeService,
      IdentityService identityService, NotificationProperties properties, PublicUrl publicUrl) {
    this.outbox = outbox;
    this.templates = templates;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.properties = properties;
    this.publicUrl = publicUrl;
  }

  /**
   * Queues one notice to one person (a Camunda user id), at most once per (eventKey, userId): returns false
   * when it was already queued. Joins the caller's transaction; the mail leaves only after commit.
   *
   * <p>{@code values} fill the notice's template (see {@link Notice}); {@code link} defaults to the
   * Tasklist address. Two transactions queuing the same (eventKey, userId) at the same moment: the second
   * fails on the unique constraint and rolls back, and is expected to be retried.
   *
   * @throws IllegalArgumentException naming the argument or the template value that is missing or invalid
   */
  @Transactional
  public boolean notify(String eventKey, String userId, Notice notice, Map<String, String> values) {
    requireText("eventKey", eventKey, MAX_EVENT_KEY);
    requireText("userId", userId, MAX_USER_ID);
    if (notice == null) {
      throw new IllegalArgumentException("notice is required");
    }
    if (values == null) {
      throw new IllegalArgumentException("values is required");
    }
    Map<String, String> filled = new HashMap<>(values);
    filled.putIfAbsent(LINK, publicUrl.orDerived(properties.tasklistUrl(), TASKLIST_PATH));
    Rendered mail = templates.render(notice, filled);
    Long batch = (Long) TransactionSynchronizationManager.getResource(this);
    OptionalLong id = outbox.queue(eventKey, userId, notice, mail.subject(), mail.body(), batch);
    if (id.isEmpty()) {
      return false;
    }
    if (batch == null) {
      openBatch(id.getAsLong());
    }
    return true;
  }

  /**
   * The transaction's first notice heads its batch: the rest of the transaction's notices join it. The
   * batch is unbound while the transaction is suspended, so a REQUIRES_NEW step inside it opens its own.
   */
  private void openBatch(long id) {
    startSending(id);
    TransactionSynchronizationManager.bindResource(this, id);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(Notifications.this);
      }

      @Override
      public void resume() {
        TransactionSynchronizationManager.bindResource(Notifications.this, id);
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(Notifications.this);
      }
    });
  }

  /**
   * Whoever triggered the notice (a grid worker completing a task, say) need not be allowed to start
   * processes; the sending is the system's work, so it runs without the caller's authentication.
   */
  private void startSending(long id) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, Long.toString(id),
          NOTICE_BATCH.asMap(id));
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private static void requireText(String name, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
    }
  }
}
