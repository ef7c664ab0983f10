package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The attacks of issue 10 on the engine, each as a logged-in grid worker would run them over HTTP; every
 * one succeeded before the engine guards. Run on H2 and, in the PostgreSQL suite, on PostgreSQL.
 */
abstract class EngineAttackScenarios {

  private static final Logger log = LoggerFactory.getLogger(EngineAttackScenarios.class);

  // Users no other test signs in as: a wrong password elsewhere (AuthorizationByGridScenarios) delays the
  // next logins of that user, and all tests share one application context.
  static final String GRID_A = "DC-01-03-005";
  static final String GRID_B = "DC-02-02-002";
  static final String WORKER_A = "worker-01-03-005";
  static final String WORKER_B = "worker-02-02-002";
  static final String LEADER_A = "leader-01-03-005";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;
  @Autowired AccessBootstrap accessBootstrap;
  @Autowired PersonalDataPurge personalDataPurge;

  @AfterEach
  void deleteCases() {
    runtimeService.createProcessInstanceQuery().processDefinitionKey("citizen-request").list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test cleanup"));
  }

  /** Every expression field of the engine REST task query, found by reflection so new ones are attacked too. */
  static List<String> expressionFields() {
    List<String> fields = new ArrayList<>();
    for (Method method : TaskQueryDto.class.getMethods()) {
      if (method.getName().startsWith("set") && method.getName().endsWith("Expression")
          && method.getParameterCount() == 1 && method.getParameterTypes()[0] == String.class) {
        String name = method.getName().substring(3);
        fields.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
      }
    }
    fields.sort(null);
    return fields;
  }

  @Test
  void noExpressionOfAnOrQueryRunsCode() throws Exception {
    List<String> fields = expressionFields();
    assertThat(fields).as("TaskQueryDto's expression fields").hasSizeGreaterThan(8)
        .contains("assigneeExpression", "candidateUserExpression", "candidateGroupsExpression", "dueBeforeExpression");
    String filterId = elements(rest.withBasicAuth(WORKER_A, "demo").getForObject("/engine-rest/filter", JsonNode.class))
        .get(0).get("id").asText();
    Path marker = Files.createTempFile("gridcase-attack-", ".txt");
    Files.delete(marker);
    String payload = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
        + ".exec('touch " + marker + "')}";
    for (String field : fields) {
      Map<String, Object> orQuery = Map.of("orQueries", List.of(Map.of(field, payload)));
      for (String path : List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/filter/" + filterId + "/list",
          "/engine-rest/filter/" + filterId + "/count")) {
        ResponseEntity<String> response = rest.withBasicAuth(WORKER_A, "demo").postForEntity(path, json(orQuery),
            String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + field + ": " + response.getBody()).isIn(400, 403);
        assertThat(response.getBody()).as(path + " names the field").contains(field);
      }
      ResponseEntity<String> topLevel = rest.withBasicAuth(WORKER_A, "demo").postForEntity("/engine-rest/task",
          json(Map.of(field, payload)), String.class);
      assertThat(topLevel.getStatusCode().value()).as("top level " + field).isIn(400, 403);
    }
    // Tasklist's own door: the web apps' engine API with a signed-in session.
    HttpHeaders session = webappSession(WORKER_A);
    session.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> tasklist = rest.exchange("/camunda/api/engine/engine/default/task", HttpMethod.POST,
        new HttpEntity<>(Map.of("orQueries", List.of(Map.of("assigneeExpression", payload))), session), String.class);
    assertThat(tasklist.getStatusCode()).as(tasklist.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tasklist.getBody()).contains("orQueries[0].assigneeExpression");
    ResponseEntity<String> allowed = rest.exchange("/camunda/api/engine/engine/default/task", HttpMethod.POST,
        new HttpEntity<>(Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}"))), session),
        String.class);
    assertThat(allowed.getStatusCode()).as("the filters' own expressions still work").isEqualTo(HttpStatus.OK);

    Thread.sleep(200); // a started OS process would need a moment to create the file; nothing is awaited here
    assertThat(marker).as("no command ran on the server").doesNotExist();
  }

  @Test
  void tenThousandOrQueriesAreRefusedWithoutStackOverflow() {
    List<Map<String, Object>> orQueries = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      orQueries.add(Map.of("assignee", "nobody-" + i));
    }
    for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
      long started = System.nanoTime();
      ResponseEntity<String> response = rest.withBasicAuth(WORKER_A, "demo").postForEntity(path,
          json(Map.of("orQueries", orQueries)), String.class);
      log.info("{} with 10,000 or-queries answered {} in {} ms", path, response.getStatusCode().value(),
          (System.nanoTime() - started) / 1_000_000);
      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).contains("orQueries").doesNotContain("StackOverflow");
    }
    List<Map<String, Object>> ten = orQueries.subList(0, 10);
    assertThat(rest.withBasicAuth(WORKER_A, "demo").postForEntity("/engine-rest/task", json(Map.of("orQueries", ten)),
        String.class).getStatusCode()).as("up to the cap").isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth(WORKER_A, "demo").postForEntity("/engine-rest/task",
        json(Map.of("orQueries", orQueries.subList(0, 11))), String.class).getStatusCode()).as("one beyond")
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aBodyLargerThanTheLimitIs413() {
    String big = "x".repeat(1_100_000);
    ResponseEntity<String> response = rest.withBasicAuth(WORKER_A, "demo").postForEntity("/engine-rest/task",
        json(Map.of("name", big)), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
  }

  @Test
  void aForgedStartIsRefusedAndChangesNoCase() {
    long victim = startCaseAs(WORKER_B, GRID_B);
    Map<String, Object> before = caseRow(victim);
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey("citizen-request").count();
    Map<String, Object> forged = variables("requestId", victim, "triageGroup", GRID_A + ".grid-worker",
        "gridCode", GRID_A, "description", "伪造的诉求");
    ResponseEntity<String> start = rest.withBasicAuth(WORKER_A, "demo").postForEntity(
        "/engine-rest/process-definition/key/citizen-request/start", json(Map.of("variables", forged)), String.class);
    assertThat(start.getStatusCode()).as(start.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(start.getBody()).contains("requestId").contains("triageGroup");
    ResponseEntity<String> form = rest.withBasicAuth(WORKER_A, "demo").postForEntity(
        "/engine-rest/process-definition/key/citizen-request/submit-form", json(Map.of("variables", forged)),
        String.class);
    assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(form.getBody()).contains("requestId");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("citizen-request").count())
        .isEqualTo(instances);
    assertThat(caseRow(victim)).isEqualTo(before);
  }

  @Test
  void completingOnesOwnTaskWithAnotherCasesIdIsRefused() {
    long own = startCaseAs(WORKER_A, GRID_A);
    triageAsGreen(LEADER_A, GRID_A);
    long victim = startCaseAs(WORKER_B, GRID_B);
    Map<String, Object> victimBefore = caseRow(victim);
    Map<String, Object> ownBefore = caseRow(own);
    String task = elements(rest.withBasicAuth(WORKER_A, "demo").getForObject("/engine-rest/task", JsonNode.class))
        .get(0).get("id").asText();
    Map<String, Object> forged = variables("handlingAction", "done", "handlingNote", "已处理", "requestId", victim);
    for (String action : List.of("complete", "submit-form")) {
      ResponseEntity<String> response = rest.withBasicAuth(WORKER_A, "demo").postForEntity(
          "/engine-rest/task/" + task + "/" + action, json(Map.of("variables", forged)), String.class);
      assertThat(response.getStatusCode()).as(action + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).contains("requestId");
    }
    ResponseEntity<String> direct = rest.withBasicAuth(WORKER_A, "demo").exchange(
        "/engine-rest/task/" + task + "/variables/requestId", HttpMethod.PUT,
        json(Map.of("value", victim, "type", "Long")), String.class);
    assertThat(direct.getStatusCode()).as("a direct variable write").isEqualTo(HttpStatus.FORBIDDEN);
    String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
        (String) ownBefore.get("tracking_number")).singleResult().getId();
    ResponseEntity<String> modify = rest.withBasicAuth(WORKER_A, "demo").postForEntity(
        "/engine-rest/process-instance/" + instance + "/variables",
        json(Map.of("modifications", Map.of("requestId", Map.of("value", victim, "type", "Long")))), String.class);
    assertThat(modify.getStatusCode().value()).as("a process variable patch: " + modify.getBody()).isIn(403, 404);
    ResponseEntity<String> message = rest.withBasicAuth(WORKER_A, "demo").postForEntity("/engine-rest/message",
        json(Map.of("messageName", "SurveyAnswered", "processVariables",
            Map.of("requestId", Map.of("value", victim, "type", "Long")))), String.class);
    assertThat(message.getStatusCode()).as("a message with variables: " + message.getBody())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // Tasks are worked (TASK_WORK), not edited: no handing one's task to someone else, no renaming.
    assertThat(rest.withBasicAuth(WORKER_A, "demo").postForEntity("/engine-rest/task/" + task + "/assignee",
        json(Map.of("userId", WORKER_B)), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth(WORKER_A, "demo").exchange("/engine-rest/task/" + task, HttpMethod.PUT,
        json(Map.of("name", "改名", "assignee", WORKER_B)), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth(WORKER_A, "demo").postForEntity("/engine-rest/task/" + task + "/claim",
        json(Map.of("userId", WORKER_A)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // Even an administrator, whom the variable guard trusts, cannot make a listener act on another case.
    ResponseEntity<String> admin = rest.withBasicAuth("demo", "demo").postForEntity(
        "/engine-rest/task/" + task + "/complete", json(Map.of("variables", forged)), String.class);
    assertThat(admin.getStatusCode().is2xxSuccessful()).as(admin.getBody()).isFalse();

    assertThat(caseRow(victim)).isEqualTo(victimBefore);
    assertThat(caseRow(own)).isEqualTo(ownBefore);
    ResponseEntity<String> honest = rest.withBasicAuth(WORKER_A, "demo").postForEntity(
        "/engine-rest/task/" + task + "/complete",
        json(Map.of("variables", variables("handlingAction", "done", "handlingNote", "已处理"))), String.class);
    assertThat(honest.getStatusCode()).as(honest.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** TASK_WORK lets a handler claim and complete; handing back one's own claimed task is allowed too, nothing more. */
  @Test
  void handlersUnclaimTheirOwnTaskButAssignNoOne() {
    startCaseAs(WORKER_A, GRID_A);
    triageAsGreen(LEADER_A, GRID_A);
    String task = elements(rest.withBasicAuth(WORKER_A, "demo").getForObject("/engine-rest/task", JsonNode.class))
        .get(0).get("id").asText();
    String building = "building-01-03-005";
    assertThat(rest.withBasicAuth(building, "demo").postForEntity("/engine-rest/task/" + task + "/claim",
        json(Map.of("userId", building)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(rest.withBasicAuth(WORKER_A, "demo").postForEntity("/engine-rest/task/" + task + "/unclaim",
        json(Map.of()), String.class).getStatusCode()).as("someone else's claim").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth(building, "demo").postForEntity("/engine-rest/task/" + task + "/assignee",
        json(Map.of("userId", WORKER_A)), String.class).getStatusCode()).as("assigning").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth(building, "demo").postForEntity("/engine-rest/task/" + task + "/unclaim",
        json(Map.of()), String.class).getStatusCode()).as("one's own claim").isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(rest.withBasicAuth(WORKER_A, "demo").getForObject("/engine-rest/task/" + task, JsonNode.class)
        .get("assignee").isNull()).isTrue();
  }

  @Test
  void workersStartNoInternalProcess() {
    for (String key : List.of("monthly-bulletin", "grid-leader-grading", "area-mode-switch")) {
      ResponseEntity<String> response = rest.withBasicAuth(WORKER_A, "demo").postForEntity(
          "/engine-rest/process-definition/key/" + key + "/start", json(Map.of()), String.class);
      assertThat(response.getStatusCode()).as(key + ": " + response.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).startedBy(WORKER_A).count())
          .isZero();
    }
    JsonNode startable = rest.withBasicAuth(WORKER_A, "demo").getForObject(
        "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true&startablePermissionCheck=true",
        JsonNode.class);
    assertThat(elements(startable)).extracting(definition -> definition.get("key").asText())
        .containsExactly("citizen-request");
  }

  @Test
  void workersRunNoJobAndReadNoStatistics() {
    List<Job> cleanup = historyService.findHistoryCleanupJobs();
    assertThat(cleanup).as("the history cleanup job exists").isNotEmpty();
    String job = cleanup.get(0).getId();
    ResponseEntity<String> execute = rest.withBasicAuth(WORKER_A, "demo").postForEntity(
        "/engine-rest/job/" + job + "/execute", json(Map.of()), String.class);
    assertThat(execute.getStatusCode()).as(execute.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> retries = rest.withBasicAuth(WORKER_A, "demo").exchange(
        "/engine-rest/job/" + job + "/retries", HttpMethod.PUT, json(Map.of("retries", 0)), String.class);
    assertThat(retries.getStatusCode()).as(retries.getBody()).isEqualTo(HttpStatus.FORBIDDEN);

    for (String path : List.of("/engine-rest/process-definition/statistics",
        "/engine-rest/process-definition/key/citizen-request/statistics",
        "/engine-rest/history/process-definition/citizen-request/statistics")) {
      ResponseEntity<String> response = rest.withBasicAuth(WORKER_A, "demo").getForEntity(path, String.class);
      assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isIn(403, 404);
    }
    ResponseEntity<String> supervisor = rest.withBasicAuth("supervisor-dc", "demo")
        .getForEntity("/engine-rest/process-definition/statistics", String.class);
    assertThat(supervisor.getStatusCode()).as("supervisors keep Cockpit's figures").isEqualTo(HttpStatus.OK);
  }

  @Test
  void workersListNoUsersAndCannotChangeTheirOwnEmail() {
    JsonNode users = rest.withBasicAuth(WORKER_A, "demo").getForObject("/engine-rest/user", JsonNode.class);
    assertThat(elements(users)).extracting(user -> user.get("id").asText()).containsExactly(WORKER_A);
    assertThat(rest.withBasicAuth(WORKER_A, "demo").getForEntity("/engine-rest/user/" + WORKER_B + "/profile",
        String.class).getStatusCode().value()).isIn(403, 404);
    JsonNode profile = rest.withBasicAuth(WORKER_A, "demo")
        .getForObject("/engine-rest/user/" + WORKER_A + "/profile", JsonNode.class);
    String email = profile.get("email").asText();
    Map<String, Object> changed = new HashMap<>(Map.of("id", WORKER_A, "firstName", profile.get("firstName").asText(),
        "lastName", profile.get("lastName").asText(), "email", "attacker@example.org"));
    ResponseEntity<String> update = rest.withBasicAuth(WORKER_A, "demo").exchange(
        "/engine-rest/user/" + WORKER_A + "/profile", HttpMethod.PUT, json(changed), String.class);
    assertThat(update.getStatusCode()).as(update.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("demo", "demo").getForObject("/engine-rest/user/" + WORKER_A + "/profile",
        JsonNode.class).get("email").asText()).isEqualTo(email);
  }

  @Test
  void aPhoneTypedIntoTheStartFormReachesNoEngineTable() {
    String phone = "139" + (10_000_000 + Math.abs(UUID.randomUUID().hashCode() % 89_999_999));
    Map<String, Object> form = variables("gridCode", GRID_A, "description", "井盖缺失，行人易跌落",
        "categoryCode", "C04", "requesterPhone", phone);
    ResponseEntity<JsonNode> started = rest.withBasicAuth(WORKER_A, "demo").postForEntity(
        "/engine-rest/process-definition/key/citizen-request/submit-form", json(Map.of("variables", form)),
        JsonNode.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String instance = started.getBody().get("id").asText();
    assertThat(jdbc.sql("select requester_phone from gc_request where process_instance_id = ?").param(instance)
        .query(String.class).single()).as("the case keeps the phone").isEqualTo(phone);

    assertThat(engineTablesContaining(phone)).as("tables holding the phone").isEmpty();
    assertThat(jdbc.sql("select count(*) from ACT_HI_VARINST where NAME_ in ('requesterPhone', 'description')")
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from ACT_HI_DETAIL where NAME_ in ('requesterPhone', 'description')")
        .query(Long.class).single()).isZero();
  }

  /**
   * The description, and a phone a citizen wrote into it, reach no engine table either: the triage rules read
   * its start as a local input of their decision (the caseText bean), and neither that input, its decision
   * history nor a task's description keeps it. The danger word makes the rules read and use it (red).
   */
  @Test
  void aDescriptionReachesNoEngineTableThoughTheTriageRulesReadIt() {
    String phone = "137" + (10_000_000 + Math.abs(UUID.randomUUID().hashCode() % 89_999_999));
    String description = "楼道里有燃气泄漏的气味，请回电 " + phone;
    Map<String, Object> form = variables("gridCode", GRID_A, "description", description, "categoryCode", "C04");
    ResponseEntity<JsonNode> started = rest.withBasicAuth(WORKER_A, "demo").postForEntity(
        "/engine-rest/process-definition/key/citizen-request/submit-form", json(Map.of("variables", form)),
        JsonNode.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String instance = started.getBody().get("id").asText();
    assertThat(rest.withBasicAuth("demo", "demo").getForObject("/engine-rest/process-instance/" + instance
        + "/variables/colour", JsonNode.class).get("value").asText()).as("the danger word was read").isEqualTo("red");

    assertThat(engineTablesContaining(phone)).as("tables holding the phone written into the description").isEmpty();
    assertThat(engineTablesContaining("燃气泄漏的气味")).as("tables holding the description").isEmpty();
    assertThat(jdbc.sql("select count(*) from ACT_RU_VARIABLE where NAME_ = 'summary'").query(Long.class).single())
        .isZero();
  }

  @Test
  void whatEarlierVersionsLeftIsCleanedAtStartUp() {
    // The grants and history rows of a database from before the guards.
    org.camunda.bpm.engine.authorization.Authorization createAny = authorizationService.createAuthorizationQuery()
        .groupIdIn(AccessGroups.HANDLERS).resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION)
        .resourceId("*").singleResult();
    createAny.addPermission(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizationService.saveAuthorization(createAny);
    org.camunda.bpm.engine.authorization.Authorization users = authorizationService.createNewAuthorization(
        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    users.setGroupId(AccessGroups.HANDLERS);
    users.setResource(org.camunda.bpm.engine.authorization.Resources.USER);
    users.setResourceId("*");
    users.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    authorizationService.saveAuthorization(users);
    org.camunda.bpm.engine.authorization.Authorization own = authorizationService.createAuthorizationQuery()
        .userIdIn(WORKER_B).resourceType(org.camunda.bpm.engine.authorization.Resources.USER).resourceId(WORKER_B)
        .singleResult();
    own.addPermission(org.camunda.bpm.engine.authorization.Permissions.ALL);
    authorizationService.saveAuthorization(own);
    long taskCase = startCaseAs(WORKER_B, GRID_B);
    String triage = taskService.createTaskQuery().processInstanceBusinessKey(
        (String) caseRow(taskCase).get("tracking_number")).singleResult().getId();
    org.camunda.bpm.engine.authorization.Authorization taskGrant = authorizationService.createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(triage).list().get(0);
    taskGrant.addPermission(org.camunda.bpm.engine.authorization.TaskPermissions.UPDATE);
    authorizationService.saveAuthorization(taskGrant);
    String phone = "13800" + (100_000 + Math.abs(UUID.randomUUID().hashCode() % 899_999));
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into ACT_HI_VARINST (ID_, NAME_, VAR_TYPE_, TEXT_, STATE_) values (?, 'requesterPhone', 'string', ?,"
        + " 'CREATED')").params(id, phone).update();
    jdbc.sql("insert into ACT_HI_DETAIL (ID_, TYPE_, NAME_, VAR_TYPE_, TEXT_, TIME_) values (?, 'VariableUpdate',"
        + " 'requesterPhone', 'string', ?, ?)").params(id, phone, new java.sql.Timestamp(System.currentTimeMillis()))
        .update();

    accessBootstrap.run(null);
    personalDataPurge.run(null);
    accessBootstrap.run(null);
    personalDataPurge.run(null);

    assertThat(rest.withBasicAuth(WORKER_B, "demo").postForEntity(
        "/engine-rest/process-definition/key/monthly-bulletin/start", json(Map.of()), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(elements(rest.withBasicAuth(WORKER_B, "demo").getForObject("/engine-rest/user", JsonNode.class)))
        .extracting(user -> user.get("id").asText()).containsExactly(WORKER_B);
    org.camunda.bpm.engine.authorization.Authorization ownAfter = authorizationService.createAuthorizationQuery()
        .userIdIn(WORKER_B).resourceType(org.camunda.bpm.engine.authorization.Resources.USER).resourceId(WORKER_B)
        .singleResult();
    assertThat(ownAfter.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.READ)).isTrue();
    assertThat(ownAfter.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.UPDATE)).isFalse();
    assertThat(engineTablesContaining(phone)).isEmpty();
    assertThat(authorizationService.createAuthorizationQuery().resourceType(
        org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(triage).list())
        .noneMatch(grant -> grant.isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.UPDATE));
    assertThat(startCaseAs(WORKER_B, GRID_B)).as("citizen requests are still started").isPositive();
  }

  private List<String> engineTablesContaining(String value) {
    return EngineTables.containing(jdbc, value);
  }

  private long startCaseAs(String userId, String gridCode) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth(userId, "demo").postForEntity(
        "/engine-rest/process-definition/key/citizen-request/start",
        json(Map.of("variables", variables("gridCode", gridCode, "description", "巡查发现路灯不亮"))), JsonNode.class);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return jdbc.sql("select id from gc_request where process_instance_id = ?")
        .param(response.getBody().get("id").asText()).query(Long.class).single();
  }

  private void triageAsGreen(String leader, String grid) {
    String task = elements(rest.withBasicAuth(leader, "demo").getForObject("/engine-rest/task", JsonNode.class))
        .get(0).get("id").asText();
    ResponseEntity<String> response = rest.withBasicAuth(leader, "demo").postForEntity(
        "/engine-rest/task/" + task + "/complete", json(Map.of("variables", variables("triageDecision", "accept",
            "categoryCode", "C04", "colour", "green", "gridCode", grid))), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private Map<String, Object> caseRow(long id) {
    Map<String, Object> row = new HashMap<>(jdbc.sql("select * from gc_request where id = ?").param(id).query()
        .singleRow());
    Map<String, Object> lowerCase = new HashMap<>();
    row.forEach((key, value) -> lowerCase.put(key.toLowerCase(), value));
    lowerCase.put("events", jdbc.sql("select count(*) from gc_request_event where request_id = ?").param(id)
        .query(Long.class).single());
    return lowerCase;
  }

  private static Map<String, Object> variables(Object... keyValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object value = keyValues[i + 1];
      variables.put((String) keyValues[i], value instanceof Long ? Map.of("value", value, "type", "Long")
          : Map.of("value", value));
    }
    return variables;
  }

  /** Signs in to the web apps as a browser does and returns the headers of that session (cookies, CSRF). */
  private HttpHeaders webappSession(String userId) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    Map<String, String> cookies = new HashMap<>();
    collectCookies(page.getHeaders(), cookies);
    HttpHeaders headers = sessionHeaders(cookies);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", userId);
    form.add("password", "demo");
    ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    collectCookies(login.getHeaders(), cookies);
    // The session changed at login; its CSRF token comes with the next page, as in a browser.
    ResponseEntity<String> again = rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET,
        new HttpEntity<>(sessionHeaders(cookies)), String.class);
    collectCookies(again.getHeaders(), cookies);
    return sessionHeaders(cookies);
  }

  private static void collectCookies(HttpHeaders headers, Map<String, String> cookies) {
    List<String> set = headers.get(HttpHeaders.SET_COOKIE);
    if (set != null) {
      for (String cookie : set) {
        String pair = cookie.contains(";") ? cookie.substring(0, cookie.indexOf(';')) : cookie;
        cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
  }

  private static HttpHeaders sessionHeaders(Map<String, String> cookies) {
    HttpHeaders headers = new HttpHeaders();
    cookies.forEach((name, value) -> headers.add(HttpHeaders.COOKIE, name + "=" + value));
    if (cookies.containsKey("XSRF-TOKEN")) {
      headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    }
    return headers;
  }

  static List<JsonNode> elements(JsonNode array) {
    return array == null ? List.of() : java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
  }

  static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  static List<String> sorted(String... values) {
    List<String> list = new ArrayList<>(Arrays.asList(values));
    list.sort(null);
    return list;
  }
}
