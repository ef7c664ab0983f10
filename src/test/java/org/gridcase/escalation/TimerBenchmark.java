package org.gridcase.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.GridcaseBenchmark;
import org.gridcase.benchmark.Baseline;
import org.gridcase.benchmark.BenchmarkReport;
import org.gridcase.benchmark.Load;
import org.gridcase.benchmark.OpenCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Goal 3: {@code gridcase.benchmark.timers} (20,000) timers due at once, each doing its work, while intake goes
 * on at 30 cases/s over HTTP. The cases are submitted through intake and wait at triage with their two timers
 * (研判临期, 研判超时); the engine's clock then moves past their due date, so the job executor (on here, with
 * the gridcase.jobs settings) finds every timer due at once. The overdue timers report the breach to the
 * task's people and the escalation level (notices queued, mails sent to a GreenMail); the warnings find their
 * task already overdue and stay quiet. Beside it the plain-Camunda baseline: as many cases, their P3D timers
 * made due by SQL, fired by its job executor with the starter's defaults.
 */
@GridcaseBenchmark
@Order(12) // before the million open cases are seeded (see .ci/benchmark)
// Jobs run as in production; intake at 30/s from one address and user must not meet the write rate limit.
@org.springframework.test.context.TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true",
    "gridcase.rate-limits.api-write=100000/1m"})
class TimerBenchmark {

  static final int TIMERS = Integer.getInteger("gridcase.benchmark.timers", 20_000);
  static final int INTAKE_PER_SECOND = 30;
  static final Duration BUDGET = Duration.ofMinutes(2);
  static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    smtp.start();
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  @AfterAll
  static void stopMail() {
    ClockUtil.reset();
    smtp.stop();
  }

  @Test
  void twentyThousandTimersDueAtOnceAreDoneInTwoMinutesWhileIntakeGoesOn() throws Exception {
    List<String> grids = jdbc.sql("select code from gc_unit where level = 'GRID' and active order by code")
        .query(String.class).list();
    int cases = TIMERS / 2;
    long before = jdbc.sql("select coalesce(max(id), 0) from gc_request").query(Long.class).single();
    double seeding = OpenCases.seed(context, grids, cases, 4);
    // The new-task notices of the seeding are sent before the clock moves.
    OpenCases.await(() -> pendingNonTimerJobs() == 0, Duration.ofMinutes(20));
    jdbc.sql("drop table if exists bench_timer").update();
    jdbc.sql("create table bench_timer as select j.id_ from act_ru_job j join gc_request r on"
        + " r.process_instance_id = j.process_instance_id_ where j.type_ = 'timer' and r.id > ?").param(before)
        .update();
    long timers = jdbc.sql("select count(*) from bench_timer").query(Long.class).single();
    assertThat(timers).isEqualTo(2L * cases);

    // Drive the clock: a month on, past every seeded case's triage due date.
    ClockUtil.offset(Duration.ofDays(30).toMillis());
    long start = System.nanoTime();
    OpenCases http = new OpenCases(port);
    ExecutorService watcher = Executors.newSingleThreadExecutor();
    Future<Double> fired = watcher.submit(() -> OpenCases.await(() -> remaining() == 0, Duration.ofMinutes(30)));
    Load.Result intake = Load.paced(INTAKE_PER_SECOND, 16, BUDGET,
        n -> http.submit(n, grids.get((int) (n * 7 % grids.size()))));
    double seconds = fired.get();
    double noticesSent = OpenCases.await(() -> pendingNonTimerJobs() == 0, Duration.ofMinutes(30));
    double allNotices = (System.nanoTime() - start) / 1e9;
    watcher.shutdown();
    ClockUtil.reset();

    long once = jdbc.sql("select count(*) from (select l.job_id_ from act_hi_job_log l join bench_timer t on"
        + " t.id_ = l.job_id_ where l.job_state_ = 2 group by l.job_id_ having count(*) = 1) s").query(Long.class)
        .single();
    long overdueNotices = jdbc.sql("select count(distinct event_key) from gc_notification where event_key like"
        + " 'overdue:%'").query(Long.class).single();

    System.out.printf("3-timers Gridcase: %,d timers done in %.1f s, %,d exactly once, %,d overdue events,"
        + " notices all sent after %.0f s; intake %s%n", timers, seconds, once, overdueNotices, allNotices,
        intake.describe());
    BaselineFigures baseline = baseline(TIMERS);

    boolean met = seconds <= BUDGET.toSeconds() && intake.p99() <= 250 && once == timers;
    BenchmarkReport.write("3-timers", List.of(
        new BenchmarkReport.Row("3 timers", String.format("%,d timers due at once, all done (s)", timers),
            String.format("%.0f", seconds), String.format("%.0f", baseline.seconds()),
            BenchmarkReport.ratio(baseline.seconds() / seconds), "≤ 120 s, each once", met),
        new BenchmarkReport.Row("3 timers", "intake p99 meanwhile (30/s over HTTP)", intake.p99() + " ms",
            baseline.intake().p99() + " ms", BenchmarkReport.ratio((double) baseline.intake().p99() / intake.p99()),
            "≤ 250 ms", intake.p99() <= 250)),
        String.format("""
            3-timers: %,d Gridcase cases at triage (seeded through intake in %.0f s, 4 threads), 2 timers each;
            the engine clock moved 30 days on. Timers done in %.1f s, %,d of %,d succeeded exactly once
            (ACT_HI_JOB_LOG), %,d overdue events noticed; the notices' mails all sent %.0f s after the start.
            Intake meanwhile: %s. Baseline: %,d cases, P3D timers made due by SQL, fired in %.1f s with the
            starter's job executor; its intake meanwhile %s. Job executor: gridcase.jobs defaults.
            """, cases, seeding, seconds, once, timers, overdueNotices, allNotices, intake.describe(),
            TIMERS, baseline.seconds(), baseline.intake().describe()));

    assertThat(intake.errors()).isZero();
    assertThat(once).isEqualTo(timers);
    assertThat(overdueNotices).isGreaterThanOrEqualTo(cases);
  }

  private long remaining() {
    return jdbc.sql("select count(*) from act_ru_job j join bench_timer t on t.id_ = j.id_ where j.retries_ > 0")
        .query(Long.class).single();
  }

  private long pendingNonTimerJobs() {
    return jdbc.sql("select count(*) from act_ru_job where type_ = 'message' and retries_ > 0").query(Long.class)
        .single();
  }

  record BaselineFigures(double seconds, Load.Result intake) {
  }

  /** The baseline's cases, their timers due by SQL in its database, and the time its executor takes. */
  private BaselineFigures baseline(int count) throws Exception {
    try (Baseline baseline = Baseline.start(false)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Boolean>> started = new ArrayList<>();
      String run = Long.toString(System.currentTimeMillis(), 36);
      for (int i = 0; i < count; i++) {
        int n = i;
        started.add(pool.submit(() -> baseline.startCase("T-" + run + "-" + n, n % 287)));
      }
      for (Future<Boolean> each : started) {
        assertThat(each.get()).isTrue();
      }
      pool.shutdown();
      try (Connection db = Baseline.database()) {
        long start = System.nanoTime();
        db.createStatement().executeUpdate("update act_ru_job set duedate_ = now() - interval '1 minute'"
            + " where type_ = 'timer'");
        ExecutorService watcher = Executors.newSingleThreadExecutor();
        Future<Double> fired = watcher.submit(() -> OpenCases.await(() -> baselineTimers(db) == 0,
            Duration.ofMinutes(30)));
        Load.Result intake = Load.paced(INTAKE_PER_SECOND, 16, BUDGET,
            n -> baseline.startCase("L-" + run + "-" + n, (int) (n % 287)));
        double seconds = fired.get();
        watcher.shutdown();
        return new BaselineFigures(seconds, intake);
      }
    }
  }

  private static long baselineTimers(Connection db) {
    try (var rs = db.createStatement().executeQuery("select count(*) from act_ru_job where type_ = 'timer'"
        + " and duedate_ < now()")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
