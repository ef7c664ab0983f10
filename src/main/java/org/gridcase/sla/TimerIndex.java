package org.gridcase.sla;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every open case holds several timers (warning, claim window, breach). The job executor acquires them by
 * due date ({@code job-executor-acquire-by-due-date}), which Camunda does not index; with a million open
 * tasks that would be a scan of ACT_RU_JOB every few seconds. The engine creates its tables at start-up,
 * after Flyway, so the index is added here, idempotently.
 */
@Component
class TimerIndex implements ApplicationRunner {

  private final JdbcClient jdbc;

  TimerIndex(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    jdbc.sql("create index if not exists gc_act_job_duedate on ACT_RU_JOB (DUEDATE_)").update();
  }
}
