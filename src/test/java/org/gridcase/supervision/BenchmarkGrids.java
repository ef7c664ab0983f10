package org.gridcase.supervision;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A district of Daoli's size for the benchmarks: the 287 demo grids and as many more ("…-B0000" on) as make
 * {@code grids}, spread evenly over the 28 communities. The map benchmark gives them an area; KPIs need none.
 */
final class BenchmarkGrids {

  private BenchmarkGrids() {
  }

  /** Adds the grids missing to make {@code grids} active ones; a second call adds nothing. */
  static void ensure(JdbcClient jdbc, int grids) {
    int extra = grids - jdbc.sql("select count(*) from gc_unit where level = 'GRID' and active = true")
        .query(Integer.class).single();
    if (extra <= 0) {
      return;
    }
    jdbc.sql("""
        insert into gc_unit (code, name, level, grid_type, parent_code, active, updated_at)
        select c.code || '-B' || lpad(cast(i as varchar), 4, '0'), c.name || '基准网格' || i, 'GRID', 'URBAN', c.code,
          true, current_timestamp
        from generate_series(0, :extra - 1) as i
        join (select code, name, row_number() over (order by code) - 1 as n from gc_unit where level = 'COMMUNITY') c
          on c.n = i * 28 / :extra
        """).param("extra", extra).update();
  }
}
