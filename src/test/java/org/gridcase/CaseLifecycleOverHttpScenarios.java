package org.gridcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Whole cases over HTTP, as the demo users of each role would work them: intake through
 * {@code POST /api/requests}, every task through Camunda's engine REST with that user's credentials.
 * Each step also checks that the task is offered to the right role of the right unit only.
 * Runs on H2 and, in the PostgreSQL suite, on PostgreSQL.
 */
abstract class CaseLifecycleOverHttpScenarios {

  static final String GRID = "DC-03-04-002";
  static final String LEADER = "leader-03-04-002";
  static final String WORKER = "worker-03-04-002";
  static final String REVIEWER = "reviewer-03-04";
  static final String SECRETARY = "secretary-03-04";
  static final String LIAISON = "liaison-03-04";
  static final String NEIGHBOUR_LEADER = "leader-03-04-003";

  @Autowired TestRestTemplate rest;

  @Test
  void greenCaseFromIntakeToClose() {
    String tn = submit("C01", null);
    work(LEADER, tn, "Task_Triage", triage("C01", "green"), WORKER, NEIGHBOUR_LEADER);
    work(WORKER, tn, "Task_HandleGreen", vars("handlingAction", "done", "handlingNote", "垃圾已清运"), LEADER, REVIEWER);
    work(WORKER, tn, "Task_FeedbackCall", vars("feedbackNote", "已电话告知"), REVIEWER);
    work(REVIEWER, tn, "Task_SatisfactionReview", vars("satisfaction", "satisfied"), WORKER);
    assertEnded(tn, "EndEvent_RequestClosed");
  }

  @Test
  void yellowCaseWithAReturnAndAnExtension() {
    String tn = submit("B01", null);
    work(LEADER, tn, "Task_Triage", triage("B01", "yellow"));
    work(LEADER, tn, "Task_HandleYellow", vars("handlingAction", "return", "handlingNote", "涉及两个网格"), WORKER);
    work(LEADER, tn, "Task_Triage", triage("B01", "yellow"));
    Map<String, Object> extension = vars("handlingAction", "extension", "handlingNote", "当事人外出");
    extension.put("extensionDays", Map.of("value", 5, "type", "Long"));
    work(LEADER, tn, "Task_HandleYellow", extension);
    Map<String, Object> approval = vars("approvalNote", "同意");
    approval.put("extensionApproved", Map.of("value", true));
    work(SECRETARY, tn, "Task_ApproveExtension", approval, LEADER, REVIEWER);
    work(LEADER, tn, "Task_HandleYellow", vars("handlingAction", "done", "handlingNote", "调解成功"));
    work(WORKER, tn, "Task_FeedbackCall", vars("feedbackNote", "已告知"));
    work(REVIEWER, tn, "Task_SatisfactionReview", vars("satisfaction", "basically-satisfied"));
    assertEnded(tn, "EndEvent_RequestClosed");
  }

  @Test
  void redCaseThroughTheLiaisonLeaderWithATwoDepartmentWhistle() {
    String tn = submit("B03", null);
    work(LEADER, tn, "Task_Triage", triage("B03", "red"));
    Map<String, Object> whistle = vars("handlingAction", "whistle", "handlingNote", "消防通道被占，请城管和应急到场");
    whistle.put("whistleDepartments", Map.of("value", "[\"D-CG\",\"D-YJ\"]", "type", "Json"));
    whistle.put("leadDepartment", Map.of("value", "D-YJ"));
    work(LIAISON, tn, "Task_HandleRed", whistle, LEADER, WORKER);
    work("officer-cg-1", tn, "Task_DepartmentReport", vars("reportNote", "已清理占道车辆"), "officer-ga-1");
    work("officer-yj-2", tn, "Task_DepartmentReport", vars("reportNote", "已复查消防通道"));
    work(LIAISON, tn, "Task_HandleRed", vars("handlingAction", "done", "handlingNote", "通道已畅通"));
    work(WORKER, tn, "Task_FeedbackCall", vars("feedbackNote", "已告知"));
    work(REVIEWER, tn, "Task_SatisfactionReview", vars("satisfaction", "satisfied"));
    assertEnded(tn, "EndEvent_RequestClosed");
  }

  @Test
  void unsatisfiedReviewReopensThenCloses() {
    String tn = submit("C03", null);
    work(LEADER, tn, "Task_Triage", triage("C03", "green"));
    work(WORKER, tn, "Task_HandleGreen", vars("handlingAction", "done", "handlingNote", "已劝离"));
    work(WORKER, tn, "Task_FeedbackCall", vars("feedbackNote", "已告知"));
    work(REVIEWER, tn, "Task_SatisfactionReview", vars("satisfaction", "unsatisfied", "reviewNote", "第二天又来了"));
    work(WORKER, tn, "Task_HandleGreen", vars("handlingAction", "done", "handlingNote", "联合城管设置禁停"));
    work(WORKER, tn, "Task_FeedbackCall", vars("feedbackNote", "已告知"));
    work(REVIEWER, tn, "Task_SatisfactionReview", vars("satisfaction", "satisfied"));
    assertEnded(tn, "EndEvent_RequestClosed");
  }

  @Test
  void notAdmittedCaseIsDeclinedAndStillGetsFeedback() {
    String tn = submit("X02", null);
    work(LEADER, tn, "Task_Triage", triage("X02", "green"));
    work(WORKER, tn, "Task_FeedbackCall", vars("feedbackNote", "已告知请拨打110"));
    assertEnded(tn, "EndEvent_RequestDeclined");
  }

  private String submit(String category, String email) {
    Map<String, Object> body = new HashMap<>(Map.of("description", "巡查发现问题，群众反映强烈", "categoryCode", category,
        "gridCode", GRID, "channel", "hotline", "requesterName", "赵女士", "requesterPhone", "13700001111"));
    if (email != null) {
      body.put("requesterEmail", email);
    }
    ResponseEntity<JsonNode> receipt = rest.withBasicAuth("demo", "demo").postForEntity("/api/requests", body,
        JsonNode.class);
    assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return receipt.getBody().get("trackingNumber").asText();
  }

  /**
   * The user finds exactly one task of that kind for the case in their own task list, claims and
   * completes it; the other users named must not see it at all.
   */
  private void work(String user, String trackingNumber, String taskKey, Map<String, Object> variables,
      String... notOfferedTo) {
    List<JsonNode> visible = tasks(user, trackingNumber, taskKey);
    assertThat(visible).as(taskKey + " for " + user).hasSize(1);
    for (String other : notOfferedTo) {
      assertThat(tasks(other, trackingNumber, taskKey)).as(taskKey + " must not reach " + other).isEmpty();
    }
    String id = visible.get(0).get("id").asText();
    assertThat(rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + id + "/claim",
        Map.of("userId", user), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> completed = rest.withBasicAuth(user, "demo").postForEntity(
        "/engine-rest/task/" + id + "/complete", Map.of("variables", variables), String.class);
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private List<JsonNode> tasks(String user, String trackingNumber, String taskKey) {
    JsonNode tasks = rest.withBasicAuth(user, "demo").getForObject(
        "/engine-rest/task?processInstanceBusinessKey={tn}&taskDefinitionKey={key}", JsonNode.class,
        trackingNumber, taskKey);
    return StreamSupport.stream(tasks.spliterator(), false).toList();
  }

  private void assertEnded(String trackingNumber, String endEvent) {
    JsonNode history = rest.withBasicAuth("demo", "demo").getForObject(
        "/engine-rest/history/process-instance?processInstanceBusinessKey={tn}", JsonNode.class, trackingNumber);
    assertThat(history.get(0).get("state").asText()).isEqualTo("COMPLETED");
    JsonNode ends = rest.withBasicAuth("demo", "demo").getForObject(
        "/engine-rest/history/activity-instance/count?processInstanceId={id}&activityId={end}", JsonNode.class,
        history.get(0).get("id").asText(), endEvent);
    assertThat(ends.get("count").asInt()).isOne();
  }

  private static Map<String, Object> triage(String category, String colour) {
    return vars("triageDecision", "accept", "categoryCode", category, "colour", colour, "gridCode", GRID);
  }

  private static Map<String, Object> vars(String... keyValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put(keyValues[i], Map.of("value", keyValues[i + 1]));
    }
    return variables;
  }
}
