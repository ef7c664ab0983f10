package org.gridcase.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.gridcase.benchmark.BenchmarkReport.Row;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Goal 2's run, shared by the empty-database and the million-case benchmark: {@code clients} clients post
 * {@code POST /api/requests} to Gridcase for {@link #seconds()} with distinct client request ids spread over
 * the grids, then start the baseline's case as many clients for as long; goal 6's rows and bytes per new case
 * are read from the two databases before and after.
 */
final class IntakeRun {

  static final int CLIENTS = 32;
  /** The user who posts: the demo administrator may submit (any hotline operator may). */
  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes());

  private final JdbcClient jdbc;
  private final URI intake;
  // HTTP/1.1 as hotline systems post; the default would try an h2c upgrade on every new connection.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> grids;
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  IntakeRun(JdbcClient jdbc, int port) {
    this.jdbc = jdbc;
    this.intake = URI.create("http://127.0.0.1:" + port + "/api/requests");
    this.grids = jdbc.sql("select code from gc_unit where level = 'GRID' and active = true order by code")
        .query(String.class).list();
  }

  /** -Dgridcase.benchmark.seconds (default 60): how long each side is loaded. */
  static Duration seconds() {
    return Duration.ofSeconds(Integer.getInteger("gridcase.benchmark.seconds", 60));
  }

  /** One intake; true when Gridcase answered 201 Created. */
  boolean post(long n) {
    String grid = grids.get((int) (n % grids.size()));
    String body = """
        {"description":"小区路灯不亮，夜间行人看不清路 %d","gridCode":"%s","categoryCode":"C04","channel":"hotline",
         "requesterName":"王先生","requesterPhone":"13912345678","clientRequestId":"bench-%s-%d"}"""
        .formatted(n, grid, run, n);
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(intake).timeout(Duration.ofSeconds(30))
          .header("Authorization", AUTH).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 201;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Gridcase under load: a warm-up, then the measured run. */
  Load.Result gridcase() throws InterruptedException {
    Load.closed(CLIENTS, Duration.ofSeconds(Math.min(10, seconds().toSeconds())), n -> post(1_000_000_000L + n));
    return Load.closed(CLIENTS, seconds(), this::post);
  }

  /** The baseline under the same load, its cases spread over as many grids. */
  Load.Result baseline(Baseline baseline) throws InterruptedException {
    Load.closed(CLIENTS, Duration.ofSeconds(Math.min(10, seconds().toSeconds())),
        n -> baseline.startCase("warm-" + run + "-" + n, (int) (n % grids.size())));
    return Load.closed(CLIENTS, seconds(),
        n -> baseline.startCase("B-" + run + "-" + n, (int) (n % grids.size())));
  }

  /** Rows and bytes (tables, indexes, TOAST) of the engine's and the application's tables. */
  record Footprint(long rows, long bytes) {
    Footprint minus(Footprint before) {
      return new Footprint(rows - before.rows, bytes - before.bytes);
    }
  }

  Footprint gridcaseFootprint() {
    return footprint(jdbc.sql(TABLES).query(String.class).list(), sql -> jdbc.sql(sql).query(Long.class).single());
  }

  static Footprint baselineFootprint() throws SQLException {
    try (Connection connection = baselineConnection(); Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(TABLES)) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      return footprint(tables, sql -> {
        try (ResultSet rs = statement.executeQuery(sql)) {
          rs.next();
          return rs.getLong(1);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  /** Process instances the baseline started so far. */
  static long baselineCases() throws SQLException {
    try (Connection connection = baselineConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select count(*) from act_hi_procinst")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * A million open tasks in the baseline's database, as its engine writes them (instance, task, candidate
   * link to grid<N>worker), unless they are there: the baseline meets the same table sizes as Gridcase.
   */
  static void seedBaseline(int cases) throws SQLException {
    try (Connection connection = baselineConnection(); Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("select count(*) from act_ru_task where id_ = 'bench-1'")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return;
        }
      }
      String definition = "(select id_ from act_re_procdef where key_ = 'baseline-request' order by version_ desc"
          + " limit 1)";
      statement.executeUpdate("""
          insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_,
            act_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_,
            sequence_counter_, proc_def_key_)
          select 'bench-pi-' || i, 1, 'bench-pi-' || i, 'bench-pi-' || i, 'OPEN-' || i, %s, 'Task_Handle', true, false,
            true, false, 1, 0, 1, 'baseline-request'
          from generate_series(1, %d) as i""".formatted(definition, cases));
      statement.executeUpdate("""
          insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_,
            priority_, create_time_, due_date_, suspension_state_, task_state_)
          select 'bench-' || i, 1, 'bench-pi-' || i, 'bench-pi-' || i, %s, 'open ' || i, 'Task_Handle', 50,
            localtimestamp, localtimestamp + interval '3 days', 1, 'Created'
          from generate_series(1, %d) as i""".formatted(definition, cases));
      statement.executeUpdate("""
          insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
          select 'bench-link-' || i, 1, 'grid' || (i %% 2048) || 'worker', 'candidate', 'bench-' || i
          from generate_series(1, %d) as i""".formatted(cases));
      for (String table : new String[] {"act_ru_execution", "act_ru_task", "act_ru_identitylink"}) {
        statement.execute("vacuum analyze " + table);
      }
    }
  }

  private static Connection baselineConnection() throws SQLException {
    String url = "jdbc:postgresql://127.0.0.1:5432/"
        + System.getProperty("gridcase.benchmark.baseline-db", "gridcase_bench_baseline");
    return DriverManager.getConnection(url, env("GRIDCASE_TEST_DB_USER", "gridcase"),
        env("GRIDCASE_TEST_DB_PASSWORD", "gridcase"));
  }

  private static final String TABLES = "select tablename from pg_tables where schemaname = current_schema()"
      + " and (tablename like 'act\\_%' or tablename like 'gc\\_%') and tablename <> 'gc_schema_history'";

  private static Footprint footprint(List<String> tables, java.util.function.ToLongFunction<String> single) {
    long rows = 0;
    long bytes = 0;
    for (String table : tables) {
      rows += single.applyAsLong("select count(*) from " + table);
      bytes += single.applyAsLong("select pg_total_relation_size('" + table + "')");
    }
    return new Footprint(rows, bytes);
  }

  /** Heap in use after a full collection, in MB. */
  static long heapAfterGcMb() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  /** Goal 2's rows for one data size. */
  static List<Row> rows(String data, Load.Result gridcase, Load.Result baseline) {
    double ratio = gridcase.perSecond() / Math.max(0.001, baseline.perSecond());
    return List.of(
        new Row("2 intake", "starts/s, " + CLIENTS + " clients, " + data, String.format("%.1f/s", gridcase.perSecond()),
            String.format("%.1f/s", baseline.perSecond()), BenchmarkReport.ratio(ratio), "≥ 200/s and ≥ 1.0×",
            gridcase.perSecond() >= 200 && ratio >= 1.0),
        new Row("2 intake", "p50 / p99, " + data, gridcase.p50() + " / " + gridcase.p99() + " ms",
            baseline.p50() + " / " + baseline.p99() + " ms", "", "p99 ≤ 250 ms", gridcase.p99() <= 250),
        new Row("2 intake", "errors, " + data, gridcase.errors() + " of " + gridcase.calls(),
            baseline.errors() + " of " + baseline.calls(), "", "0", gridcase.errors() == 0));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
