package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.GridcasePostgresTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code mvn verify -Pbenchmark}: a grid worker's inbox with a million open tasks in the district, on
 * PostgreSQL with Camunda authorization on, through the engine REST API as Tasklist calls it. The tasks are
 * written straight into the engine's tables the way the engine writes a candidate-group task (task, candidate
 * link, per-task authorization copied from a real one), spread over all 287 grids. Figures go to
 * target/benchmarks/inbox.txt; it fails only when the median exceeds 100 ms.
 */
@GridcasePostgresTest
@Tag("benchmark")
class InboxBenchmark {

  static final int TASKS = 1_000_000;
  static final String WORKER = "worker-01-01-001";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired TaskService taskService;
  @Autowired org.springframework.context.ApplicationContext context;

  @Test
  void aGridWorkersInboxAnswersInTensOfMillisecondsWithAMillionOpenTasks() throws IOException {
    // A real handling task, whose authorization the bulk rows copy.
    new org.gridcase.intake.CaseFixtures(context).inHandling("DC-01-01-001", "基准", "C04", "green");
    Task model = taskService.createTaskQuery().taskCandidateGroup("DC-01-01-001.grid-worker").list().get(0);
    Map<String, Object> auth = jdbc.sql("select type_, perms_ from act_ru_authorization where resource_type_ = 7"
        + " and resource_id_ = ? and group_id_ = ?").params(model.getId(), "DC-01-01-001.grid-worker").query()
        .singleRow();

    long start = System.nanoTime();
    jdbc.sql("""
        with grids as (select code, row_number() over (order by code) - 1 as n from gc_unit where level = 'GRID')
        insert into act_ru_task (id_, rev_, proc_def_id_, name_, task_def_key_, priority_, create_time_, due_date_,
          suspension_state_, task_state_)
        select 'bench-' || i, 1, (select id_ from act_re_procdef where key_ = 'citizen-request'
            order by version_ desc limit 1), '基准任务 ' || i, 'Task_HandleGreen', 50,
          timestamp '2026-01-01' + (i % 300) * interval '1 day', timestamp '2026-01-04' + (i % 300) * interval '1 day',
          1, 'Created'
        from generate_series(1, :tasks) as i
        """).param("tasks", TASKS).update();
    jdbc.sql("""
        with grids as (select code, row_number() over (order by code) - 1 as n from gc_unit where level = 'GRID')
        insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
        select 'bench-link-' || i, 1, g.code || '.grid-worker', 'candidate', 'bench-' || i
        from generate_series(1, :tasks) as i join grids g on g.n = i % 287
        """).param("tasks", TASKS).update();
    jdbc.sql("""
        with grids as (select code, row_number() over (order by code) - 1 as n from gc_unit where level = 'GRID')
        insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
        select 'bench-auth-' || i, 1, :type, g.code || '.grid-worker', 7, 'bench-' || i, :perms
        from generate_series(1, :tasks) as i join grids g on g.n = i % 287
        """).param("tasks", TASKS).param("type", auth.get("type_")).param("perms", auth.get("perms_")).update();
    jdbc.sql("analyze act_ru_task").update();
    jdbc.sql("analyze act_ru_identitylink").update();
    jdbc.sql("analyze act_ru_authorization").update();
    long loaded = (System.nanoTime() - start) / 1_000_000;

    StringBuilder report = new StringBuilder("Inbox of " + WORKER + ", PostgreSQL, " + TASKS
        + " open candidate-group tasks over 287 grids (about " + TASKS / 287 + " per grid), authorization on, "
        + Runtime.getRuntime().availableProcessors() + " cores; loaded in " + loaded + " ms\n");
    long worst = 0;
    for (Map.Entry<String, String> call : Map.of(
        "first page by due date", "/engine-rest/task?candidateGroup=DC-01-01-001.grid-worker&sortBy=dueDate"
            + "&sortOrder=asc&firstResult=0&maxResults=15",
        "count", "/engine-rest/task/count?candidateGroup=DC-01-01-001.grid-worker",
        "my groups (Tasklist filter)", "/engine-rest/task?withCandidateGroups=true&candidateGroups="
            + "DC-01-01-001.grid-worker&firstResult=0&maxResults=15").entrySet()) {
      for (int i = 0; i < 5; i++) {
        assertThat(rest.withBasicAuth(WORKER, "demo").getForEntity(call.getValue(), String.class).getStatusCode())
            .isEqualTo(HttpStatus.OK);
      }
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < 21; i++) {
        long t = System.nanoTime();
        rest.withBasicAuth(WORKER, "demo").getForEntity(call.getValue(), String.class);
        millis.add((System.nanoTime() - t) / 1_000_000);
      }
      Collections.sort(millis);
      worst = Math.max(worst, millis.get(10));
      report.append(String.format("%-28s median %4d ms, p90 %4d ms, max %4d ms%n", call.getKey(), millis.get(10),
          millis.get(18), millis.get(20)));
    }
    Path out = Path.of("target", "benchmarks", "inbox.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.println(report);
    jdbc.sql("delete from act_ru_authorization where id_ like 'bench-auth-%'").update();
    jdbc.sql("delete from act_ru_identitylink where id_ like 'bench-link-%'").update();
    jdbc.sql("delete from act_ru_task where id_ like 'bench-%'").update();
    assertThat(worst).as(report.toString()).isLessThan(100);
  }
}
