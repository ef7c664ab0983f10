package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Open311 idempotency: a client that timed out posts the same request again, or many times at once, and gets
 * the first request's service_request_id, not another case. On H2 and PostgreSQL (their locking differs).
 */
abstract class RepeatedPostScenarios {

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ApiKeys apiKeys;
  @Autowired ObjectMapper objectMapper;
  @Autowired IdempotencyProperties idempotency;
  GeoReportHttp client;
  String apiKey;

  @BeforeEach
  void issueKey() {
    client = new GeoReportHttp(port, objectMapper);
    apiKey = apiKeys.issue("重复提交测试-" + CLIENTS.incrementAndGet(), "demo").key();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theSamePostWithinTheWindowReturnsTheFirstRequest() throws Exception {
    Map<String, String> form = GeoReportHttp.form(apiKey, "重复提交：小区门口路灯不亮");
    String first = client.id(client.post("json", form));
    int after = count();
    Map<String, String> again = new LinkedHashMap<>(form);
    again.put("description", "  重复提交：小区门口路灯不亮 ");
    again.put("first_name", "另一个名字");
    assertThat(client.id(client.post("xml", again))).isEqualTo(first);
    assertThat(count()).isEqualTo(after);

    Map<String, String> elsewhere = new LinkedHashMap<>(form);
    elsewhere.put("address_string", "大川区东城街道朝阳路13号");
    assertThat(client.id(client.post("json", elsewhere))).as("another location is another request").isNotEqualTo(first);

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(idempotency.window())
        .plusSeconds(1)));
    assertThat(client.id(client.post("json", form))).as("after the window").isNotEqualTo(first);
  }

  @Test
  void twentyConcurrentIdenticalPostsMakeOneCase() throws Exception {
    String description = "并发重复提交：井盖缺失 " + CLIENTS.get();
    Map<String, String> form = GeoReportHttp.form(apiKey, description);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        Callable<HttpResponse<String>> call = () -> {
          start.await();
          return client.post("json", form);
        };
        answers.add(pool.submit(call));
      }
      start.countDown();
      List<String> ids = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        ids.add(client.id(answer.get()));
      }
      assertThat(ids).hasSize(20).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.sql("select count(*) from gc_request where description = ?").param(description)
        .query(Integer.class).single()).isOne();
  }

  private int count() {
    return jdbc.sql("select count(*) from gc_request").query(Integer.class).single();
  }
}
