package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.GridcaseTest;
import org.gridcase.notification.NotificationProcess.Elements;
import org.gridcase.notification.NotificationProcess.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The notification outbox against a real SMTP server (GreenMail), sending by executing the jobs. */
@GridcaseTest
class NotificationsTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static final String LEADER = "leader-01-01-001";
  static final String LEADER_MAIL = "leader-01-01-001@demo.gridcase.org";
  static final String SECRETARY = "secretary-01-01";
  static final String NO_MAIL_USER = "test-no-mail";
  static final AtomicInteger EVENTS = new AtomicInteger();

  @Autowired Notifications notifications;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  @Autowired PlatformTransactionManager transactionManager;

  String eventKey;

  @BeforeEach
  void freshEvent() {
    // The context and its database outlive a test; every test queues its own events.
    eventKey = "test:" + getClass().getSimpleName() + ":" + EVENTS.incrementAndGet() + ":" + System.nanoTime();
  }

  @AfterEach
  void removeTestUser() {
    identityService.clearAuthentication();
    if (identityService.createUserQuery().userId(NO_MAIL_USER).count() > 0) {
      identityService.deleteUser(NO_MAIL_USER);
    }
  }

  @Test
  void theSameEventIsQueuedAndMailedOncePerPerson() throws Exception {
    assertThat(notifications.notify(eventKey, LEADER, Notice.TASK_ASSIGNED, assigned())).isTrue();
    assertThat(notifications.notify(eventKey, LEADER, Notice.TASK_ASSIGNED, assigned())).isFalse();
    assertThat(notifications.notify(eventKey, SECRETARY, Notice.TASK_ASSIGNED, assigned())).isTrue();
    assertThat(jdbc.sql("select count(*) from gc_notification where event_key = ?").param(eventKey)
        .query(Integer.class).single()).isEqualTo(2);
    assertThat(smtp.getReceivedMessages()).as("nothing is sent before the jobs run").isEmpty();

    long id = idOf(LEADER);
    executeSendJob(id);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(LEADER_MAIL);
    assertThat(mail.getSubject()).isEqualTo("【网格诉求】您有新的待办：研判 GC-2026-000042");
    assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(mail.getContent().toString()).contains("受理编号：GC-2026-000042")
        .as("gridcase.public-url is not set: the server's own port")
        .contains("办理入口：http://localhost:" + port + "/camunda/app/tasklist/")
        .contains("此邮件由系统自动发送，请勿直接回复。");
    assertThat(jdbc.sql("select sent_at from gc_notification where id = ?").param(id).query(Timestamp.class)
        .single()).isNotNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(id))
        .count()).as("the instance ended").isZero();
  }

  @Test
  void aRolledBackBusinessStepDropsItsNotice() {
    long instancesBefore = notificationInstances();
    transaction().executeWithoutResult(status -> {
      assertThat(notifications.notify(eventKey, LEADER, Notice.TASK_ASSIGNED, assigned())).isTrue();
      assertThat(notificationInstances()).isEqualTo(instancesBefore + 1);
      status.setRollbackOnly();
    });

    assertThat(jdbc.sql("select count(*) from gc_notification where event_key = ?").param(eventKey)
        .query(Integer.class).single()).isZero();
    assertThat(notificationInstances()).isEqualTo(instancesBefore);
    assertThat(notifications.notify(eventKey, LEADER, Notice.TASK_ASSIGNED, assigned()))
        .as("the rolled-back notice left no trace").isTrue();
  }

  @Test
  void anSmtpOutageDoesNotFailTheBusinessStepAndIsRetried() throws Exception {
    smtp.stop();
    Job job;
    try {
      Boolean queued = transaction().execute(status ->
          notifications.notify(eventKey, LEADER, Notice.DEADLINE_WARNING, assigned()));
      assertThat(queued).isTrue();
      long id = idOf(LEADER);
      job = sendJob(id);

      assertThatThrownBy(() -> managementService.executeJob(job.getId()))
          .hasMessageContaining("notice " + id + " (DEADLINE_WARNING) not sent")
          .hasMessageNotContaining(LEADER_MAIL);
    } finally {
      smtp.start();
    }
    Job retried = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(retried.getRetries()).isEqualTo(4);
    assertThat(retried.getExceptionMessage()).contains("not sent").doesNotContain(LEADER_MAIL);
    assertThat(managementService.getJobExceptionStacktrace(job.getId())).doesNotContain(LEADER_MAIL);
    assertThat(jdbc.sql("select count(*) from gc_notification where event_key = ? and sent_at is null")
        .param(eventKey).query(Integer.class).single()).isOne();

    managementService.executeJob(job.getId());

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getSubject())
        .isEqualTo("【临期提醒】研判 GC-2026-000042将于2026-11-24 18:00到期");
  }

  @Test
  void exhaustedRetriesBecomeAnIncident() {
    notifications.notify(eventKey, LEADER, Notice.ESCALATED, withLevel());
    long id = idOf(LEADER);
    Job job = sendJob(id);
    smtp.stop();
    try {
      for (int attempt = 1; attempt <= 5; attempt++) {
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("not sent");
      }
    } finally {
      smtp.start();
    }

    assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId())
        .singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(Elements.TASK_SEND_NOTICE);
    assertThat(incident.getIncidentMessage()).contains("notice " + id + " (ESCALATED)").doesNotContain(LEADER_MAIL);
    assertThat(historyService.createHistoricIncidentQuery().incidentId(incident.getId()).count())
        .as("an unrecorded process still records its incidents").isOne();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aPersonWithoutMailIsSkippedWithoutIncident() {
    User user = identityService.newUser(NO_MAIL_USER);
    user.setFirstName("测试");
    identityService.saveUser(user);
    notifications.notify(eventKey, NO_MAIL_USER, Notice.TASK_ASSIGNED, assigned());
    long id = idOf(NO_MAIL_USER);
    Job job = sendJob(id);

    managementService.executeJob(job.getId());

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(jdbc.sql("select skipped_reason from gc_notification where id = ? and sent_at is null").param(id)
        .query(String.class).single()).isEqualTo("未登记电子邮箱");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
    assertThat(managementService.createJobQuery().processInstanceId(job.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void aRedeliveredSendJobDoesNotMailTwice() throws Exception {
    notifications.notify(eventKey, LEADER, Notice.TASK_ASSIGNED, assigned());
    long id = idOf(LEADER);
    executeSendJob(id);
    Timestamp sentAt = jdbc.sql("select sent_at from gc_notification where id = ?").param(id)
        .query(Timestamp.class).single();
    // As a restart from Cockpit or a second delivery of the same job would do: run the send again.
    ProcessInstance again = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, Long.toString(id),
        Variables.NOTICE_BATCH.asMap(id));

    managementService.executeJob(managementService.createJobQuery().processInstanceId(again.getId())
        .singleResult().getId());

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(sentAt).isNotNull();
    assertThat(jdbc.sql("select sent_at from gc_notification where id = ?").param(id).query(Timestamp.class)
        .single()).isEqualTo(sentAt);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(again.getId()).count()).isZero();
  }

  @Test
  void aCallerWithoutProcessRightsCanStillNotifyAndKeepsTheirIdentity() {
    User user = identityService.newUser(NO_MAIL_USER);
    identityService.saveUser(user);
    identityService.setAuthentication(NO_MAIL_USER, List.of());

    assertThat(notifications.notify(eventKey, LEADER, Notice.TASK_ASSIGNED, assigned())).isTrue();

    assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo(NO_MAIL_USER);
    identityService.clearAuthentication();
    assertThat(sendJob(idOf(LEADER))).isNotNull();
  }

  @Test
  void theNoticesOfOneStepAreSentByOneJobAndSettledOneByOne() throws Exception {
    User user = identityService.newUser(NO_MAIL_USER);
    identityService.saveUser(user);
    long instancesBefore = notificationInstances();
    transaction().executeWithoutResult(status -> {
      notifications.notify(eventKey, LEADER, Notice.TASK_ASSIGNED, assigned());
      notifications.notify(eventKey, NO_MAIL_USER, Notice.TASK_ASSIGNED, assigned());
      notifications.notify(eventKey, SECRETARY, Notice.TASK_ASSIGNED, assigned());
    });
    assertThat(notificationInstances()).as("one instance for the step").isEqualTo(instancesBefore + 1);
    long batch = idOf(LEADER);
    assertThat(List.of(batchOf(idOf(NO_MAIL_USER)), batchOf(idOf(SECRETARY)))).containsOnly(batch);

    smtp.stop();
    Job job = sendJob(batch);
    try {
      assertThatThrownBy(() -> managementService.executeJob(job.getId()))
          .hasMessageContaining("notice " + batch + " (TASK_ASSIGNED) not sent");
    } finally {
      smtp.start();
    }
    assertThat(jdbc.sql("select count(*) from gc_notification where event_key = ? and sent_at is null"
        + " and skipped_reason is null").param(eventKey).query(Integer.class).single())
        .as("the job stopped at the first failure and kept nothing of it").isEqualTo(3);

    managementService.executeJob(job.getId());
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(jdbc.sql("select skipped_reason from gc_notification where id = ?").param(idOf(NO_MAIL_USER))
        .query(String.class).single()).isEqualTo("未登记电子邮箱");
    assertThat(notificationInstances()).isEqualTo(instancesBefore);

    // A second delivery of the same batch (a restart from Cockpit) finds everything settled.
    ProcessInstance again = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, Long.toString(batch),
        Variables.NOTICE_BATCH.asMap(batch));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(again.getId())
        .singleResult().getId());
    assertThat(smtp.getReceivedMessages()).as("nobody is mailed twice").hasSize(2);

    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
        .count()).as("gc_notification is the record; the sending leaves no history").isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processDefinitionId(job.getProcessDefinitionId())
        .count()).isZero();
    assertThat(historyService.createHistoricJobLogQuery().processDefinitionKey(NotificationProcess.KEY)
        .failureLog().count()).as("but failed runs are kept").isPositive();
    assertThat(historyService.createHistoricJobLogQuery().processDefinitionKey(NotificationProcess.KEY)
        .successLog().count()).isZero();
  }

  @Test
  void anInstanceStartedBeforeBatchesStillSendsItsNotice() throws Exception {
    notifications.notify(eventKey, LEADER, Notice.TASK_ASSIGNED, assigned());
    long id = idOf(LEADER);
    runtimeService.deleteProcessInstance(sendJob(id).getProcessInstanceId(), "replaced by an old-style instance");
    ProcessInstance old = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, Long.toString(id),
        Variables.NOTIFICATION_ID.asMap(id));

    managementService.executeJob(managementService.createJobQuery().processInstanceId(old.getId()).singleResult()
        .getId());

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(jdbc.sql("select sent_at from gc_notification where id = ?").param(id).query(Timestamp.class)
        .single()).isNotNull();
  }

  @Test
  void aStepInsideAnotherTransactionOpensItsOwnBatch() {
    transaction().executeWithoutResult(outer -> {
      notifications.notify(eventKey, LEADER, Notice.TASK_ASSIGNED, assigned());
      TransactionTemplate inner = transaction();
      inner.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
      inner.executeWithoutResult(status -> notifications.notify(eventKey, SECRETARY, Notice.TASK_ASSIGNED,
          assigned()));
      notifications.notify(eventKey, NO_MAIL_USER, Notice.TASK_ASSIGNED, assigned());
    });

    long outerBatch = idOf(LEADER);
    assertThat(batchOf(idOf(SECRETARY))).as("committed on its own, sent on its own").isEqualTo(idOf(SECRETARY));
    assertThat(batchOf(idOf(NO_MAIL_USER))).as("the outer step's batch, resumed").isEqualTo(outerBatch);
  }

  @Test
  void badInputIsRefusedByName() {
    assertThatThrownBy(() -> notifications.notify(eventKey, " ", Notice.TASK_ASSIGNED, assigned()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userId");
    assertThatThrownBy(() -> notifications.notify(eventKey, LEADER, Notice.TASK_ASSIGNED,
        Map.of("taskName", "研判", "trackingNumber", "GC-2026-000042")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dueAt'");
    assertThat(jdbc.sql("select count(*) from gc_notification where event_key = ?").param(eventKey)
        .query(Integer.class).single()).isZero();
  }

  private static Map<String, String> assigned() {
    return Map.of("taskName", "研判 GC-2026-000042", "trackingNumber", "GC-2026-000042",
        "dueAt", "2026-11-24 18:00");
  }

  private static Map<String, String> withLevel() {
    return Map.of("taskName", "办理 GC-2026-000042", "trackingNumber", "GC-2026-000042",
        "dueAt", "2026-11-24 18:00", "level", "社区党组织书记");
  }

  private long notificationInstances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).count();
  }

  private TransactionTemplate transaction() {
    return new TransactionTemplate(transactionManager);
  }

  private long idOf(String userId) {
    return jdbc.sql("select id from gc_notification where event_key = ? and user_id = ?").params(eventKey, userId)
        .query(Long.class).single();
  }

  private long batchOf(long id) {
    return jdbc.sql("select coalesce(batch_id, id) from gc_notification where id = ?").param(id)
        .query(Long.class).single();
  }

  private Job sendJob(long id) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
        .processInstanceBusinessKey(Long.toString(batchOf(id))).singleResult();
    return managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(Elements.TASK_SEND_NOTICE).singleResult();
  }

  private void executeSendJob(long id) {
    managementService.executeJob(sendJob(id).getId());
  }
}
