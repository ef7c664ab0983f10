package org.gridcase.security;

import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda does not create and the Tasklist filters need at a million open tasks (PostgreSQL; H2 is for
 * development): tasks in due-date order (全区待办 and 全区已超期 read the earliest due first; see
 * {@link DistinctFreeTaskQueries} for why an expression), the same by priority (全区红色清单 asks for the red
 * priority), and the case columns' variables by value (a Tasklist search by 受理编号). The engine creates its
 * tables after Flyway, hence a runner, idempotent.
 */
@Component
class InboxIndexes implements ApplicationRunner {

  private final JdbcClient jdbc;
  private final TasklistColumns columns;
  private final boolean postgres;

  InboxIndexes(JdbcClient jdbc, TasklistColumns columns,
      org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine) {
    this.jdbc = jdbc;
    this.columns = columns;
    this.postgres = "postgres".equals(engine.getDatabaseType());
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!postgres) {
      return;
    }
    String dueOrder = DistinctFreeTaskQueries.DUE_ORDER.replace("RES.", "");
    // The columns a district-wide count reads besides its key ride along (due before, Tasklist's "active", and the
    // tenant check Camunda adds for every signed-in user), so counting the overdue part or the red list of a
    // million is an index-only scan. It replaces gc_act_task_due_order (no INCLUDE).
    String counted = " include (DUE_DATE_, SUSPENSION_STATE_, TENANT_ID_)";
    jdbc.sql("drop index if exists gc_act_task_due_order").update();
    jdbc.sql("create index if not exists gc_act_task_due_order_covering on ACT_RU_TASK ((" + dueOrder + "))"
        + counted).update();
    jdbc.sql("create index if not exists gc_act_task_priority_due_order on ACT_RU_TASK (PRIORITY_, (" + dueOrder
        + "))" + counted).update();
    // Only the columns' copies, not every variable: gc_act_variable_value indexed all fourteen a case writes at
    // intake (for a red list that now reads the task's priority), about a kilobyte per case.
    jdbc.sql("drop index if exists gc_act_variable_value").update();
    jdbc.sql("create index if not exists gc_act_variable_case_columns on ACT_RU_VARIABLE (NAME_, TEXT_) where NAME_ in ("
        + columns.columns().stream().map(column -> "'" + column.variable().replace("'", "''") + "'")
            .collect(Collectors.joining(", ")) + ")").update();
  }
}
