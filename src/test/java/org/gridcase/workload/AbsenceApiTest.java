package org.gridcase.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /api/absences}: who may declare, field-level errors, listing and cancelling. */
@GridcaseTest
class AbsenceApiTest {

  static final String WORKER = "worker-01-01-003";
  static final String OTHER_WORKER = "worker-01-01-004";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  final Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

  @AfterEach
  void cleanUp() {
    BackupTestProcess.cleanUp(engine, jdbc);
  }

  @Test
  void aPersonDeclaresSeesAndCancelsTheirOwnAbsence() {
    ResponseEntity<JsonNode> created = post(WORKER, body(WORKER));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode absence = created.getBody();
    long id = absence.get("id").asLong();
    assertThat(created.getHeaders().getLocation()).hasPath("/api/absences/" + id);
    assertThat(absence.get("userId").asText()).isEqualTo(WORKER);
    assertThat(absence.get("declaredBy").asText()).isEqualTo(WORKER);
    assertThat(Instant.parse(absence.get("from").asText())).isEqualTo(tomorrow);
    assertThat(absence.get("reason").asText()).isEqualTo("外出培训 & 学习");
    assertThat(absence.get("statusLabel").asText()).isEqualTo("待开始");

    assertThat(get(WORKER, "/api/absences/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(OTHER_WORKER, "/api/absences/" + id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(ids(get("supervisor-dc", "/api/absences?active=true"))).contains(id);
    assertThat(ids(get(OTHER_WORKER, "/api/absences"))).doesNotContain(id);
    assertThat(rest.withBasicAuth(OTHER_WORKER, "demo").exchange("/api/absences/" + id, HttpMethod.DELETE, null,
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> cancelled = rest.withBasicAuth(WORKER, "demo").exchange("/api/absences/" + id,
        HttpMethod.DELETE, null, JsonNode.class);

    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cancelled.getBody().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(ids(get(WORKER, "/api/absences?active=true"))).doesNotContain(id);
    assertThat(ids(get(WORKER, "/api/absences?active=false"))).contains(id);
    assertThat(historyService.createHistoricActivityInstanceQuery()
        .activityId(AbsenceProcess.Elements.END_EVENT_CANCELLED).processInstanceId(processOf(id)).count()).isOne();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processOf(id)).finished()
        .count()).isOne();
  }

  @Test
  void anAbsenceThatIsOverCannotBeCancelled() {
    long id = post(WORKER, body(WORKER)).getBody().get("id").asLong();
    ClockUtil.setCurrentTime(Date.from(tomorrow.plus(Duration.ofDays(3))));

    assertThat(rest.withBasicAuth(WORKER, "demo").exchange("/api/absences/" + id, HttpMethod.DELETE, null,
        JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(get(WORKER, "/api/absences/" + id).getBody().get("status").asText()).isEqualTo("OVER");
    assertThat(get(WORKER, "/api/absences/" + (id + 1000)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void supervisorsAndAdministratorsDeclareForOthersButNobodyElse() {
    assertThat(post(OTHER_WORKER, body(WORKER)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("leader-01-01-003", body(WORKER)).getStatusCode()).as("not even the grid leader")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(count()).isZero();

    ResponseEntity<JsonNode> bySupervisor = post("supervisor-dc", body(WORKER));
    assertThat(bySupervisor.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(bySupervisor.getBody().get("declaredBy").asText()).isEqualTo("supervisor-dc");
    assertThat(post("admin-dc", body("worker-01-01-005")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(rest.getForEntity("/api/absences", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsStored() {
    assertThat(errors(with("userId", "nobody-99"))).containsOnlyKeys("userId");
    assertThat(errors(with("userId", null))).containsOnlyKeys("userId");
    assertThat(errors(with("userId", "reviewer-01-01"))).as("no backup for any role").containsOnlyKeys("userId");
    assertThat(errors(with("until", tomorrow.minus(Duration.ofHours(1)).toString()))).containsOnlyKeys("until");
    assertThat(errors(with("until", Instant.now().minus(Duration.ofHours(1)).toString()))).containsOnlyKeys("until");
    assertThat(errors(with("until", null))).containsOnlyKeys("until");
    assertThat(errors(with("from", "明天早上"))).containsOnlyKeys("from");
    assertThat(errors(with("reason", null))).containsOnlyKeys("reason");
    assertThat(errors(with("reason", "<b></b>"))).as("nothing left once sanitised").containsOnlyKeys("reason");
    assertThat(errors(with("reason", "长".repeat(201)))).containsOnlyKeys("reason");
    assertThat(count()).isZero();

    assertThat(post("supervisor-dc", body(WORKER)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(errors(body(WORKER))).as("overlaps the first").containsOnlyKeys("from");
  }

  private Map<String, Object> body(String userId) {
    Map<String, Object> body = new HashMap<>();
    body.put("userId", userId);
    body.put("from", tomorrow.atOffset(ZoneOffset.ofHours(8)).toString());
    body.put("until", tomorrow.plus(Duration.ofDays(2)).toString());
    body.put("reason", "外出培训 &amp; 学习");
    return body;
  }

  private Map<String, Object> with(String key, String value) {
    Map<String, Object> body = body(WORKER);
    body.put(key, value);
    return body;
  }

  private ResponseEntity<JsonNode> post(String caller, Map<String, Object> body) {
    return rest.withBasicAuth(caller, "demo").postForEntity("/api/absences", body, JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String caller, String path) {
    return rest.withBasicAuth(caller, "demo").getForEntity(path, JsonNode.class);
  }

  /** Field name → number of errors for it, from a 400 answer to a supervisor's declaration. */
  private Map<String, Integer> errors(Map<String, Object> body) {
    ResponseEntity<JsonNode> response = post("supervisor-dc", body);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    Map<String, Integer> fields = new HashMap<>();
    response.getBody().get("errors").forEach(error -> {
      assertThat(error.get("message").asText()).isNotBlank();
      fields.merge(error.get("field").asText(), 1, Integer::sum);
    });
    return fields;
  }

  private static List<Long> ids(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return StreamSupport.stream(response.getBody().spliterator(), false).map(node -> node.get("id").asLong()).toList();
  }

  private int count() {
    return jdbc.sql("select count(*) from gc_absence").query(Integer.class).single();
  }

  private String processOf(long id) {
    return jdbc.sql("select process_instance_id from gc_absence where id = ?").param(id).query(String.class).single();
  }
}
