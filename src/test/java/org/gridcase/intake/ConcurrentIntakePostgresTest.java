package org.gridcase.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.gridcase.GridcasePostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13's measurement kept as a test: the same client request id posted 20 times at once, on a real
 * PostgreSQL where the posts really race, gives one case, one process instance, and every caller its number.
 */
@GridcasePostgresTest
class ConcurrentIntakePostgresTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;

  @Test
  void theSameClientRequestIdPostedTwentyTimesAtOnceGivesOneCase() throws Exception {
    String clientRequestId = "hotline-race-" + System.nanoTime();
    Map<String, Object> body = Map.of("description", "小区门口井盖缺失", "gridCode", "DC-01-01-001", "channel", "hotline",
        "clientRequestId", clientRequestId);
    int posts = 20;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
    for (int i = 0; i < posts; i++) {
      calls.add(() -> {
        start.await();
        return rest.withBasicAuth("demo", "demo").postForEntity("/api/requests", body, JsonNode.class);
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(posts);
    List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
    try {
      List<Future<ResponseEntity<JsonNode>>> futures = calls.stream().map(pool::submit).toList();
      start.countDown();
      for (Future<ResponseEntity<JsonNode>> future : futures) {
        answers.add(future.get());
      }
    } finally {
      pool.shutdown();
    }

    assertThat(answers).extracting(ResponseEntity::getStatusCode).as("created once, then the same request")
        .containsOnly(HttpStatus.CREATED, HttpStatus.OK).containsOnlyOnce(HttpStatus.CREATED);
    assertThat(answers).extracting(answer -> answer.getBody().get("trackingNumber").asText()).containsOnly(
        answers.get(0).getBody().get("trackingNumber").asText());
    String trackingNumber = answers.get(0).getBody().get("trackingNumber").asText();
    assertThat(jdbc.sql("select count(*) from gc_request where client_request_id = ?").param(clientRequestId)
        .query(Integer.class).single()).isOne();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count()).isOne();
  }
}
