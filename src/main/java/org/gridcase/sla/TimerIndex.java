package org.gridcase.sla;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every open case holds several timers (warning, claim window, breach). The job executor acquires them by
 * priority, then due date ({@code job-executor-acquire-by-priority}, {@code -by-due-date}), which Camunda does
 * not index; with a million open tasks that would be a scan of ACT_RU_JOB every few seconds. The engine
 * creates its tables at start-up, after Flyway, so the indexes are added here, idempotently: one in the
 * acquisition's order, one for due-date queries (Cockpit, the overdue filters).
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
    jdbc.sql("create index if not exists gc_act_job_priority_duedate on ACT_RU_JOB (PRIORITY_ desc, DUEDATE_)")
        .update();
  }
}
