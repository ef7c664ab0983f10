package org.gridcase.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.organization.CandidateGroups;
import org.gridcase.organization.Role;
import org.gridcase.security.SystemAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双月考评 of grid leaders: a score from the KPIs of their grid for a two-month period, then the forced
 * distribution 1:3:5:1 over all grid leaders of the district. Stored with every input, so a grade can be
 * explained; computing a period again replaces it.
 *
 * <p>Rules: score = 100 × Σ weight × rate. A rate with nothing to count (no request of that kind in the
 * grid) takes the district's rate for the period, or 100 % when the district has none either, so a quiet
 * grid is neither rewarded nor punished. Leaders are ranked by score, then grid code, then user id; the
 * grades follow that order by {@link Grade#quotas(int)}.
 */
@Service
@Transactional
class Gradings {

  record Result(String gridCode, String gridName, String leaderId, long received, long accepted, long closed,
      long closedOnTime, long reviewed, long satisfied, Double acceptanceRate, Double completionRate,
      Double onTimeRate, Double satisfactionRate, double score, int rank, String grade, String gradeLabel) {
  }

  record Grading(String period, LocalDate start, LocalDate end, String weights, Instant computedAt,
      Map<String, Integer> counts, List<Result> results) {
  }

  private final Kpis kpis;
  private final SystemAccess system;
  private final GradingProperties weights;
  private final JdbcClient jdbc;

  Gradings(Kpis kpis, SystemAccess system, GradingProperties weights, JdbcClient jdbc) {
    this.kpis = kpis;
    this.system = system;
    this.weights = weights;
    this.jdbc = jdbc;
  }

  /** The first month of a two-month period, "2026-09" for September and October; odd months only. */
  static YearMonth period(String text) {
    try {
      YearMonth month = YearMonth.parse(text);
      if (month.getMonthValue() % 2 == 1) {
        return month;
      }
    } catch (DateTimeParseException | NullPointerException e) {
      // reported below
    }
    throw new IllegalArgumentException("period: the first month of a two-month period, such as 2026-09");
  }

  Grading compute(String periodText, String actor) {
    YearMonth first = period(periodText);
    LocalDate start = first.atDay(1);
    LocalDate end = first.plusMonths(1).atEndOfMonth();
    Kpi district = kpis.of(Level.DISTRICT, start, end, null).get(0);
    List<Result> results = new ArrayList<>();
    for (Kpi grid : kpis.of(Level.GRID, start, end, null)) {
      double score = 100 * (weights.acceptance() * or(grid.acceptanceRate(), district.acceptanceRate())
          + weights.completion() * or(grid.completionRate(), district.completionRate())
          + weights.onTime() * or(grid.onTimeRate(), district.onTimeRate())
          + weights.satisfaction() * or(grid.satisfactionRate(), district.satisfactionRate()));
      for (String leader : system.membersOf(List.of(CandidateGroups.of(grid.unitCode(), Role.GRID_LEADER)))) {
        results.add(new Result(grid.unitCode(), grid.unitName(), leader, grid.received(), grid.accepted(),
            grid.closed(), grid.closedOnTime(), grid.reviewed(), grid.satisfied(), grid.acceptanceRate(),
            grid.completionRate(), grid.onTimeRate(), grid.satisfactionRate(), Math.round(score * 10000) / 10000.0,
            0, null, null));
      }
    }
    results.sort(Comparator.comparingDouble(Result::score).reversed().thenComparing(Result::gridCode)
        .thenComparing(Result::leaderId));
    int[] quotas = Grade.quotas(results.size());
    List<Result> graded = new ArrayList<>();
    int gradeIndex = 0;
    int inGrade = 0;
    for (Result result : results) {
      while (inGrade >= quotas[gradeIndex]) {
        gradeIndex++;
        inGrade = 0;
      }
      Grade grade = Grade.values()[gradeIndex];
      inGrade++;
      graded.add(new Result(result.gridCode(), result.gridName(), result.leaderId(), result.received(),
          result.accepted(), result.closed(), result.closedOnTime(), result.reviewed(), result.satisfied(),
          result.acceptanceRate(), result.completionRate(), result.onTimeRate(), result.satisfactionRate(),
          result.score(), graded.size() + 1, grade.name(), grade.label()));
    }
    store(first.toString(), start, end, actor, graded);
    return find(first.toString()).orElseThrow();
  }

  @Transactional(readOnly = true)
  Optional<Grading> find(String periodText) {
    String period = period(periodText).toString();
    return jdbc.sql("select id, period_start, period_end, weights, computed_at from gc_grading where period = ?")
        .param(period).query((rs, row) -> {
          long id = rs.getLong("id");
          List<Result> results = jdbc.sql("select * from gc_grading_result where grading_id = ?"
              + " order by rank_in_district").param(id).query((r, n) -> new Result(r.getString("grid_code"), null,
              r.getString("leader_id"), r.getLong("received"), r.getLong("accepted"), r.getLong("closed"),
              r.getLong("closed_on_time"), r.getLong("reviewed"), r.getLong("satisfied"),
              decimal(r, "acceptance_rate"), decimal(r, "completion_rate"), decimal(r, "on_time_rate"),
              decimal(r, "satisfaction_rate"), r.getDouble("score"), r.getInt("rank_in_district"),
              r.getString("grade"), Grade.valueOf(r.getString("grade")).label())).list();
          Map<String, Integer> counts = new LinkedHashMap<>();
          for (Grade grade : Grade.values()) {
            counts.put(grade.label(), (int) results.stream().filter(result -> result.grade().equals(grade.name()))
                .count());
          }
          return new Grading(period, rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
              rs.getString("weights"), rs.getTimestamp("computed_at").toInstant(), counts, results);
        }).optional();
  }

  private void store(String period, LocalDate start, LocalDate end, String actor, List<Result> results) {
    jdbc.sql("delete from gc_grading_result where grading_id in (select id from gc_grading where period = ?)")
        .param(period).update();
    jdbc.sql("delete from gc_grading where period = ?").param(period).update();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into gc_grading (period, period_start, period_end, weights, computed_at, computed_by)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(period, java.sql.Date.valueOf(start), java.sql.Date.valueOf(end), weights.toString(),
            Timestamp.from(ClockUtil.getCurrentTime().toInstant()), actor)
        .update(key, "id");
    long id = key.getKey().longValue();
    for (Result r : results) {
      jdbc.sql("insert into gc_grading_result (grading_id, grid_code, leader_id, received, accepted, closed,"
              + " closed_on_time, reviewed, satisfied, acceptance_rate, completion_rate, on_time_rate,"
              + " satisfaction_rate, score, rank_in_district, grade) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(id, r.gridCode(), r.leaderId(), r.received(), r.accepted(), r.closed(), r.closedOnTime(),
              r.reviewed(), r.satisfied(), r.acceptanceRate(), r.completionRate(), r.onTimeRate(),
              r.satisfactionRate(), r.score(), r.rank(), r.grade())
          .update();
    }
  }

  private static double or(Double rate, Double fallback) {
    return rate != null ? rate : fallback != null ? fallback : 1.0;
  }

  private static Double decimal(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
    java.math.BigDecimal value = rs.getBigDecimal(column);
    return value == null ? null : value.doubleValue();
  }
}
