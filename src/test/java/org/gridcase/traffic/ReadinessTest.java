package org.gridcase.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Until the start-up import is done the application is not ready: the readiness probe says so and intake
 * answers 503 with Retry-After instead of a misleading 400 ("unknown grid code"). The test puts the
 * application in that window by publishing the readiness state Spring Boot publishes at start-up.
 */
@GridcaseTest
class ReadinessTest {

  @Autowired ApplicationContext context;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper objectMapper;

  @AfterEach
  void ready() {
    AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
  }

  @Test
  void intakeDuringTheImportWindowAnswers503WithRetryAfterAndStoresNothing() throws Exception {
    assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    String apiKey = rest.withBasicAuth("demo", "demo").postForObject("/api/open311/keys",
        json(Map.of("clientName", "随手拍-启动中")), JsonNode.class).get("key").asText();
    int before = count();

    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);

    ResponseEntity<String> probe = rest.getForEntity("/actuator/health/readiness", String.class);
    assertThat(probe.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(probe.getBody()).contains("OUT_OF_SERVICE");
    assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
        .as("alive all the same: no restart").isEqualTo(HttpStatus.OK);

    // A grid the import has not created yet: still 503, not 400 "unknown grid code".
    ResponseEntity<JsonNode> api = rest.withBasicAuth("demo", "demo").postForEntity("/api/requests",
        json(Map.of("description", "路灯不亮", "gridCode", "DC-09-09-999")), JsonNode.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(api.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    assertThat(api.getBody().get("detail").asText()).contains("organisation import");

    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("api_key", apiKey);
    form.add("service_code", "C04");
    form.add("description", "路灯不亮");
    form.add("address_string", "大川区东城街道朝阳路11号");
    ResponseEntity<String> open311 = rest.postForEntity("/open311/v2/requests.json", form, String.class);
    assertThat(open311.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(open311.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    assertThat(objectMapper.readTree(open311.getBody()).get(0).get("code").asInt()).isEqualTo(503);
    assertThat(count()).as("nothing stored").isEqualTo(before);

    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/api/requests/GC-2026-999999", String.class)
        .getStatusCode()).as("reads go on").isEqualTo(HttpStatus.NOT_FOUND);

    AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.postForEntity("/open311/v2/requests.json", form, String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(count()).isEqualTo(before + 1);
  }

  private static HttpEntity<Map<String, ?>> json(Map<String, ?> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    return new HttpEntity<>(body, headers);
  }

  private int count() {
    return jdbc.sql("select count(*) from gc_request").query(Integer.class).single();
  }
}
