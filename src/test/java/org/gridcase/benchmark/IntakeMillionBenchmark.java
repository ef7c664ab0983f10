package org.gridcase.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gridcase.GridcaseBenchmark;
import org.gridcase.benchmark.BenchmarkReport.Row;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Goal 2 with a million open cases ({@link MillionOpenTasks}): the same load as {@link IntakeBenchmark}; the
 * baseline's database gets a million open tasks of its own first. Rows "2-intake-million", and Gridcase's heap
 * after a collection with the million open cases.
 */
@GridcaseBenchmark
@Order(30)
class IntakeMillionBenchmark {

  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void intakeWithAMillionOpenCases() throws Exception {
    long seeded = MillionOpenTasks.ensure(jdbc);
    IntakeRun run = new IntakeRun(jdbc, port);
    Load.Result gridcase = run.gridcase();
    long heap = IntakeRun.heapAfterGcMb();
    Load.Result baseline;
    try (Baseline camunda = Baseline.start(false)) {
      camunda.startCase("seed-model", 0);
      IntakeRun.seedBaseline(MillionOpenTasks.CASES);
      baseline = run.baseline(camunda);
    }
    List<Row> rows = new ArrayList<>(IntakeRun.rows("1M open cases", gridcase, baseline));
    rows.add(new Row("6 footprint", "heap after GC, 1M open cases, after the intake load", heap + " MB", "", "",
        "≤ 1 GB", heap <= 1024));
    BenchmarkReport.write("2-intake-million", rows, "Intake, " + MillionOpenTasks.CASES + " open cases ("
        + (seeded > 0 ? "seeded in " + seeded / 1000 + " s" : "seeded earlier") + "; the baseline's database got as"
        + " many open tasks): Gridcase " + gridcase.describe() + "; baseline " + baseline.describe() + ".");
    assertThat(gridcase.errors()).as(gridcase.describe()).isZero();
  }
}
