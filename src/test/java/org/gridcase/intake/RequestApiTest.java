package org.gridcase.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/requests}: field-level errors, sanitised storage, idempotent intake. */
@GridcaseTest
class RequestApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @Test
  void acceptedRequestGetsATrackingNumberAndItsProcess() {
    ResponseEntity<JsonNode> response = post(body("路灯 &amp; 井盖都坏了"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = response.getBody().get("trackingNumber").asText();
    assertThat(trackingNumber).matches("GC-\\d{4}-\\d{6}");
    assertThat(response.getHeaders().getLocation()).hasPath("/api/requests/" + trackingNumber);
    Map<String, Object> row = jdbc.sql("select description, process_instance_id, status from gc_request"
        + " where tracking_number = ?").param(trackingNumber).query().singleRow();
    assertThat(row.values()).containsExactly("路灯 & 井盖都坏了", row.values().toArray()[1], "TRIAGE");
    assertThat(row.values().toArray()[1]).isNotNull();

    JsonNode status = rest.withBasicAuth("demo", "demo").getForObject("/api/requests/" + trackingNumber, JsonNode.class);
    assertThat(status.get("statusLabel").asText()).isEqualTo("研判中");
    assertThat(status.has("requesterPhone")).isFalse();
  }

  @Test
  void badInputIsRefusedFieldByFieldAndNothingIsCreated() {
    int before = count();
    assertThat(errors(Map.of("gridCode", "DC-01-01-001"))).containsEntry("description", 1);
    assertThat(errors(with("gridCode", "DC-99-99-999"))).containsKey("gridCode");
    assertThat(errors(with("categoryCode", "Z99"))).containsKey("categoryCode");
    assertThat(errors(with("description", "长".repeat(4001)))).containsKey("description");
    assertThat(errors(with("description", "路灯坏了<script>alert(1)</script>"))).containsKey("description");
    assertThat(errors(with("requesterName", "<b>王</b>"))).containsKey("requesterName");
    assertThat(errors(with("requesterEmail", "not-an-address"))).containsKey("requesterEmail");
    assertThat(errors(with("channel", "carrier-pigeon"))).containsKey("channel");
    Map<String, Object> nowhere = body("没有位置");
    nowhere.remove("gridCode");
    assertThat(errors(nowhere)).containsOnlyKeys("location");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aRepeatedClientRequestIdReturnsTheFirstRequest() {
    Map<String, Object> body = with("clientRequestId", "hotline-20261123-0042");
    ResponseEntity<JsonNode> first = post(body);
    ResponseEntity<JsonNode> second = post(body);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(second.getBody().get("trackingNumber")).isEqualTo(first.getBody().get("trackingNumber"));
    assertThat(jdbc.sql("select count(*) from gc_request where client_request_id = 'hotline-20261123-0042'")
        .query(Integer.class).single()).isOne();
  }

  @Test
  void intakeNeedsAUser() {
    assertThat(rest.postForEntity("/api/requests", body("x"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private Map<String, Object> with(String key, String value) {
    Map<String, Object> body = body("小区路灯不亮");
    body.put(key, value);
    return body;
  }

  private static Map<String, Object> body(String description) {
    return new HashMap<>(Map.of("description", description, "gridCode", "DC-01-01-001", "categoryCode", "C04",
        "channel", "hotline", "requesterName", "王先生", "requesterPhone", "13912345678"));
  }

  private ResponseEntity<JsonNode> post(Map<String, Object> body) {
    return rest.withBasicAuth("demo", "demo").postForEntity("/api/requests", body, JsonNode.class);
  }

  /** Field name → number of errors for it, from a 400 answer. */
  private Map<String, Integer> errors(Map<String, Object> body) {
    ResponseEntity<JsonNode> response = post(body);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    Map<String, Integer> fields = new HashMap<>();
    List<JsonNode> errors = StreamSupport.stream(response.getBody().get("errors").spliterator(), false).toList();
    errors.forEach(error -> {
      assertThat(error.get("message").asText()).isNotBlank();
      fields.merge(error.get("field").asText(), 1, Integer::sum);
    });
    return fields;
  }

  private int count() {
    return jdbc.sql("select count(*) from gc_request").query(Integer.class).single();
  }
}
