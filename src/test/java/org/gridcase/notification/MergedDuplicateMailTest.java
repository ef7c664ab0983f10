package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A duplicate merged at triage: its requester gets the original case's result by mail, once (GreenMail). */
@GridcaseTest
class MergedDuplicateMailTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static final String GRID = "DC-01-05-002";
  static final String RESULT = "已组织保洁公司清运垃圾并加设垃圾桶";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  @Test
  void theMergedRequesterIsMailedTheOriginalsResultOnce() throws Exception {
    String original = submit("小区垃圾堆积一周无人清运", "zhao@example.org");
    String duplicate = submit("垃圾站满了没人管", "qian@example.org");
    complete(duplicate, Elements.TASK_TRIAGE, Map.of("triageDecision", "decline", "declineReason", "duplicate",
        "duplicateOf", original, "gridCode", GRID, "categoryCode", "C01"));
    runMailJob(duplicate);
    assertThat(text(mailsTo("qian@example.org").get(0))).contains("与已受理的诉求重复")
        .contains("已与受理编号 " + original + " 的诉求合并办理").contains("办理完毕后，我们将把办理结果通过邮件告知您")
        .doesNotContain(RESULT);

    complete(original, Elements.TASK_TRIAGE, Map.of("triageDecision", "accept", "categoryCode", "C01",
        "colour", "green", "gridCode", GRID));
    complete(original, Elements.TASK_HANDLE_GREEN, Map.of("handlingAction", "done", "handlingNote", RESULT));
    runMailJob(original);

    List<MimeMessage> toDuplicate = mailsTo("qian@example.org");
    assertThat(toDuplicate).hasSize(2);
    assertThat(toDuplicate.get(1).getSubject()).isEqualTo("【网格诉求】" + duplicate + " 办理结果反馈");
    assertThat(text(toDuplicate.get(1))).contains("与受理编号 " + original + " 的诉求重复，已合并办理")
        .contains(RESULT).contains("垃圾站满了没人管").doesNotContain("zhao").doesNotContain("小区垃圾堆积");
    assertThat(mailsTo("zhao@example.org")).singleElement()
        .satisfies(mail -> assertThat(text(mail)).contains(RESULT).contains("/survey/"));
    assertThat(jdbc.sql("select duplicate_result_sent_at from gc_request where tracking_number = ?")
        .param(duplicate).query(Object.class).single()).isNotNull();
  }

  @Test
  void aDuplicateMergedAfterTheResultGetsItInItsOwnMail() throws Exception {
    String original = submit("楼下绿化带有人倾倒建筑垃圾", null);
    complete(original, Elements.TASK_TRIAGE, Map.of("triageDecision", "accept", "categoryCode", "C01",
        "colour", "green", "gridCode", GRID));
    complete(original, Elements.TASK_HANDLE_GREEN, Map.of("handlingAction", "done", "handlingNote", RESULT));
    String duplicate = submit("绿化带建筑垃圾", "sun@example.org");

    complete(duplicate, Elements.TASK_TRIAGE, Map.of("triageDecision", "decline", "declineReason", "duplicate",
        "duplicateOf", original, "gridCode", GRID, "categoryCode", "C01"));
    runMailJob(duplicate);

    assertThat(mailsTo("sun@example.org")).singleElement()
        .satisfies(mail -> assertThat(text(mail)).contains("合并办理").contains(RESULT));
    assertThat(jdbc.sql("select count(*) from gc_request where tracking_number = ?"
        + " and duplicate_of is not null and duplicate_result_sent_at is not null")
        .param(duplicate).query(Integer.class).single()).isOne();
  }

  private String submit(String description, String email) {
    Map<String, Object> body = new HashMap<>(Map.of("description", description, "categoryCode", "C01",
        "gridCode", GRID, "channel", "hotline"));
    if (email != null) {
      body.put("requesterEmail", email);
    }
    return rest.withBasicAuth("demo", "demo").postForObject("/api/requests", body, JsonNode.class)
        .get("trackingNumber").asText();
  }

  private void complete(String trackingNumber, String element, Map<String, Object> variables) {
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(element).singleResult().getId(), variables);
  }

  private void runMailJob(String trackingNumber) {
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instanceId)
        .activityId(Elements.TASK_SEND_FEEDBACK_MAIL).singleResult().getId());
  }

  private List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
      try {
        return mail.getAllRecipients()[0].toString().equals(address);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static String text(MimeMessage mail) throws Exception {
    return mail.getContent().toString();
  }
}
