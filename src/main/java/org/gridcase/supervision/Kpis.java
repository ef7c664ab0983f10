package org.gridcase.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.UnitLevel;
import org.gridcase.organization.UnitView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KPIs from the case file: one grouped query per call over the period's requests (index on received_at),
 * joined to the unit tree, so a year of a district answers in one pass. Units without requests are listed
 * with zeros, so a drill-down shows every grid.
 */
@Service
@Transactional(readOnly = true)
class Kpis {

  private static final String COUNTS = """
      count(*) as received,
      sum(case when r.accepted_at is not null then 1 else 0 end) as accepted,
      sum(case when r.decline_reason is not null and r.decline_reason <> 'not-admitted' then 1 else 0 end)
        as declined,
      sum(case when r.status = 'CLOSED' then 1 else 0 end) as closed,
      sum(case when r.status = 'CLOSED' and r.handled_at <= r.due_at then 1 else 0 end) as closed_on_time,
      sum(case when r.status = 'CLOSED' and r.satisfaction in ('satisfied', 'basically-satisfied', 'unsatisfied')
        then 1 else 0 end) as reviewed,
      sum(case when r.status = 'CLOSED' and r.satisfaction in ('satisfied', 'basically-satisfied')
        then 1 else 0 end) as satisfied,
      avg(case when r.status = 'CLOSED' then r.handling_minutes end) as avg_minutes,
      percentile_cont(0.9) within group (order by case when r.status = 'CLOSED' then r.handling_minutes end)
        as p90_minutes,
      sum(case when r.closed_at is null then 1 else 0 end) as open_cases,
      sum(case when r.closed_at is null and r.due_at < :now then 1 else 0 end) as overdue,
      sum(r.reopen_count) as reopened,
      sum(r.escalation_count) as escalations
      """;

  private final JdbcClient jdbc;
  private final OrganizationDirectory organization;
  private final java.time.ZoneId zone;

  Kpis(JdbcClient jdbc, OrganizationDirectory organization, WorkingTime workingTime) {
    this.jdbc = jdbc;
    this.organization = organization;
    this.zone = workingTime.zone();
  }

  /**
   * KPIs of every unit of a level, for requests received from {@code from} to {@code to} inclusive (local
   * dates), optionally only the units under {@code parentCode}.
   */
  List<Kpi> of(Level level, LocalDate from, LocalDate to, String parentCode) {
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    if (level == Level.DEPARTMENT) {
      return departments(start, end);
    }
    String key = switch (level) {
      case GRID -> "r.grid_code";
      case COMMUNITY -> "g.parent_code";
      case STREET -> "c.parent_code";
      default -> "'" + organization.districtCode().replace("'", "") + "'";
    };
    String filter = parentFilter(parentCode);
    String sql = "select " + key + " as unit_code, " + COUNTS
        + " from gc_request r left join gc_unit g on g.code = r.grid_code left join gc_unit c on c.code = g.parent_code"
        + " where r.received_at >= :from and r.received_at < :to" + filter
        + (level == Level.DISTRICT ? "" : " and " + key + " is not null group by " + key);
    var query = jdbc.sql(sql).param("from", Timestamp.from(start)).param("to", Timestamp.from(end))
        .param("now", Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
    if (!filter.isEmpty()) {
      query = query.param("parent", parentCode);
    }
    Map<String, Kpi> found = new HashMap<>();
    query.query((rs, row) -> kpi(rs, level)).list().forEach(kpi -> found.put(kpi.unitCode(), kpi));
    List<Kpi> all = new ArrayList<>();
    for (UnitView unit : units(level, parentCode)) {
      Kpi kpi = found.get(unit.code());
      all.add(kpi == null ? empty(unit.code(), unit.name(), level) : named(kpi, unit.name()));
    }
    return all;
  }

  private String parentFilter(String parentCode) {
    if (parentCode == null || parentCode.isBlank()) {
      return "";
    }
    UnitView parent = organization.findUnit(parentCode)
        .orElseThrow(() -> new IllegalArgumentException("parent: unknown unit '" + parentCode + "'"));
    return switch (parent.level()) {
      case COMMUNITY -> " and g.parent_code = :parent";
      case STREET -> " and c.parent_code = :parent";
      case DISTRICT -> "";
      default -> throw new IllegalArgumentException("parent: '" + parentCode + "' is not a district, street or community");
    };
  }

  /** The units of a level under a parent (the whole district when none), in code order. */
  private List<UnitView> units(Level level, String parentCode) {
    UnitLevel wanted = UnitLevel.valueOf(level.name());
    String root = parentCode == null || parentCode.isBlank() ? organization.districtCode() : parentCode;
    return organization.subtree(root).stream().filter(unit -> unit.level() == wanted).toList();
  }

  /** Departments (包网部门): calls of the whistle (部门报到) in the period and how they answered. */
  private List<Kpi> departments(Instant start, Instant end) {
    Map<String, Kpi> found = new HashMap<>();
    jdbc.sql("select d.department_code as unit_code, count(*) as received, count(*) as accepted, 0 as declined,"
            + " sum(case when d.reported_at is not null then 1 else 0 end) as closed,"
            + " sum(case when r.status = 'CLOSED' and r.handled_at <= r.due_at then 1 else 0 end) as closed_on_time,"
            + " sum(case when r.satisfaction in ('satisfied', 'basically-satisfied', 'unsatisfied') then 1 else 0 end)"
            + "   as reviewed,"
            + " sum(case when r.satisfaction in ('satisfied', 'basically-satisfied') then 1 else 0 end) as satisfied,"
            + " null as avg_minutes, null as p90_minutes,"
            + " sum(case when d.reported_at is null then 1 else 0 end) as open_cases, 0 as overdue,"
            + " sum(r.reopen_count) as reopened, sum(r.escalation_count) as escalations"
            + " from gc_department_report d join gc_request r on r.id = d.request_id"
            + " where d.requested_at >= :from and d.requested_at < :to group by d.department_code")
        .param("from", Timestamp.from(start)).param("to", Timestamp.from(end))
        .query((rs, row) -> kpi(rs, Level.DEPARTMENT)).list().forEach(kpi -> found.put(kpi.unitCode(), kpi));
    List<Kpi> all = new ArrayList<>();
    for (UnitView department : organization.departments()) {
      Kpi kpi = found.get(department.code());
      all.add(kpi == null ? empty(department.code(), department.name(), Level.DEPARTMENT)
          : named(kpi, department.name()));
    }
    return all;
  }

  private static Kpi kpi(ResultSet rs, Level level) throws SQLException {
    long accepted = rs.getLong("accepted");
    long declined = rs.getLong("declined");
    long closed = rs.getLong("closed");
    long onTime = rs.getLong("closed_on_time");
    long reviewed = rs.getLong("reviewed");
    long satisfied = rs.getLong("satisfied");
    return new Kpi(rs.getString("unit_code"), null, level.key(), rs.getLong("received"), accepted, declined,
        rate(accepted, accepted + declined), closed, rate(closed, accepted), onTime, rate(onTime, closed), reviewed,
        satisfied, rate(satisfied, reviewed), hours(rs, "avg_minutes"), hours(rs, "p90_minutes"),
        rs.getLong("open_cases"), rs.getLong("overdue"), rs.getLong("reopened"), rs.getLong("escalations"));
  }

  private static Kpi empty(String code, String name, Level level) {
    return new Kpi(code, name, level.key(), 0, 0, 0, null, 0, null, 0, null, 0, 0, null, null, null, 0, 0, 0, 0);
  }

  private static Kpi named(Kpi k, String name) {
    return new Kpi(k.unitCode(), name, k.level(), k.received(), k.accepted(), k.declined(), k.acceptanceRate(),
        k.closed(), k.completionRate(), k.closedOnTime(), k.onTimeRate(), k.reviewed(), k.satisfied(),
        k.satisfactionRate(), k.avgHandlingHours(), k.p90HandlingHours(), k.open(), k.overdue(), k.reopened(),
        k.escalations());
  }

  /** Rounded to four places, so the same figures come out of H2 and PostgreSQL. */
  static Double rate(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
  }

  private static Double hours(ResultSet rs, String column) throws SQLException {
    double minutes = rs.getDouble(column);
    return rs.wasNull() ? null : Math.round(minutes / 60.0 * 100) / 100.0;
  }
}
