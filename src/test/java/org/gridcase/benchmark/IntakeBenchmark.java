package org.gridcase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridcase.GridcaseBenchmark;
import org.gridcase.benchmark.BenchmarkReport.Row;
import org.gridcase.benchmark.IntakeRun.Footprint;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Goals 2 and 6 on an empty database: 32 clients post {@code POST /api/requests} over HTTP for a minute
 * (-Dgridcase.benchmark.seconds), then start the plain-Camunda baseline's case (authorization off) as long;
 * rows "2-intake-empty". The rows and bytes each new case adds to the engine's and the application's tables,
 * both sides, and Gridcase's heap after a collection go to "6-footprint".
 */
@GridcaseBenchmark
@Order(10)
class IntakeBenchmark {

  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void intakeOnAnEmptyDatabase() throws Exception {
    IntakeRun run = new IntakeRun(jdbc, port);
    long casesBefore = cases();
    Footprint before = run.gridcaseFootprint();
    Load.Result gridcase = run.gridcase();
    Footprint written = run.gridcaseFootprint().minus(before);
    long gridcaseCases = cases() - casesBefore;
    long heap = IntakeRun.heapAfterGcMb();

    Load.Result baseline;
    Footprint baselineWritten;
    long baselineCases;
    try (Baseline camunda = Baseline.start(false)) {
      camunda.startCase("footprint-warm-up", 0);
      Footprint baselineBefore = IntakeRun.baselineFootprint();
      long startedBefore = IntakeRun.baselineCases();
      baseline = run.baseline(camunda);
      baselineWritten = IntakeRun.baselineFootprint().minus(baselineBefore);
      baselineCases = IntakeRun.baselineCases() - startedBefore;
    }

    List<Row> rows = new ArrayList<>(IntakeRun.rows("empty database", gridcase, baseline));
    BenchmarkReport.write("2-intake-empty", rows, "Intake, empty database: " + IntakeRun.CLIENTS + " clients, "
        + IntakeRun.seconds().toSeconds() + " s each after a warm-up; Gridcase " + gridcase.describe()
        + "; baseline " + baseline.describe() + ".");
    double rowsPerCase = (double) written.rows() / gridcaseCases;
    double baselineRows = (double) baselineWritten.rows() / baselineCases;
    double kbPerCase = written.bytes() / 1024.0 / gridcaseCases;
    double baselineKb = baselineWritten.bytes() / 1024.0 / baselineCases;
    BenchmarkReport.write("6-footprint", List.of(
        new Row("6 footprint", "rows per new case", String.format("%.1f", rowsPerCase),
            String.format("%.1f", baselineRows), BenchmarkReport.ratio(rowsPerCase / baselineRows), "≤ 1.5×",
            rowsPerCase <= 1.5 * baselineRows),
        new Row("6 footprint", "KB per new case (tables, indexes, TOAST)", String.format("%.1f", kbPerCase),
            String.format("%.1f", baselineKb), BenchmarkReport.ratio(kbPerCase / baselineKb), "≤ 1.5×",
            kbPerCase <= 1.5 * baselineKb),
        new Row("6 footprint", "heap after GC, after the intake load (-Xmx1g)", heap + " MB", "", "", "≤ 1 GB",
            heap <= 1024)),
        "Footprint: " + gridcaseCases + " Gridcase cases wrote " + written.rows() + " rows / " + written.bytes()
            + " bytes to ACT_* and gc_* tables; " + baselineCases + " baseline cases wrote " + baselineWritten.rows()
            + " rows / " + baselineWritten.bytes() + " bytes (pg_total_relation_size, counted from the run's"
            + " first to its last case, so pages filled in advance are spread over the cases).");
    assertThat(gridcase.errors()).as(gridcase.describe()).isZero();
  }

  private long cases() {
    return jdbc.sql("select count(*) from gc_request").query(Long.class).single();
  }
}
