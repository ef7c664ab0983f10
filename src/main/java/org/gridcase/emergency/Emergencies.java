package org.gridcase.emergency;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.common.UserText;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.gridcase.intake.InvalidRequestException;
import org.gridcase.notification.Notice;
import org.gridcase.notification.Notifications;
import org.gridcase.organization.CandidateGroups;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.Role;
import org.gridcase.organization.UnitLevel;
import org.gridcase.organization.UnitView;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency declarations (gc_emergency) and the mode of an area. A declaration or a lift is one
 * transaction: the record, the notices to the area's leaders and the start of the switch of its open cases.
 */
@Service
@Transactional
class Emergencies {

  private static final int MAX_REASON = 500;
  /** The leaders told when their area changes mode: the "1", the "2" and the street above them. */
  private static final List<Role> LEADERS = List.of(Role.STREET_PARTY_SECRETARY, Role.DISTRICT_LIAISON_LEADER,
      Role.COMMUNITY_PARTY_SECRETARY, Role.GRID_LEADER);

  private final JdbcClient jdbc;
  private final WorkingTime workingTime;
  private final OrganizationDirectory organization;
  private final Notifications notifications;
  private final SystemAccess system;
  private final RuntimeService runtime;
  /** Intake shares the lock with other intakes; PostgreSQL has a shared row lock, H2 only an exclusive one. */
  private final String sharedLock;

  Emergencies(JdbcClient jdbc, DataSource dataSource, OrganizationDirectory organization,
      Notifications notifications, SystemAccess system, @Lazy RuntimeService runtime, WorkingTime workingTime)
      throws MetaDataAccessException {
    this.jdbc = jdbc;
    this.workingTime = workingTime;
    this.organization = organization;
    this.notifications = notifications;
    this.system = system;
    this.runtime = runtime;
    String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.sharedLock = "PostgreSQL".equalsIgnoreCase(database) ? "for share" : "for update";
  }

  Emergency declare(String areaCode, String reason, String actor) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    UnitView area = areaCode == null || UserText.hasControlCharacters(areaCode) ? null
        : organization.findUnit(areaCode.strip()).orElse(null);
    if (area == null || !area.active()) {
      errors.add(new InvalidRequestException.FieldError("areaCode", "未知区域 (unknown area)"));
    } else if (area.level() == UnitLevel.GRID || area.level() == UnitLevel.DEPARTMENT) {
      errors.add(new InvalidRequestException.FieldError("areaCode",
          "应急状态按区、街道或社区启动 (an emergency covers a district, street or community)"));
    }
    String why = reason(reason, "reason", errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    lockExclusively();
    if (active().stream().anyMatch(e -> e.areaCode().equals(area.code()))) {
      throw new InvalidRequestException("areaCode", "该区域已处于应急状态 (already in emergency mode)");
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into gc_emergency (area_code, reason, declared_by, declared_at) values (?, ?, ?, ?)")
        .params(area.code(), why, actor, Timestamp.from(now())).update(key, "id");
    long id = key.getKey().longValue();
    String switchId = startSwitch(area.code(), id);
    jdbc.sql("update gc_emergency set switch_process_instance_id = ? where id = ?").params(switchId, id).update();
    tellLeaders("emergency:" + id, area, Notice.EMERGENCY_DECLARED, Map.of("areaName", area.name(),
        "from", workingTime.display(now()), "reason", why));
    return find(id).orElseThrow();
  }

  Emergency lift(long id, String reason, String actor) {
    List<InvalidRequestException.FieldError> errors = new ArrayList<>();
    String why = reason(reason, "reason", errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    lockExclusively();
    Emergency emergency = find(id).orElseThrow(() -> new NoSuchEmergencyException(id));
    if (!emergency.active()) {
      throw new InvalidRequestException("id", "该应急状态已解除 (already lifted)");
    }
    jdbc.sql("update gc_emergency set lifted_by = ?, lifted_at = ?, lift_reason = ? where id = ?")
        .params(actor, Timestamp.from(now()), why, id).update();
    String switchId = startSwitch(emergency.areaCode(), id);
    jdbc.sql("update gc_emergency set lift_process_instance_id = ? where id = ?").params(switchId, id).update();
    UnitView area = organization.findUnit(emergency.areaCode()).orElseThrow();
    tellLeaders("emergency-lifted:" + id, area, Notice.EMERGENCY_LIFTED, Map.of("areaName", area.name(),
        "until", workingTime.display(now()), "reason", why));
    return find(id).orElseThrow();
  }

  @Transactional(readOnly = true)
  List<Emergency> list(Boolean active) {
    String where = active == null ? "" : active ? " where lifted_at is null" : " where lifted_at is not null";
    return jdbc.sql("select * from gc_emergency" + where + " order by id desc").query(this::emergency).list();
  }

  @Transactional(readOnly = true)
  List<Emergency> active() {
    return list(true);
  }

  @Transactional(readOnly = true)
  Optional<Emergency> find(long id) {
    return jdbc.sql("select * from gc_emergency where id = ?").param(id).query(this::emergency).optional();
  }

  /**
   * The mode a new case of this grid starts in, taking intake's share of the lock first: a declaration
   * committing meanwhile waits, so its switch cannot miss this case.
   */
  String modeForNewCase(String gridCode, String districtCode) {
    jdbc.sql("select id from gc_emergency_lock where id = 1 " + sharedLock).query(Integer.class).single();
    return modeOf(gridCode, districtCode);
  }

  /** Emergency when the grid, or the district for a case without one, lies in an area under emergency. */
  @Transactional(readOnly = true)
  String modeOf(String gridCode, String districtCode) {
    Set<String> areas = new LinkedHashSet<>();
    areas.add(districtCode);
    String code = gridCode;
    while (code != null) {
      areas.add(code);
      code = organization.findUnit(code).map(UnitView::parentCode).orElse(null);
    }
    Integer found = jdbc.sql("select count(*) from gc_emergency where lifted_at is null and area_code in (:areas)")
        .param("areas", areas).query(Integer.class).single();
    return found > 0 ? Values.MODE_EMERGENCY : Values.MODE_NORMAL;
  }

  /**
   * {@link #modeOf} for many grids at once (a page of a mode switch): the emergencies in force are read once and
   * each one's area expanded, where asking grid by grid walks each grid's ancestors.
   */
  @Transactional(readOnly = true)
  Map<String, String> modesOf(Collection<String> gridCodes, String districtCode) {
    Set<String> underEmergency = new HashSet<>();
    for (String area : jdbc.sql("select distinct area_code from gc_emergency where lifted_at is null")
        .query(String.class).list()) {
      underEmergency.add(area);
      if (organization.findUnit(area).isPresent()) {
        organization.subtree(area).forEach(unit -> underEmergency.add(unit.code()));
      }
    }
    boolean district = underEmergency.contains(districtCode);
    Map<String, String> modes = new HashMap<>();
    for (String grid : gridCodes) {
      modes.put(grid, district || underEmergency.contains(grid) ? Values.MODE_EMERGENCY : Values.MODE_NORMAL);
    }
    return modes;
  }

  /** The grids of an area; null for the whole district. */
  @Transactional(readOnly = true)
  List<String> gridsOf(String areaCode) {
    UnitView area = organization.findUnit(areaCode).orElseThrow();
    if (area.level() == UnitLevel.DISTRICT) {
      return null;
    }
    return organization.subtree(area.code()).stream().filter(unit -> unit.level() == UnitLevel.GRID)
        .map(UnitView::code).toList();
  }

  private void lockExclusively() {
    jdbc.sql("select id from gc_emergency_lock where id = 1 for update").query(Integer.class).single();
  }

  private String startSwitch(String areaCode, long emergencyId) {
    VariableMap variables = Variables.createVariables();
    AreaModeSwitchProcess.Variables.AREA_CODE.putIn(variables, areaCode);
    AreaModeSwitchProcess.Variables.EMERGENCY_ID.putIn(variables, emergencyId);
    // The declaring leader may not start processes; the switch is the system's work.
    return system.call(() -> runtime.startProcessInstanceByKey(AreaModeSwitchProcess.KEY,
        "emergency-" + emergencyId, variables).getId());
  }

  private void tellLeaders(String eventKey, UnitView area, Notice notice, Map<String, String> values) {
    List<String> groups = new ArrayList<>();
    for (UnitView unit : organization.subtree(area.code())) {
      for (Role role : LEADERS) {
        if (role.heldAt(unit.level())) {
          groups.add(CandidateGroups.of(unit.code(), role));
        }
      }
    }
    for (String person : system.membersOf(groups)) {
      notifications.notify(eventKey, person, notice, values);
    }
  }

  private static String reason(String text, String field, List<InvalidRequestException.FieldError> errors) {
    String plain;
    try {
      plain = UserText.accept(field, text);
    } catch (UserText.InvalidTextException e) {
      errors.add(new InvalidRequestException.FieldError(field, e.getMessage()));
      return null;
    }
    if (plain == null) {
      errors.add(new InvalidRequestException.FieldError(field, "请说明原因 (a reason is required)"));
    } else if (plain.length() > MAX_REASON) {
      errors.add(new InvalidRequestException.FieldError(field, "原因不超过 " + MAX_REASON + " 字"));
    }
    return plain;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private Emergency emergency(ResultSet rs, int row) throws SQLException {
    String area = rs.getString("area_code");
    return new Emergency(rs.getLong("id"), area, organization.findUnit(area).map(UnitView::name).orElse(area),
        rs.getString("reason"), rs.getString("declared_by"), instant(rs, "declared_at"),
        rs.getString("lifted_by"), instant(rs, "lifted_at"), rs.getString("lift_reason"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  static class NoSuchEmergencyException extends RuntimeException {
    NoSuchEmergencyException(long id) {
      super("emergency " + id + " does not exist");
    }
  }
}
