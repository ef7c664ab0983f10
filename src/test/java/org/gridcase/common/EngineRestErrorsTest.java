package org.gridcase.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_TRIAGE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A person's mistake over the engine REST API is a 400 in Camunda's error JSON, naming every field. */
@GridcaseTest
class EngineRestErrorsTest {

  static final String GRID = "DC-01-01-001";
  static final String LEADER = "leader-01-01-001";

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired TaskService taskService;
  CaseFixtures cases;

  @BeforeEach
  void fixtures() {
    cases = new CaseFixtures(context);
  }

  @Test
  void anInvalidChoiceInATaskFormIsA400WithEveryFieldsChineseMessage() {
    ProcessInstance instance = cases.submit(GRID, "路灯不亮", "C04");
    Task triage = cases.task(instance, TASK_TRIAGE);
    taskService.setAssignee(triage.getId(), LEADER);

    for (String action : new String[] {"submit-form", "complete"}) {
      ResponseEntity<JsonNode> answer = rest.withBasicAuth(LEADER, "demo").postForEntity(
          "/engine-rest/task/" + triage.getId() + "/" + action, Map.of("variables", Map.of(
              "triageDecision", Map.of("value", "maybe", "type", "String"),
              "gridCode", Map.of("value", "DC-99", "type", "String"))), JsonNode.class);

      assertThat(answer.getStatusCode()).as(action).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode body = answer.getBody();
      assertThat(body.get("type").asText()).isEqualTo("InvalidFieldsException");
      assertThat(body.get("message").asText()).contains("triageDecision: 请选择 [accept, decline]，不能是 'maybe'")
          .contains("gridCode: 请填写有效的网格编码").doesNotContain("ENGINE-", "TaskListener", "Exception");
      assertThat(body.get("errors")).extracting(error -> error.get("field").asText())
          .containsExactly("triageDecision", "gridCode");
    }
    assertThat(cases.task(instance, TASK_TRIAGE)).as("the task stays open").isNotNull();
  }

  @Test
  void startingACitizenRequestWithoutVariablesIsA400NamingTheFields() {
    ResponseEntity<JsonNode> answer = rest.withBasicAuth("demo", "demo").postForEntity(
        "/engine-rest/process-definition/key/citizen-request/start", Map.of(), JsonNode.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("type").asText()).isEqualTo("InvalidFieldsException");
    assertThat(answer.getBody().get("errors")).extracting(error -> error.get("field").asText())
        .contains("description");
  }

  @Test
  void camundasOwnErrorsKeepTheirStatusAndType() {
    ResponseEntity<JsonNode> missing = rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task/no-such-task",
        JsonNode.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody().get("type").asText()).isEqualTo("InvalidRequestException");

    ResponseEntity<JsonNode> unknownDefinition = rest.withBasicAuth("demo", "demo").postForEntity(
        "/engine-rest/process-definition/key/no-such-process/start", Map.of(), JsonNode.class);
    assertThat(unknownDefinition.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
