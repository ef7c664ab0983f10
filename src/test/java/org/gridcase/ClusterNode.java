package org.gridcase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;

/**
 * One Gridcase application in a child JVM of its own (the test JVM's class path), as a node of a cluster on
 * one database: started with {@code GridcaseApplication} and command-line settings, its output in
 * {@code target/cluster-node-<name>.log}.
 */
final class ClusterNode implements AutoCloseable {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String DEMO_AUTH = "Basic "
      + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));

  final String name;
  final int port;
  private final Process process;
  private final Path log;

  private ClusterNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts the application with these settings ({@code --key=value}) on a free port; does not wait for it. */
  static ClusterNode start(String name, List<String> settings) throws IOException {
    int port = freePort();
    Path log = Path.of("target", "cluster-node-" + name + ".log");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Two of these next to the test JVM on a small CI machine.
        "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        GridcaseApplication.class.getName(), "--server.port=" + port));
    command.addAll(settings);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ClusterNode(name, port, process, log);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Waits until readiness is UP (start-up import done); fails early, with the log's end, if the JVM exits. */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYetListening) {
        // Still starting.
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("node " + name + " not ready after " + timeout + ":\n" + logTail());
  }

  /** A JSON POST as the demo administrator (basic authentication). */
  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", DEMO_AUTH).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** kill -9: {@link Process#destroyForcibly()} is SIGKILL on Linux; no shutdown hook, no graceful stop. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean alive() {
    return process.isAlive();
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
