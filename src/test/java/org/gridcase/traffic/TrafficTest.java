package org.gridcase.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.GridcaseTest;
import org.gridcase.traffic.RateLimits.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate limits over HTTP. The buckets count on the engine's clock, frozen here a day in the past: nothing
 * refills during a burst, and the real clock refills whatever a test drained once it is reset.
 */
@GridcaseTest
class TrafficTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired RateLimits limits;
  @Autowired ObjectMapper objectMapper;
  Instant frozen;

  @BeforeEach
  void freezeTheClockInThePast() {
    frozen = Instant.now().minus(Duration.ofDays(1));
    ClockUtil.setCurrentTime(Date.from(frozen));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aBurstOverTheOpen311KeysLimitGets429WithRetryAfterAndCreatesExactlyTheAllowedCases() throws Exception {
    int allowed = limits.limit(Kind.OPEN311_POST).requests();
    String client = "随手拍-限流-" + System.nanoTime();
    String key = apiKey(client);
    int burst = allowed + 5;

    // Intake serialises on the emergency-mode lock, which H2 gives up on after 2 s: warm up first, so the
    // burst's accepted posts do not time out behind a cold first one.
    assertThat(post(apiKey(client + "-warm-up"), "井盖松动").getStatusCode()).isEqualTo(HttpStatus.OK);
    List<ResponseEntity<String>> answers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<ResponseEntity<String>>> posts = new ArrayList<>();
      for (int i = 0; i < burst; i++) {
        String description = "路灯不亮，第" + i + "次报告";
        posts.add(() -> post(key, description));
      }
      for (Future<ResponseEntity<String>> answer : pool.invokeAll(posts)) {
        answers.add(answer.get());
      }
    } finally {
      pool.shutdown();
    }

    List<ResponseEntity<String>> accepted = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.OK).toList();
    List<ResponseEntity<String>> refused = answers.stream()
        .filter(a -> a.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS).toList();
    assertThat(answers).extracting(ResponseEntity::getStatusCode).as("200 or 429, nothing else")
        .containsOnly(HttpStatus.OK, HttpStatus.TOO_MANY_REQUESTS);
    assertThat(accepted).hasSize(allowed);
    assertThat(refused).hasSize(burst - allowed);
    for (ResponseEntity<String> answer : refused) {
      assertThat(Integer.parseInt(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1, 60);
      JsonNode error = objectMapper.readTree(answer.getBody()).get(0);
      assertThat(error.get("code").asInt()).isEqualTo(429);
      assertThat(error.get("description").asText()).contains("too many requests");
    }
    assertThat(casesReportedBy(client)).isEqualTo(allowed);
    assertThat(jdbc.sql("select count(*) from gc_request where reported_by = ? and process_instance_id is not null")
        .param(client).query(Integer.class).single()).as("each case has its process").isEqualTo(allowed);

    // The bucket refills on the clock: after the wait it announced, the key may post again.
    int wait = Integer.parseInt(refused.get(0).getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
    ClockUtil.setCurrentTime(Date.from(frozen.plusSeconds(wait)));
    assertThat(post(key, "路灯仍然不亮").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post(key, "路灯仍然不亮，再次报告").getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(casesReportedBy(client)).isEqualTo(allowed + 1);

    // Another client system's key has its own bucket.
    assertThat(post(apiKey(client + "-2"), "井盖缺失").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void apiWritesAreLimitedPerUserAndReadsAreNot() {
    drain(Kind.API_WRITE, "user:worker-01-01-002");
    HttpHeaders json = new HttpHeaders();
    json.set(HttpHeaders.CONTENT_TYPE, "application/json");
    Map<String, Object> body = Map.of("description", "楼道灯坏了", "gridCode", "DC-01-01-002");
    ResponseEntity<JsonNode> refused = rest.withBasicAuth("worker-01-01-002", "demo")
        .postForEntity("/api/requests", new HttpEntity<>(body, json), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9]\\d*");
    assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(refused.getBody().get("detail").asText()).contains("too many requests");
    assertThat(rest.withBasicAuth("worker-01-01-002", "demo").getForEntity("/api/requests/GC-2026-999999",
        String.class).getStatusCode()).as("reads are not limited").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("worker-01-01-003", "demo")
        .postForEntity("/api/requests", new HttpEntity<>(Map.of("description", "楼道灯坏了", "gridCode",
            "DC-01-01-003"), json), JsonNode.class).getStatusCode()).as("another user").isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void citizenPagesAreLimitedPerClientAddressBehindTheProxy() {
    drain(Kind.CITIZEN_PAGE, "203.0.113.7");
    ResponseEntity<String> refused = page("/status", "203.0.113.7");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9]\\d*");
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(refused.getBody()).contains("请稍后再试");
    assertThat(page("/survey/not-a-token", "203.0.113.7").getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(page("/status", "203.0.113.8").getStatusCode()).as("another address").isEqualTo(HttpStatus.OK);
  }

  /** Takes every token of a bucket, as a burst of requests would. */
  private void drain(Kind kind, String key) {
    int taken = 0;
    while (limits.take(kind, key).isEmpty()) {
      taken++;
    }
    assertThat(taken).isEqualTo(limits.limit(kind).requests());
  }

  private ResponseEntity<String> page(String path, String clientAddress) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", clientAddress);
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private String apiKey(String client) {
    HttpHeaders json = new HttpHeaders();
    json.set(HttpHeaders.CONTENT_TYPE, "application/json");
    return rest.withBasicAuth("demo", "demo").postForObject("/api/open311/keys",
        new HttpEntity<>(Map.of("clientName", client), json), JsonNode.class).get("key").asText();
  }

  private ResponseEntity<String> post(String apiKey, String description) {
    Map<String, String> form = Map.of("api_key", apiKey, "service_code", "C04", "description", description,
        "address_string", "大川区东城街道朝阳路11号");
    String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=utf-8");
    return rest.postForEntity("/open311/v2/requests.json", new HttpEntity<>(body, headers), String.class);
  }

  private int casesReportedBy(String client) {
    return jdbc.sql("select count(*) from gc_request where reported_by = ?").param(client).query(Integer.class).single();
  }
}
