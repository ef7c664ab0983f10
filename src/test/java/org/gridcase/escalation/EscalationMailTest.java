package org.gridcase.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_GREEN;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_SUPERVISE_HANDLING_OVERDUE;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.GridcaseTest;
import static org.gridcase.intake.CaseFixtures.at;

import org.gridcase.intake.CaseFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A breach end to end against a real SMTP server (GreenMail): the escalation happens while SMTP is down,
 * the mail waits in its own retried job, and arrives once when SMTP is back, however often the jobs run.
 */
@GridcaseTest
class EscalationMailTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static final String GRID = "DC-02-06-001";
  static final String LEADER_MAIL = "leader-02-06-001@demo.gridcase.org";

  @Autowired ApplicationContext context;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theGridLeaderIsMailedOnceAboutTheBreachAndSmtpNeverBlocksTheEscalation() throws Exception {
    CaseFixtures cases = new CaseFixtures(context);
    ClockUtil.setCurrentTime(at("2026-11-23T09:00"));
    ProcessInstance instance = cases.inHandling(GRID, "井盖松动，车辆经过有响声", "C04", "green");

    smtp.stop();
    List<Long> notices;
    try {
      ClockUtil.setCurrentTime(at("2026-11-26T09:05"));
      cases.executeDueTimers(instance);
      assertThat(cases.task(instance, TASK_SUPERVISE_HANDLING_OVERDUE)).as("escalated while SMTP is down")
          .isNotNull();
      notices = jdbc.sql("select id from gc_notification where user_id = ? and notice = 'ESCALATED'"
          + " and body like ?").params("leader-02-06-001", "%" + instance.getBusinessKey() + "%")
          .query(Long.class).list();
      assertThat(notices).hasSize(1);
      Job send = sendJob(notices.get(0));
      assertThatThrownBy(() -> managementService.executeJob(send.getId())).hasMessageContaining("not sent");
      assertThat(managementService.createJobQuery().jobId(send.getId()).singleResult().getRetries()).isEqualTo(4);
      cases.executeDueTimers(instance);
      assertThat(cases.task(instance, TASK_HANDLE_GREEN)).as("the handler keeps the case").isNotNull();
    } finally {
      smtp.start();
    }

    Job send = sendJob(notices.get(0));
    managementService.executeJob(send.getId());
    assertThat(sendJob(notices.get(0))).as("sent: the job is done").isNull();
    // The same step's other notices (the supervision task offered to the leader) share the send job.
    MimeMessage[] received = Arrays.stream(smtp.getReceivedMessages()).filter(message -> to(message, LEADER_MAIL))
        .filter(message -> subject(message).startsWith("【超时督办】")).toArray(MimeMessage[]::new);
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).startsWith("【超时督办】");
    assertThat(received[0].getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat((String) received[0].getContent()).contains(instance.getBusinessKey(), "网格长");
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean to(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Job sendJob(long noticeId) {
    // The notice is sent by its batch's instance, keyed by the batch's first notice.
    long batch = jdbc.sql("select coalesce(batch_id, id) from gc_notification where id = ?").param(noticeId)
        .query(Long.class).single();
    ProcessInstance notice = runtimeService.createProcessInstanceQuery().processDefinitionKey("notification")
        .processInstanceBusinessKey(Long.toString(batch)).singleResult();
    return notice == null ? null : managementService.createJobQuery().processInstanceId(notice.getId()).singleResult();
  }
}
