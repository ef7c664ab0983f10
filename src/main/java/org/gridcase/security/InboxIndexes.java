package org.gridcase.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda does not create and the district-wide Tasklist filters need at a million open tasks: tasks in
 * due-date order (全区待办 and 全区已超期 read the earliest due first; see {@link DistinctFreeTaskQueries} for why
 * an expression, and PostgreSQL only), the same by priority (全区红色清单 asks for the red priority), and
 * variables by name and text value (a Tasklist search by 受理编号 or another column). The engine
 * creates its tables after Flyway, hence a runner, idempotent.
 */
@Component
class InboxIndexes implements ApplicationRunner {

  private final JdbcClient jdbc;
  private final boolean postgres;

  InboxIndexes(JdbcClient jdbc, org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine) {
    this.jdbc = jdbc;
    this.postgres = "postgres".equals(engine.getDatabaseType());
  }

  @Override
  public void run(ApplicationArguments args) {
    if (postgres) {
      // The columns a district-wide count reads besides the order (due before, Tasklist's "active") ride along, so
      // counting the overdue part of a million is an index-only scan. It replaces gc_act_task_due_order (no INCLUDE).
      jdbc.sql("drop index if exists gc_act_task_due_order").update();
      jdbc.sql("create index if not exists gc_act_task_due_order_covering on ACT_RU_TASK (("
          + DistinctFreeTaskQueries.DUE_ORDER.replace("RES.", "") + ")) include (DUE_DATE_, SUSPENSION_STATE_)")
          .update();
      jdbc.sql("create index if not exists gc_act_task_priority_due_order on ACT_RU_TASK (PRIORITY_, ("
          + DistinctFreeTaskQueries.DUE_ORDER.replace("RES.", "") + "))").update();
    }
    jdbc.sql("create index if not exists gc_act_variable_value on ACT_RU_VARIABLE (NAME_, TEXT_)").update();
  }
}
