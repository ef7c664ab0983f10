package org.gridcase.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Location to grid over {@code POST /api/requests}: a point by the grids' polygons, a building by the
 * registry. The demo's grid DC-01-01-001 is the cell 107.444..107.448 E, 31.202..31.205 N.
 */
@GridcaseTest
class LocationIntakeTest {

  @Autowired TestRestTemplate rest;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  @Test
  void aPointInsideAGridsPolygonIsTriagedInThatGrid() {
    String trackingNumber = created(point(31.2035, 107.446));

    assertThat(triageGroups(trackingNumber)).containsExactly("DC-01-01-001.grid-leader");
    Map<String, Object> row = row(trackingNumber);
    assertThat(row).containsEntry("GRID_CODE", "DC-01-01-001").containsEntry("LATITUDE", 31.2035)
        .containsEntry("LONGITUDE", 107.446);
  }

  @Test
  void aPointOutsideEveryPolygonGoesToTheDistrictSupervisorsWithoutAGrid() {
    String trackingNumber = created(point(31.30, 107.60));

    assertThat(triageGroups(trackingNumber)).containsExactly("DC.supervisor");
    assertThat(row(trackingNumber)).containsEntry("GRID_CODE", null).containsEntry("LATITUDE", 31.30)
        .containsEntry("STATUS", "TRIAGE");
  }

  @Test
  void aCaseTheDistrictPlacedGoesBackToTheDistrictWhenItsGridReturnsIt() {
    String trackingNumber = created(point(31.30, 107.60));
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .singleResult();
    CaseFixtures cases = new CaseFixtures(context);
    cases.complete(instance, Elements.TASK_TRIAGE, "supervisor-dc", Map.of("triageDecision", "accept",
        "gridCode", "DC-01-01-001", "categoryCode", "C04", "colour", "green"));
    cases.complete(instance, Elements.TASK_HANDLE_GREEN, "worker-01-01-001", Map.of("handlingAction", "return",
        "handlingNote", "应属相邻网格"));

    assertThat(triageGroups(trackingNumber)).as("whoever received the case triages it again, not the grid")
        .containsExactly("DC.supervisor");
  }

  @Test
  void aBuildingOfTheRegistryGivesItsGrid() {
    Map<String, Object> body = body();
    body.put("addressId", "B-02-03-004-02");
    String trackingNumber = created(body);

    assertThat(triageGroups(trackingNumber)).containsExactly("DC-02-03-004.grid-leader");
    assertThat(row(trackingNumber)).containsEntry("GRID_CODE", "DC-02-03-004")
        .containsEntry("ADDRESS_ID", "B-02-03-004-02");
  }

  @Test
  void badLocationsAreRefusedByFieldAndNothingIsCreated() {
    int before = jdbc.sql("select count(*) from gc_request").query(Integer.class).single();
    Map<String, Object> unknownBuilding = body();
    unknownBuilding.put("addressId", "B-99-99-999-01");
    assertThat(errorFields(unknownBuilding)).containsExactly("addressId");
    Map<String, Object> latitudeOnly = body();
    latitudeOnly.put("latitude", 31.2);
    assertThat(errorFields(latitudeOnly)).containsExactly("longitude");
    assertThat(errorFields(point(91, 107.5))).containsExactly("latitude");
    assertThat(errorFields(point(31.2, -180.5))).containsExactly("longitude");
    Map<String, Object> notANumber = point(31.2, 107.5);
    notANumber.put("latitude", "北纬31度");
    assertThat(errorFields(notANumber)).containsExactly("latitude");
    assertThat(errorFields(body())).as("no location at all").containsExactly("location");
    assertThat(jdbc.sql("select count(*) from gc_request").query(Integer.class).single()).isEqualTo(before);
  }

  private static Map<String, Object> body() {
    return new HashMap<>(Map.of("description", "路口井盖缺失", "categoryCode", "C04", "channel", "photo"));
  }

  private static Map<String, Object> point(double latitude, double longitude) {
    Map<String, Object> body = body();
    body.put("latitude", latitude);
    body.put("longitude", longitude);
    return body;
  }

  private String created(Map<String, Object> body) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth("demo", "demo").postForEntity("/api/requests", body,
        JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody().get("trackingNumber").asText();
  }

  private List<String> errorFields(Map<String, Object> body) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth("demo", "demo").postForEntity("/api/requests", body,
        JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return StreamSupport.stream(response.getBody().get("errors").spliterator(), false)
        .map(error -> error.get("field").asText()).toList();
  }

  private List<String> triageGroups(String trackingNumber) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(trackingNumber)
        .taskDefinitionKey(Elements.TASK_TRIAGE).singleResult();
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(group -> group != null).toList();
  }

  private Map<String, Object> row(String trackingNumber) {
    return jdbc.sql("select grid_code, latitude, longitude, address_id, status from gc_request"
        + " where tracking_number = ?").param(trackingNumber).query().singleRow();
  }
}
