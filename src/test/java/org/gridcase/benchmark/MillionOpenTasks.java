package org.gridcase.benchmark;

import java.util.Map;
import org.gridcase.matters.Colour;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A district of 2,048 grids with a million open cases, written straight into the tables the way the engine and
 * intake write them (PostgreSQL only): per case a gc_request row, a process instance with its {@code colour}
 * variable, one open task (its priority the colour's) with its candidate links and Camunda's per-link task authorization (copied from one
 * the engine made), so inbox, intake and supervision queries meet the row counts of a large district. Seeding
 * takes minutes, so it happens once per database: {@link #ensure} returns at once when the rows exist.
 *
 * <p>The mix: 70% green handling (grid worker and building leader), 20% yellow handling (grid leader), 3% red
 * handling (the community's district liaison leader), 4% department reports, 3% satisfaction reviews; a fifth
 * of all tasks overdue. Extra grids are {@code <community>-M0000}…, beside the 287 demo grids.
 */
public final class MillionOpenTasks {

  public static final int CASES = 1_000_000;
  public static final int GRIDS = 2_048;
  /** Business keys and tracking numbers of the seeded cases start with this. */
  public static final String PREFIX = "OPEN-";

  private MillionOpenTasks() {
  }

  /** Seeds the district unless it is there; returns the milliseconds seeding took (0 when it was there). */
  public static synchronized long ensure(JdbcClient jdbc) {
    if (jdbc.sql("select count(*) from act_ru_task where id_ = 'bench-1'").query(Long.class).single() > 0) {
      return seedColumns(jdbc);
    }
    long start = System.nanoTime();
    Map<String, Object> model = jdbc.sql("""
        select type_, perms_ from act_ru_authorization where resource_type_ = 7 and group_id_ is not null
        and resource_id_ <> '*' order by id_ limit 1""").query().listOfRows().stream().findFirst()
        .orElse(Map.of("type_", 1, "perms_", 2 | 64 | 4096)); // grant READ, TASK_WORK, READ_VARIABLE
    int extra = GRIDS - jdbc.sql("select count(*) from gc_unit where level = 'GRID' and active = true")
        .query(Integer.class).single();
    jdbc.sql("""
        insert into gc_unit (code, name, level, grid_type, parent_code, active, updated_at)
        select c.code || '-M' || lpad(cast(i as varchar), 4, '0'), c.name || '规模网格' || i, 'GRID', 'URBAN', c.code,
          true, current_timestamp
        from generate_series(0, :extra - 1) as i
        join (select code, name, row_number() over (order by code) - 1 as n from gc_unit where level = 'COMMUNITY') c
          on c.n = i * (select count(*) from gc_unit where level = 'COMMUNITY') / :extra
        """).param("extra", Math.max(0, extra)).update();
    jdbc.sql("drop table if exists gc_bench_plan").update();
    // One row per case: where it is, which task it waits in and for whom.
    jdbc.sql("""
        create unlogged table gc_bench_plan as
        with grids as (select code, parent_code as community, row_number() over (order by code) - 1 as n
                       from gc_unit where level = 'GRID' and active = true),
             departments as (select code, row_number() over (order by code) - 1 as n, count(*) over () as total
                             from gc_unit where level = 'DEPARTMENT'),
             cases as (select i, i % 100 as kind from generate_series(1, :cases) as i)
        select c.i, g.code as grid, g.community,
          case when c.kind < 70 then 'Task_HandleGreen' when c.kind < 90 then 'Task_HandleYellow'
               when c.kind < 93 then 'Task_HandleRed' when c.kind < 97 then 'Task_DepartmentReport'
               else 'Task_SatisfactionReview' end as task_key,
          case when c.kind < 70 then 'green' when c.kind < 90 then 'yellow' when c.kind < 93 then 'red'
               else 'green' end as colour,
          case when c.kind < 70 then g.code || '.grid-worker' when c.kind < 90 then g.code || '.grid-leader'
               when c.kind < 93 then g.community || '.district-liaison-leader'
               when c.kind < 97 then d.code || '.department-officer'
               else g.community || '.community-reviewer' end as group1,
          case when c.kind < 70 then g.code || '.building-leader' end as group2,
          -- due dates independent of the kind of task (a hash, not i itself), as in life
          localtimestamp + ((abs(hashtext(cast(c.i as text))) % 400) - 80) * interval '1 day'
            + (abs(hashtext(cast(c.i as text))) % 1440) * interval '1 minute' as due
        from cases c
        join grids g on g.n = c.i % :grids
        join departments d on d.n = c.i % d.total
        """).param("cases", CASES).param("grids", GRIDS).update();
    String definition = "(select id_ from act_re_procdef where key_ = 'citizen-request' order by version_ desc limit 1)";
    jdbc.sql("""
        insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_,
          act_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_,
          sequence_counter_, proc_def_key_)
        select 'bench-pi-' || i, 1, 'bench-pi-' || i, 'bench-pi-' || i, :prefix || i, %s, task_key,
          true, false, true, false, 1, 0, 1, 'citizen-request'
        from gc_bench_plan""".formatted(definition)).param("prefix", PREFIX).update();
    jdbc.sql("""
        insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, text_,
          var_scope_, sequence_counter_, is_concurrent_local_)
        select 'bench-var-' || i, 1, 'string', 'colour', 'bench-pi-' || i, 'bench-pi-' || i, %s, colour,
          'bench-pi-' || i, 1, false
        from gc_bench_plan""".formatted(definition)).update();
    jdbc.sql("""
        insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_,
          priority_, create_time_, due_date_, suspension_state_, task_state_)
        select 'bench-' || i, 1, 'bench-pi-' || i, 'bench-pi-' || i, %s, '规模任务 ' || i, task_key,
          case colour when 'red' then %d when 'yellow' then %d else %d end, due - interval '3 days', due, 1, 'Created'
        from gc_bench_plan""".formatted(definition, Colour.RED.taskPriority(), Colour.YELLOW.taskPriority(),
            Colour.GREEN.taskPriority())).update();
    for (String column : new String[] {"group1", "group2"}) {
      jdbc.sql("""
          insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
          select 'bench-link-%1$s-' || i, 1, %1$s, 'candidate', 'bench-' || i from gc_bench_plan where %1$s is not null
          """.formatted(column)).update();
      jdbc.sql("""
          insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
          select 'bench-auth-%1$s-' || i, 1, :type, %1$s, 7, 'bench-' || i, :perms
          from gc_bench_plan where %1$s is not null
          """.formatted(column)).param("type", model.get("type_")).param("perms", model.get("perms_")).update();
    }
    jdbc.sql("""
        insert into gc_request (tracking_number, grid_code, description, channel, received_at, status, colour,
          category_code, accepted_at, due_at, process_instance_id, escalation_count, reopen_count)
        select :prefix || i, grid, '规模测试', 'hotline', due - interval '3 days', 'IN_HANDLING', colour, 'C04',
          due - interval '3 days', due, 'bench-pi-' || i, 0, 0
        from gc_bench_plan""").param("prefix", PREFIX).update();
    jdbc.sql("drop table gc_bench_plan").update();
    seedColumns(jdbc);
    // What autovacuum does soon after such a load: fresh statistics and a visibility map for index-only scans.
    for (String table : new String[] {"act_ru_task", "act_ru_identitylink", "act_ru_authorization",
        "act_ru_execution", "act_ru_variable", "gc_request", "gc_unit"}) {
      jdbc.sql("vacuum analyze " + table).update();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * The three task-local column copies (tracking number, category, colour) every case task carries for Tasklist's
   * list, as the create listener writes them; without them the start-up backfill would write them itself.
   */
  private static long seedColumns(JdbcClient jdbc) {
    if (jdbc.sql("select count(*) from act_ru_variable where id_ = 'bench-col-t-1'").query(Long.class).single() > 0) {
      return 0;
    }
    long start = System.nanoTime();
    jdbc.sql("""
        insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, task_id_,
          text_, var_scope_, sequence_counter_, is_concurrent_local_)
        select 'bench-col-' || c.k || '-' || t.i, 1, 'string', c.name, 'bench-pi-' || t.i, 'bench-pi-' || t.i,
          r.proc_def_id_, 'bench-' || t.i,
          case c.k when 't' then :prefix || t.i when 'c' then '路灯' else '绿' end, 'bench-' || t.i, 1, false
        from generate_series(1, :cases) as t(i)
        cross join (values ('t', 'listTrackingNumber'), ('c', 'listCategoryName'), ('l', 'listColourLabel')) as c(k, name)
        join act_ru_task r on r.id_ = 'bench-' || t.i
        """).param("cases", CASES).param("prefix", PREFIX).update();
    jdbc.sql("vacuum analyze act_ru_variable").update();
    return (System.nanoTime() - start) / 1_000_000;
  }
}
