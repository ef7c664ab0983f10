package org.gridcase.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda does not create and the district-wide Tasklist filters need at a million open tasks: tasks by
 * due date (全区待办 and 全区已超期 read the earliest due first) and variables by name and text value (全区红色清单
 * asks for {@code colour = red}). The engine creates its tables after Flyway, hence a runner, idempotent.
 */
@Component
class InboxIndexes implements ApplicationRunner {

  private final JdbcClient jdbc;

  InboxIndexes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    jdbc.sql("create index if not exists gc_act_task_due on ACT_RU_TASK (DUE_DATE_)").update();
    jdbc.sql("create index if not exists gc_act_variable_value on ACT_RU_VARIABLE (NAME_, TEXT_)").update();
  }
}
