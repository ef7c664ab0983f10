package org.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gridcase.GridcaseBenchmark;
import org.gridcase.benchmark.Baseline;
import org.gridcase.benchmark.BenchmarkReport;
import org.gridcase.benchmark.BenchmarkReport.Row;
import org.gridcase.benchmark.Load;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code mvn verify -Pbenchmark}: the KPI REST over ten years of a district of 2,048 grids with 1,000,000 closed
 * cases (100,000 a year), on PostgreSQL, through HTTP as a supervisor's browser calls it. The cases go in through
 * SQL. Beside it, plain Camunda's closest
 * figure: counting the tasks completed in a year among as many history rows (ACT_HI_TASKINST), for the whole
 * district and for one grid's candidate group. Rows "5-kpi" of target/benchmarks/summary.md.
 */
@GridcaseBenchmark
@Order(60)
class KpiBenchmark {

  static final int GRIDS = 2_048;
  static final int CASES = 1_000_000;
  static final int CALLS = 60;
  static final String YEAR = "from=2025-01-01&to=2025-12-31";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @Test
  void kpisOfAYearOfADistrictAnswerWithin200Milliseconds() throws Exception {
    long start = System.nanoTime();
    jdbc.sql("delete from gc_request where tracking_number like 'BENCH-K%'").update();
    BenchmarkGrids.ensure(jdbc, GRIDS);
    // In the order they arrive: 2016-01-01 to 2025-12-31, about 274 a day, each day's spread over the grids.
    for (int chunk = 0; chunk < CASES; chunk += 100_000) {
      jdbc.sql("""
          insert into gc_request (tracking_number, grid_code, description, channel, received_at, status, accepted_at,
            handled_at, handling_minutes, due_at, satisfaction, closed_at, reopen_count, escalation_count, colour,
            category_code)
          select 'BENCH-K' || i, g.code, '基准测试', 'hotline', d.at, 'CLOSED', d.at + interval '1 hour',
            d.at + interval '2 days' + (i % 7) * interval '1 day', i % 2100, d.at + interval '5 days',
            case i % 10 when 0 then 'unsatisfied' when 1 then 'unreachable' when 2 then 'basically-satisfied'
              else 'satisfied' end,
            d.at + interval '9 days', case when i % 17 = 0 then 1 else 0 end, case when i % 23 = 0 then 1 else 0 end,
            'green', 'C04'
          from generate_series(:first, :last) as i
          cross join lateral (select timestamp '2016-01-01 08:00' + (cast(i as bigint) * 3653 / :cases) * interval '1 day'
            + (i % 540) * interval '1 minute' as at) d
          join (select code, row_number() over (order by code) - 1 as n from gc_unit where level = 'GRID'
                and active = true) g on g.n = (cast(i as bigint) * 7919) % :grids
          """).param("first", chunk).param("last", chunk + 99_999).param("cases", CASES).param("grids", GRIDS)
          .update();
    }
    // What autovacuum does soon after such a load.
    jdbc.sql("vacuum analyze gc_request").update();
    long loaded = (System.nanoTime() - start) / 1_000_000;

    StringBuilder report = new StringBuilder("KPI REST, PostgreSQL, " + CASES + " closed cases 2016–2025 in " + GRIDS
        + " grids, " + Runtime.getRuntime().availableProcessors() + " cores; loaded in " + loaded + " ms\n");
    List<Row> rows = new ArrayList<>();
    String community = "DC-04-07";
    String grid = jdbc.sql("select min(code) from gc_unit where parent_code = ? and level = 'GRID'").param(community)
        .query(String.class).single();
    String worker = "grid" + GRIDS / 2 + "worker";

    try (Baseline baseline = startBaselineWithHistory()) {
      Load.Result district = time(report, "district, a year", "/api/kpis?level=district&" + YEAR);
      Load.Result camundaDistrict = baselineTime(report, baseline, "plain Camunda, tasks completed in a year",
          "/engine-rest/history/task/count?finished=true&finishedAfter=2025-01-01T00:00:00.000%2B0800"
              + "&finishedBefore=2026-01-01T00:00:00.000%2B0800");
      rows.add(row("district-year KPIs (p50 / p99)", district, camundaDistrict, true));
      Load.Result gridYear = time(report, "one grid, a year", "/api/kpis?level=grid&parent=" + community + "&" + YEAR);
      Load.Result camundaGrid = baselineTime(report, baseline, "plain Camunda, one group's tasks in a year",
          "/engine-rest/history/task/count?finished=true&taskHadCandidateGroup=" + worker
              + "&finishedAfter=2025-01-01T00:00:00.000%2B0800&finishedBefore=2026-01-01T00:00:00.000%2B0800");
      rows.add(row("grids of a community, a year (p50 / p99)", gridYear, camundaGrid, false));
    }
    rows.add(row("streets, a year (p50 / p99)", time(report, "streets, a year", "/api/kpis?level=street&" + YEAR),
        null, false));
    rows.add(row("communities, a year (p50 / p99)", time(report, "communities, a year",
        "/api/kpis?level=community&" + YEAR), null, false));
    rows.add(row("all 2,048 grids, a year (p50 / p99)", time(report, "all grids, a year",
        "/api/kpis?level=grid&" + YEAR), null, false));
    rows.add(row("district, ten years (p50 / p99)", time(report, "district, ten years",
        "/api/kpis?level=district&from=2016-01-01&to=2025-12-31"), null, false));
    time(report, "departments, a year", "/api/kpis?level=department&" + YEAR);
    time(report, "one grid's month, live edges", "/api/kpis?level=grid&parent=" + community
        + "&from=2025-03-15&to=2025-04-14");
    System.out.println(report);
    BenchmarkReport.write("5-kpi", rows, report + "\nGrid used for the baseline's group: " + worker + "; Gridcase's"
        + " grid drill-down: the grids of community " + community + " (" + grid + " first).");
  }

  private Row row(String measure, Load.Result gridcase, Load.Result camunda, boolean goal) {
    String target = goal ? "≤ 200 ms" : "—";
    return new Row("5 KPIs", measure + ", 1M closed cases in ten years",
        gridcase.p50() + " / " + gridcase.p99() + " ms",
        camunda == null ? "— (no KPI in plain Camunda)" : camunda.p50() + " / " + camunda.p99() + " ms",
        camunda == null ? "—" : BenchmarkReport.ratio((double) camunda.p50() / Math.max(1, gridcase.p50())),
        target, !goal || gridcase.p50() <= 200);
  }

  /** Five calls to warm up, then {@link #CALLS} one after the other, as a supervisor clicks through. */
  private Load.Result time(StringBuilder report, String name, String url) {
    for (int i = 0; i < 5; i++) {
      assertThat(get(url).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    List<Long> millis = new ArrayList<>();
    long errors = 0;
    for (int i = 0; i < CALLS; i++) {
      long t = System.nanoTime();
      errors += get(url).getStatusCode() == HttpStatus.OK ? 0 : 1;
      millis.add((System.nanoTime() - t) / 1_000_000);
    }
    return summarize(report, name, millis, errors);
  }

  private Load.Result baselineTime(StringBuilder report, Baseline baseline, String name, String path)
      throws Exception {
    List<Long> millis = new ArrayList<>();
    long errors = 0;
    for (int i = 0; i < CALLS + 5; i++) {
      long t = System.nanoTime();
      HttpResponse<String> response = baseline.get(path);
      if (i >= 5) {
        millis.add((System.nanoTime() - t) / 1_000_000);
        errors += response.statusCode() == 200 ? 0 : 1;
      }
      if (i == 0) {
        report.append(name).append(": ").append(response.body()).append('\n');
      }
    }
    return summarize(report, name, millis, errors);
  }

  private static Load.Result summarize(StringBuilder report, String name, List<Long> millis, long errors) {
    Collections.sort(millis);
    Load.Result result = new Load.Result(millis.size(), errors, 0, Load.percentile(millis, 50),
        Load.percentile(millis, 99), millis.get(millis.size() - 1));
    report.append(String.format("%-45s p50 %4d ms, p99 %4d ms, max %4d ms, errors %d%n", name, result.p50(),
        result.p99(), result.max(), errors));
    assertThat(errors).as(name).isZero();
    return result;
  }

  private ResponseEntity<String> get(String url) {
    return rest.withBasicAuth("supervisor-dc", "demo").getForEntity(url, String.class);
  }

  /**
   * The baseline with as many completed tasks in its history as Gridcase has closed cases, over the same ten
   * years and as many candidate groups as grids; written by SQL as the engine would have written them.
   */
  private static Baseline startBaselineWithHistory() throws Exception {
    Baseline baseline = Baseline.start(false);
    String url = "jdbc:postgresql://127.0.0.1:5432/"
        + System.getProperty("gridcase.benchmark.baseline-db", "gridcase_bench_baseline");
    try (Connection connection = DriverManager.getConnection(url, env("GRIDCASE_TEST_DB_USER", "gridcase"),
        env("GRIDCASE_TEST_DB_PASSWORD", "gridcase")); Statement sql = connection.createStatement()) {
      sql.execute("delete from act_hi_identitylink where id_ like 'bench-k-%'");
      sql.execute("delete from act_hi_taskinst where id_ like 'bench-k-%'");
      sql.execute("""
          insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
            proc_inst_id_, execution_id_, name_, start_time_, end_time_, duration_, delete_reason_, priority_,
            due_date_, task_state_)
          select 'bench-k-' || i, 'Task_Handle', 'baseline-request', 'baseline-request:1:bench', 'bench-pi-' || i,
            'bench-pi-' || i, 'bench-ex-' || i, '处理', d.at, d.at + interval '3 days', 259200000, 'completed', 50,
            d.at + interval '5 days', 'Completed'
          from generate_series(0, %d) as i
          cross join lateral (select timestamp '2016-01-01 08:00' + (cast(i as bigint) * 3653 / %d) * interval '1 day'
            + (i %% 540) * interval '1 minute' as at) d
          """.formatted(CASES - 1, CASES));
      sql.execute("""
          insert into act_hi_identitylink (id_, timestamp_, type_, group_id_, task_id_, proc_def_key_,
            operation_type_)
          select 'bench-k-l' || i, timestamp '2016-01-01 08:00', 'candidate',
            'grid' || ((cast(i as bigint) * 7919) %% %d) || 'worker', 'bench-k-' || i, 'baseline-request', 'add'
          from generate_series(0, %d) as i
          """.formatted(GRIDS, CASES - 1));
      sql.execute("vacuum analyze act_hi_taskinst");
      sql.execute("vacuum analyze act_hi_identitylink");
    }
    return baseline;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
