package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The feedback mail against a real SMTP server (GreenMail), sent by executing its job. */
@GridcaseTest
class FeedbackMailTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static final String GRID = "DC-01-04-002";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  @Test
  void resultIsMailedAfterTheHandlingCommitted() throws Exception {
    ProcessInstance instance = submit("F02", "李女士", "li@example.org");
    complete(instance, Elements.TASK_TRIAGE, Map.of("triageDecision", "accept", "categoryCode", "F02",
        "colour", "green", "gridCode", GRID));
    complete(instance, Elements.TASK_HANDLE_GREEN, Map.of("handlingAction", "done",
        "handlingNote", "已联系供水公司抢修，当天恢复供水"));
    assertThat(smtp.getReceivedMessages()).as("nothing leaves inside the handling transaction").isEmpty();

    managementService.executeJob(mailJob(instance).getId());

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("li@example.org");
    assertThat(mail.getSubject()).isEqualTo("【网格诉求】" + instance.getBusinessKey() + " 办理结果反馈");
    assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(mail.getContent().toString()).contains("李女士您好").contains("已联系供水公司抢修，当天恢复供水");
    assertThat(jdbc.sql("select fed_back_at from gc_request where tracking_number = ?")
        .param(instance.getBusinessKey()).query(Object.class).single()).isNotNull();
    // The async-after continuation takes the case on to the review.
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
        .singleResult().getId());
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Elements.TASK_SATISFACTION_REVIEW).count()).isOne();
  }

  @Test
  void anSmtpOutageIsRetriedAndLosesNothing() throws Exception {
    ProcessInstance instance = submit("X03", null, "zhang@example.org");
    complete(instance, Elements.TASK_TRIAGE, Map.of("triageDecision", "accept", "categoryCode", "X03",
        "colour", "green", "gridCode", GRID));
    Job job = mailJob(instance);
    smtp.stop();
    try {
      assertThatThrownBy(() -> managementService.executeJob(job.getId()))
          .hasMessageContaining(instance.getBusinessKey()).hasMessageNotContaining("zhang@example.org");
    } finally {
      smtp.start();
    }
    Job retried = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(retried.getRetries()).isEqualTo(4);
    assertThat(retried.getExceptionMessage()).contains("not sent");
    assertThat(jdbc.sql("select count(*) from gc_request where tracking_number = ? and fed_back_at is null")
        .param(instance.getBusinessKey()).query(Integer.class).single()).isOne();

    managementService.executeJob(job.getId());

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getContent().toString()).contains("不予受理").contains("区劳动人事争议仲裁院");
  }

  private ProcessInstance submit(String category, String name, String email) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of("description", "家里停水两天了", "categoryCode", category,
        "gridCode", GRID, "channel", "hotline", "requesterEmail", email));
    if (name != null) {
      body.put("requesterName", name);
    }
    JsonNode receipt = rest.withBasicAuth("demo", "demo").postForObject("/api/requests", body, JsonNode.class);
    return runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(receipt.get("trackingNumber").asText()).singleResult();
  }

  private void complete(ProcessInstance instance, String element, Map<String, Object> variables) {
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(element)
        .singleResult().getId();
    taskService.complete(taskId, variables);
  }

  private Job mailJob(ProcessInstance instance) {
    return managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(Elements.TASK_SEND_FEEDBACK_MAIL).singleResult();
  }
}
