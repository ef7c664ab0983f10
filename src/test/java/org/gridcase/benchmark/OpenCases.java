package org.gridcase.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.gridcase.intake.CaseFixtures;
import org.springframework.context.ApplicationContext;

/**
 * Open cases for the timer and mode-switch benchmarks: seeded through intake in the benchmark's JVM (real
 * process instances with their timers), and intake over HTTP meanwhile, as a hotline operator calls it.
 */
public final class OpenCases {

  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes());
  private static final String[] WHAT = {"楼道灯不亮", "小区门口积水", "噪音扰民", "垃圾未清运", "路面破损", "占道经营",
      "下水道堵塞", "树枝折断", "井盖松动", "违章停车"};

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI requests;

  public OpenCases(int port) {
    this.requests = URI.create("http://127.0.0.1:" + port + "/api/requests");
  }

  /** Submits {@code count} cases round-robin over the grids from {@code threads} threads; returns seconds taken. */
  public static double seed(ApplicationContext context, List<String> grids, int count, int threads)
      throws Exception {
    CaseFixtures fixtures = new CaseFixtures(context);
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      done.add(pool.submit(() -> fixtures.submit(grids.get(n % grids.size()), description(n), "C04")));
    }
    for (Future<?> each : done) {
      each.get();
    }
    pool.shutdown();
    return (System.nanoTime() - start) / 1e9;
  }

  /** One hotline request over HTTP; true when intake answered 201. */
  public boolean submit(long n, String gridCode) {
    String body = "{\"description\":\"" + description(n) + "（来电）\",\"categoryCode\":\"C04\",\"gridCode\":\""
        + gridCode + "\",\"channel\":\"hotline\",\"requesterName\":\"张先生\",\"requesterPhone\":\"13800001111\"}";
    try {
      return http.send(HttpRequest.newBuilder(requests).timeout(Duration.ofSeconds(30))
          .header("Authorization", AUTH).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 201;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Seconds until the condition holds, polled every 200 ms (progress of work the executor does, not a timer). */
  public static double await(BooleanSupplier condition, Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - start > limit.toNanos()) {
        return Double.NaN;
      }
      Thread.sleep(200);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static String description(long n) {
    return WHAT[(int) (n % WHAT.length)] + "，第" + n + "号";
  }
}
