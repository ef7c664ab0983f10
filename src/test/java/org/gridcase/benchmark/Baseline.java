package org.gridcase.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The plain Camunda 7.24 starter of {@code ../shared/benchmarks/camunda-baseline}, built into
 * target/camunda-baseline and run as a process of its own on the benchmark's PostgreSQL, so that every
 * Gridcase figure has the baseline's from the same run beside it. Its database is
 * {@code gridcase.benchmark.baseline-db} (default {@code gridcase_bench_baseline}, which .ci/benchmark
 * recreates); the user and password are the suite's.
 */
public final class Baseline implements AutoCloseable {

  private static final Path SOURCE = Path.of(System.getProperty("gridcase.benchmark.baseline-source",
      "../shared/benchmarks/camunda-baseline"));
  private static final Path BUILD = Path.of("target", "camunda-baseline");
  private static final Path JAR = BUILD.resolve("target/camunda-baseline-1.jar");
  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes());

  private final Process process;
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Baseline(Process process, int port) {
    this.process = process;
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** Starts the baseline with authorization on or off; REST always takes HTTP Basic (demo/demo). */
  public static Baseline start(boolean authorization) throws IOException, InterruptedException {
    build();
    int port = freePort();
    String url = jdbcUrl();
    Path log = Path.of("target", "benchmarks", "baseline-" + port + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "-jar", JAR.toAbsolutePath().toString(),
        "--server.port=" + port, "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + env("GRIDCASE_TEST_DB_USER", "gridcase"),
        "--spring.datasource.password=" + env("GRIDCASE_TEST_DB_PASSWORD", "gridcase"),
        "--camunda.bpm.authorization.enabled=" + authorization, "--baseline.rest-auth=true",
        "--logging.level.root=warn"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Baseline baseline = new Baseline(process, port);
    baseline.awaitUp();
    return baseline;
  }

  /** The baseline's own database, for what its REST API cannot do (making timers due, say). */
  public static java.sql.Connection database() throws java.sql.SQLException {
    return java.sql.DriverManager.getConnection(jdbcUrl(), env("GRIDCASE_TEST_DB_USER", "gridcase"),
        env("GRIDCASE_TEST_DB_PASSWORD", "gridcase"));
  }

  private static String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:5432/"
        + System.getProperty("gridcase.benchmark.baseline-db", "gridcase_bench_baseline");
  }

  /** Starts one baseline case for a grid; true when the engine answered 200. */
  public boolean startCase(String businessKey, int grid) {
    String body = "{\"businessKey\":\"" + businessKey + "\",\"variables\":{\"grid\":{\"value\":\"" + grid
        + "\",\"type\":\"String\"},\"category\":{\"value\":\"C04\",\"type\":\"String\"},"
        // The task name reads ${businessKey}, a variable the expression language cannot take from the instance.
        + "\"businessKey\":{\"value\":\"" + businessKey + "\",\"type\":\"String\"}}}";
    try {
      return post("/engine-rest/process-definition/key/baseline-request/start", body).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", AUTH).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", AUTH).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", AUTH).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public URI base() {
    return base;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitUp() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the baseline exited with " + process.exitValue() + "; see target/benchmarks");
      }
      try {
        if (get("/engine-rest/engine").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500); // polling a process's start-up, not waiting for a timer
    }
    close();
    throw new IllegalStateException("the baseline did not answer within 4 minutes");
  }

  private static synchronized void build() throws IOException, InterruptedException {
    if (Files.exists(JAR)) {
      return;
    }
    if (!Files.isDirectory(SOURCE)) {
      throw new IllegalStateException("no baseline at " + SOURCE.toAbsolutePath()
          + " (set -Dgridcase.benchmark.baseline-source)");
    }
    try (var files = Files.walk(SOURCE)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = BUILD.resolve(SOURCE.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.toString().contains("/target/")) {
          Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Process mvn = new ProcessBuilder("mvn", "-q", "-B", "-ntp", "-DskipTests", "package").directory(BUILD.toFile())
        .inheritIO().start();
    if (mvn.waitFor() != 0 || !Files.exists(JAR)) {
      throw new IllegalStateException("building the baseline failed in " + BUILD.toAbsolutePath());
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
