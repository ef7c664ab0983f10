package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Who may do what over HTTP; run on H2 and, in the PostgreSQL suite, on PostgreSQL. */
abstract class AuthorizationByGridScenarios {

  static final String GRID_A = "DC-01-02-003";
  static final String GRID_B = "DC-02-01-004";
  static final String WORKER_A = "worker-01-02-003";
  static final String WORKER_B = "worker-02-01-004";

  @Autowired TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

  @AfterEach
  void deleteCases() {
    runtimeService.createProcessInstanceQuery().processDefinitionKey("citizen-request").list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test cleanup"));
  }

  @Test
  void everyApiButHealthNeedsAUser() {
    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth(WORKER_A, "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/organization/units/DC", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"");
  }

  @Test
  void gridWorkerSeesTheTasksOfTheirOwnGridOnly() {
    startCaseAs(WORKER_A, GRID_A);
    startCaseAs(WORKER_B, GRID_B);
    assertThat(taskNamesFor(WORKER_A)).as("triage is the grid leader's").isEmpty();
    triageAsGreen("leader-01-02-003");
    triageAsGreen("leader-02-01-004");

    assertThat(taskNamesFor(WORKER_A)).singleElement().asString().startsWith("【绿】办理 GC-");
    assertThat(candidateGroupsOfTasksFor(WORKER_A)).contains(GRID_A + ".grid-worker");
    assertThat(candidateGroupsOfTasksFor(WORKER_B)).contains(GRID_B + ".grid-worker");
    assertThat(taskNamesFor("worker-01-02-004")).as("the neighbouring grid").isEmpty();
    assertThat(taskNamesFor("leader-01-02-003")).as("another role of the same grid").isEmpty();
    assertThat(taskNamesFor("demo")).hasSize(2);

    String taskOfB = tasksFor(WORKER_B).get(0).get("id").asText();
    assertThat(rest.withBasicAuth(WORKER_A, "demo").getForEntity("/engine-rest/task/" + taskOfB, String.class)
        .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth(WORKER_A, "demo").postForEntity("/engine-rest/task/" + taskOfB + "/claim",
        json(Map.of("userId", WORKER_A)), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /**
   * Tasklist's path: a shared filter's list and count. Queries restricted to the caller's own groups skip the
   * authorization join (InboxAuthorizationManager); asking them for another grid's group must still show nothing.
   */
  @Test
  void inboxFiltersShowTheOwnGridOnly() {
    startCaseAs(WORKER_A, GRID_A);
    startCaseAs(WORKER_B, GRID_B);
    triageAsGreen("leader-01-02-003");
    triageAsGreen("leader-02-01-004");
    String filter = elements(rest.withBasicAuth(WORKER_A, "demo")
        .getForObject("/engine-rest/filter?resourceType=Task&name=本组待办", JsonNode.class)).get(0).get("id").asText();

    JsonNode own = rest.withBasicAuth(WORKER_A, "demo").postForObject("/engine-rest/filter/" + filter + "/list",
        json(Map.of()), JsonNode.class);
    assertThat(elements(own)).singleElement().satisfies(task -> assertThat(task.get("name").asText()).startsWith("【绿】办理 GC-"));
    assertThat(rest.withBasicAuth(WORKER_A, "demo").postForObject("/engine-rest/filter/" + filter + "/count",
        json(Map.of()), JsonNode.class).get("count").asLong()).isEqualTo(1);

    ResponseEntity<JsonNode> foreign = rest.withBasicAuth(WORKER_A, "demo").postForEntity(
        "/engine-rest/filter/" + filter + "/list", json(Map.of("candidateGroup", GRID_B + ".grid-worker")), JsonNode.class);
    if (foreign.getStatusCode().is2xxSuccessful()) {
      assertThat(elements(foreign.getBody())).as("another grid's group through the filter").isEmpty();
    }
    JsonNode asked = rest.withBasicAuth(WORKER_A, "demo").getForObject(
        "/engine-rest/task?candidateGroup=" + GRID_B + ".grid-worker", JsonNode.class);
    assertThat(elements(asked)).as("another grid's group asked directly").isEmpty();
    JsonNode both = rest.withBasicAuth(WORKER_A, "demo").postForObject("/engine-rest/task",
        json(Map.of("candidateGroups", List.of(GRID_A + ".grid-worker", GRID_B + ".grid-worker"))), JsonNode.class);
    assertThat(elements(both)).as("own and foreign group together").hasSize(1);
  }

  private void triageAsGreen(String leader) {
    JsonNode task = tasksFor(leader).get(0);
    Map<String, Object> variables = Map.of("triageDecision", Map.of("value", "accept"),
        "categoryCode", Map.of("value", "C04"), "colour", Map.of("value", "green"),
        "gridCode", Map.of("value", gridOf(leader)));
    ResponseEntity<String> response = rest.withBasicAuth(leader, "demo").postForEntity(
        "/engine-rest/task/" + task.get("id").asText() + "/complete", json(Map.of("variables", variables)),
        String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static String gridOf(String leader) {
    return "DC-" + leader.substring("leader-".length());
  }

  @Test
  void adminListsTheGroupsOfTheGridsAndTheirMembers() {
    JsonNode members = rest.withBasicAuth("demo", "demo")
        .getForObject("/engine-rest/user?memberOfGroup=" + GRID_A + ".grid-leader", JsonNode.class);
    assertThat(members).extracting(member -> member.get("id").asText()).containsExactly("leader-01-02-003");
    JsonNode count = rest.withBasicAuth("demo", "demo")
        .getForObject("/engine-rest/group/count?type=WORKFLOW&nameLike={name}", JsonNode.class, "%网格长");
    assertThat(count.get("count").asInt()).isEqualTo(287);
  }

  @Test
  void webApplicationsFollowTheRole() {
    assertThat(authorizedApps("demo")).contains("tasklist", "cockpit", "admin");
    assertThat(authorizedApps(WORKER_A)).contains("tasklist").doesNotContain("cockpit", "admin");
    assertThat(authorizedApps("supervisor-dc")).contains("tasklist", "cockpit").doesNotContain("admin");
    assertThat(authorizedApps("admin-dc")).contains("tasklist", "cockpit", "admin");
  }

  @Test
  void handlersShareTheTasklistFilters() {
    JsonNode filters = rest.withBasicAuth(WORKER_A, "demo").getForObject("/engine-rest/filter", JsonNode.class);
    assertThat(elements(filters)).extracting(filter -> filter.get("name").asText())
        .containsExactlyInAnyOrder("我的待办", "本组待办", "本网格待认领", "一天内到期", "已超期");
    JsonNode count = rest.withBasicAuth(WORKER_A, "demo").getForObject("/engine-rest/filter/"
        + elements(filters).get(0).get("id").asText() + "/count", JsonNode.class);
    assertThat(count.get("count").asInt()).isZero();
  }

  @Test
  void onlyAdministratorsImportTheOrganisation() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("application/yaml"));
    HttpEntity<String> body = new HttpEntity<>("version: x\nunits: []\npeople: []\n", headers);
    assertThat(rest.withBasicAuth(WORKER_A, "demo").postForEntity("/api/organization/import", body, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    HttpEntity<String> invalid = new HttpEntity<>("version: x\nunits:\n  - {code: DC, name: 区, level: town}\npeople: []\n",
        headers);
    ResponseEntity<JsonNode> rejected = rest.withBasicAuth("demo", "demo")
        .postForEntity("/api/organization/import", invalid, JsonNode.class);
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode problem = rejected.getBody().get("problems").get(0);
    assertThat(problem.get("line").asInt()).isEqualTo(3);
    assertThat(problem.get("field").asText()).isEqualTo("level");
  }

  private void startCaseAs(String userId, String gridCode) {
    Map<String, Object> variables = Map.of(
        "gridCode", Map.of("value", gridCode),
        "description", Map.of("value", "巡查发现路灯不亮"));
    ResponseEntity<String> response = rest.withBasicAuth(userId, "demo").postForEntity(
        "/engine-rest/process-definition/key/citizen-request/start", json(Map.of("variables", variables)), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
  }

  private List<JsonNode> tasksFor(String userId) {
    JsonNode tasks = rest.withBasicAuth(userId, "demo").getForObject("/engine-rest/task", JsonNode.class);
    return tasks == null ? List.of() : elements(tasks);
  }

  private List<String> taskNamesFor(String userId) {
    return tasksFor(userId).stream().map(task -> task.get("name").asText()).toList();
  }

  private List<String> candidateGroupsOfTasksFor(String userId) {
    return tasksFor(userId).stream().flatMap(task -> {
      JsonNode links = rest.withBasicAuth("demo", "demo")
          .getForObject("/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate", JsonNode.class);
      return elements(links).stream().map(link -> link.get("groupId").asText());
    }).toList();
  }

  /** Logs into the Camunda web applications as a browser does: fetch the CSRF cookie, then post the form. */
  private List<String> authorizedApps(String userId) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    List<String> cookies = page.getHeaders().get(HttpHeaders.SET_COOKIE);
    String csrf = cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
        .map(cookie -> cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'))).findFirst().orElseThrow();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", csrf);
    cookies.forEach(cookie -> headers.add(HttpHeaders.COOKIE, cookie.substring(0, cookie.indexOf(';'))));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", userId);
    form.add("password", "demo");
    ResponseEntity<JsonNode> login = rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist",
        HttpMethod.POST, new HttpEntity<>(form, headers), JsonNode.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    return elements(login.getBody().get("authorizedApps")).stream()
        .map(JsonNode::asText).toList();
  }

  private static List<JsonNode> elements(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
