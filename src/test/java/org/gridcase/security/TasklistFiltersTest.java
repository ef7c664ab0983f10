package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CaseFixtures;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The shared Tasklist filters, as each role sees them through the engine REST API Tasklist uses. */
@GridcaseTest
class TasklistFiltersTest {

  static final List<String> COLUMNS = List.of("listTrackingNumber", "listCategoryName", "listColourLabel");

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;

  @Test
  void eachRoleSeesItsFiltersWithTheCaseColumns() {
    assertThat(filters("worker-01-01-001")).containsExactly("我的待办", "本组待办", "本网格待认领", "一天内到期", "已超期");
    assertThat(filters("reviewer-01-01")).contains("待回访").doesNotContain("红色清单");
    assertThat(filters("liaison-01-01")).contains("红色清单").doesNotContain("待回访");
    assertThat(filters("supervisor-dc")).contains("红色清单", "已超期", "全区待办", "全区已超期", "全区红色清单");
    assertThat(filters("liaison-01-01")).doesNotContain("全区待办");

    JsonNode filter = filter("worker-01-01-001", "本网格待认领");
    assertThat(filter.get("properties").get("variables")).extracting(column -> column.get("name").asText())
        .containsExactlyElementsOf(COLUMNS);
    assertThat(filter.get("properties").get("variables")).extracting(column -> column.get("label").asText())
        .containsExactly("受理编号", "事项类别", "颜色");
    assertThat(filter.at("/query/sorting/0/sortBy").asText()).isEqualTo("dueDate");
    assertThat(rest.withBasicAuth("worker-01-01-001", "demo").getForEntity(
        "/engine-rest/filter/" + filter.get("id").asText() + "/list", String.class).getStatusCode().value())
        .as("the filter runs for the worker").isEqualTo(200);
  }

  /**
   * Tasklist's own request (HAL, the filter's columns embedded per task) fills the three columns for a grid
   * worker and for a department officer called in by a whistle, though neither may read the process instance.
   */
  @Test
  void theCaseColumnsAreFilledInForHandlers() {
    CaseFixtures cases = new CaseFixtures(context);
    ProcessInstance instance = cases.inHandling("DC-01-01-001", "楼道灯不亮，晚上看不见台阶", "C04", "green");
    String trackingNumber = instance.getBusinessKey();

    Map<String, String> worker = columns("worker-01-01-001", "本组待办", trackingNumber);
    assertThat(worker).containsEntry("listTrackingNumber", trackingNumber).containsEntry("listColourLabel", "绿")
        .containsKey("listCategoryName");
    assertThat(worker.get("listCategoryName")).isNotBlank().doesNotContain("C04");
    assertThat(rest.withBasicAuth("worker-01-01-001", "demo").getForObject(
        "/engine-rest/process-instance?businessKey=" + trackingNumber, JsonNode.class))
        .as("no READ on the process instance was granted for this").isEmpty();
    assertThat(rest.withBasicAuth("worker-01-01-002", "demo").getForObject(
        "/engine-rest/variable-instance?variableName=listTrackingNumber", JsonNode.class))
        .as("another grid's worker reads none of the copies").noneMatch(v -> v.get("value").asText()
            .equals(trackingNumber));

    cases.complete(instance, Elements.TASK_HANDLE_GREEN, "worker-01-01-001", Map.of("handlingAction", "whistle",
        "handlingNote", "占道经营，请城管到场", "whistleDepartments", "D-CG", "leadDepartment", "D-CG"));
    Map<String, String> officer = columns("officer-cg-1", "本组待办", trackingNumber);
    assertThat(officer).containsEntry("listTrackingNumber", trackingNumber).containsEntry("listColourLabel", "绿")
        .containsEntry("listCategoryName", worker.get("listCategoryName"));
  }

  /**
   * A case's tasks carry its colour's priority, which the red lists select by: the liaison leader's 红色清单 and
   * the supervisors' 全区红色清单 list a red case and not a green one. A handler cannot lower the priority to take
   * a task off the list (Camunda asks TASK_ASSIGN, which no handler holds).
   */
  @Test
  void theRedListsSelectTheRedCasesByTheirTasksPriority() {
    CaseFixtures cases = new CaseFixtures(context);
    ProcessInstance red = cases.inHandling("DC-01-01-001", "小区门口燃气管道泄漏，有明显气味", "C04", "red");
    ProcessInstance yellow = cases.inHandling("DC-01-01-001", "楼道扶手松动", "C04", "yellow");
    ProcessInstance green = cases.inHandling("DC-01-01-001", "路灯不亮", "C04", "green");
    org.camunda.bpm.engine.task.Task redTask = cases.task(red, Elements.TASK_HANDLE_RED);
    assertThat(redTask.getPriority()).isEqualTo(90);
    assertThat(cases.task(yellow, Elements.TASK_HANDLE_YELLOW).getPriority()).isEqualTo(70);
    assertThat(cases.task(green, Elements.TASK_HANDLE_GREEN).getPriority()).isEqualTo(50);

    assertThat(columns("liaison-01-01", "红色清单", red.getBusinessKey())).containsEntry("listColourLabel", "红");
    assertThat(columns("supervisor-dc", "全区红色清单", red.getBusinessKey())).containsEntry("listColourLabel", "红");
    assertThat(trackingNumbers("supervisor-dc", "全区红色清单")).contains(red.getBusinessKey())
        .doesNotContain(yellow.getBusinessKey(), green.getBusinessKey());

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var lowered = rest.withBasicAuth("liaison-01-01", "demo").exchange("/engine-rest/task/" + redTask.getId(),
        org.springframework.http.HttpMethod.PUT, new HttpEntity<>("{\"name\":\"" + redTask.getName()
            + "\",\"priority\":50}", headers), String.class);
    assertThat(lowered.getStatusCode().value()).as(lowered.getBody()).isEqualTo(403);
    assertThat(cases.task(red, Elements.TASK_HANDLE_RED).getPriority()).isEqualTo(90);
  }

  private List<String> trackingNumbers(String user, String filterName) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    JsonNode list = rest.withBasicAuth(user, "demo").postForObject("/engine-rest/filter/"
        + filter(user, filterName).get("id").asText() + "/list?firstResult=0&maxResults=200",
        new HttpEntity<>("{}", headers), JsonNode.class);
    List<String> numbers = new ArrayList<>();
    for (JsonNode task : list.at("/_embedded/task")) {
      task.at("/_embedded/variable").forEach(v -> {
        if (v.get("name").asText().equals("listTrackingNumber")) {
          numbers.add(v.get("value").asText());
        }
      });
    }
    return numbers;
  }

  /** The columns of the case's task in a filter's list, as Tasklist asks for them. */
  private Map<String, String> columns(String user, String filterName, String trackingNumber) {
    JsonNode filter = filter(user, filterName);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    // What Tasklist posts: the sort it shows and the filter's columns.
    String body = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";
    JsonNode list = rest.withBasicAuth(user, "demo").postForObject("/engine-rest/filter/" + filter.get("id").asText()
        + "/list?firstResult=0&maxResults=50", new HttpEntity<>(body, headers), JsonNode.class);
    for (JsonNode task : list.at("/_embedded/task")) {
      Map<String, String> values = new HashMap<>();
      task.at("/_embedded/variable").forEach(v -> values.put(v.get("name").asText(), v.get("value").asText()));
      if (trackingNumber.equals(values.get("listTrackingNumber"))) {
        return values;
      }
    }
    throw new AssertionError(user + " finds no task of " + trackingNumber + " with its columns in " + filterName
        + ": " + list);
  }

  private JsonNode filter(String user, String name) {
    return rest.withBasicAuth(user, "demo").getForObject("/engine-rest/filter?name=" + name, JsonNode.class).get(0);
  }

  private List<String> filters(String user) {
    List<String> names = new ArrayList<>();
    rest.withBasicAuth(user, "demo").getForObject("/engine-rest/filter?sortBy=name&sortOrder=asc", JsonNode.class)
        .forEach(filter -> names.add(filter.get("name").asText()));
    // Tasklist orders by the priority property.
    List<String> order = List.of("我的待办", "本组待办", "本网格待认领", "一天内到期", "已超期", "红色清单", "待回访", "全区待办",
        "全区已超期", "全区红色清单");
    names.sort(java.util.Comparator.comparingInt(order::indexOf));
    return names;
  }
}
