package org.gridcase.organization;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The gc_unit, gc_person, gc_role_assignment, gc_department_grid, gc_building and gc_grid_area tables. */
@Repository
class OrganizationRepository {

  private static final RowMapper<UnitView> UNIT = (rs, row) -> new UnitView(rs.getString("code"),
      rs.getString("name"), UnitLevel.valueOf(rs.getString("level")),
      rs.getString("grid_type") == null ? null : GridType.valueOf(rs.getString("grid_type")),
      rs.getString("parent_code"), rs.getBoolean("active"));

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  OrganizationRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** A unit row to write; parents are written before children by the caller's ordering. */
  record UnitRow(String code, String name, UnitLevel level, GridType gridType, String parentCode) {
  }

  record PersonRow(String id, String name, String phone, String email) {
  }

  record RoleRow(String personId, Role role, String unitCode, String backupPersonId) {
  }

  Optional<UnitView> findUnit(String code) {
    return jdbc.sql("select * from gc_unit where code = ?").param(code).query(UNIT).optional();
  }

  List<UnitView> findAllUnits() {
    return jdbc.sql("select * from gc_unit").query(UNIT).list();
  }

  List<UnitView> findChildren(String parentCode) {
    return jdbc.sql("select * from gc_unit where parent_code = ? and active = true order by code")
        .param(parentCode).query(UNIT).list();
  }

  Optional<String> findDistrictCode() {
    return jdbc.sql("select code from gc_unit where level = 'DISTRICT' and active = true").query(String.class)
        .optional();
  }

  List<UnitView> findActiveUnits(UnitLevel level) {
    return jdbc.sql("select * from gc_unit where level = ? and active = true order by code").param(level.name())
        .query(UNIT).list();
  }

  List<UnitView> findActiveUnits() {
    return jdbc.sql("select * from gc_unit where active = true order by code").query(UNIT).list();
  }

  /** Inserts new units and updates existing ones; units left out are marked inactive, never deleted. */
  void replaceUnits(List<UnitRow> units, Instant now) {
    Set<String> existing = new HashSet<>(jdbc.sql("select code from gc_unit").query(String.class).list());
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    for (UnitRow unit : units) {
      String gridType = unit.gridType() == null ? null : unit.gridType().name();
      if (existing.contains(unit.code())) {
        updates.add(new Object[] {unit.name(), unit.level().name(), gridType, unit.parentCode(), ts(now), unit.code()});
      } else {
        inserts.add(new Object[] {unit.code(), unit.name(), unit.level().name(), gridType, unit.parentCode(), ts(now)});
      }
    }
    template.batchUpdate("insert into gc_unit (code, name, level, grid_type, parent_code, active, updated_at)"
        + " values (?, ?, ?, ?, ?, true, ?)", inserts);
    template.batchUpdate("update gc_unit set name = ?, level = ?, grid_type = ?, parent_code = ?, active = true,"
        + " updated_at = ? where code = ?", updates);
    Set<String> kept = new HashSet<>();
    units.forEach(unit -> kept.add(unit.code()));
    List<Object[]> retired = existing.stream().filter(code -> !kept.contains(code))
        .map(code -> new Object[] {ts(now), code}).toList();
    template.batchUpdate("update gc_unit set active = false, updated_at = ? where code = ? and active = true", retired);
  }

  void replaceDepartmentGrids(List<String[]> departmentAndGrid) {
    template.update("delete from gc_department_grid");
    template.batchUpdate("insert into gc_department_grid (department_code, grid_code) values (?, ?)",
        departmentAndGrid.stream().map(pair -> (Object[]) pair).toList());
  }

  /** Same rule as units: people left out become inactive and lose their roles. */
  void replacePeople(List<PersonRow> people, List<RoleRow> roles, Instant now) {
    Set<String> existing = new HashSet<>(jdbc.sql("select id from gc_person").query(String.class).list());
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    for (PersonRow person : people) {
      kept.add(person.id());
      if (existing.contains(person.id())) {
        updates.add(new Object[] {person.name(), person.phone(), person.email(), ts(now), person.id()});
      } else {
        inserts.add(new Object[] {person.id(), person.name(), person.phone(), person.email(), ts(now)});
      }
    }
    template.update("delete from gc_role_assignment");
    template.batchUpdate("insert into gc_person (id, name, phone, email, active, updated_at)"
        + " values (?, ?, ?, ?, true, ?)", inserts);
    template.batchUpdate("update gc_person set name = ?, phone = ?, email = ?, active = true, updated_at = ?"
        + " where id = ?", updates);
    List<Object[]> leavers = existing.stream().filter(id -> !kept.contains(id))
        .map(id -> new Object[] {ts(now), id}).toList();
    template.batchUpdate("update gc_person set active = false, updated_at = ? where id = ? and active = true", leavers);
    template.batchUpdate("insert into gc_role_assignment (person_id, role, unit_code, backup_person_id)"
        + " values (?, ?, ?, ?)", roles.stream()
        .map(role -> new Object[] {role.personId(), role.role().key(), role.unitCode(), role.backupPersonId()})
        .toList());
  }

  /** Every person ever imported, with whether they are still active. */
  List<PersonState> findPeople() {
    return jdbc.sql("select id, name, email, active from gc_person")
        .query((rs, row) -> new PersonState(rs.getString("id"), rs.getString("name"), rs.getString("email"),
            rs.getBoolean("active")))
        .list();
  }

  record PersonState(String id, String name, String email, boolean active) {
  }

  List<RoleRow> findRoleAssignments() {
    return jdbc.sql("select person_id, role, unit_code, backup_person_id from gc_role_assignment")
        .query((rs, row) -> new RoleRow(rs.getString("person_id"), Role.ofKey(rs.getString("role")).orElseThrow(),
            rs.getString("unit_code"), rs.getString("backup_person_id")))
        .list();
  }

  /** The backup (AB角) named on one role assignment, if any. */
  Optional<String> findBackup(String personId, Role role, String unitCode) {
    return jdbc.sql("select backup_person_id from gc_role_assignment where person_id = ? and role = ? and unit_code = ?"
            + " and backup_person_id is not null")
        .params(personId, role.key(), unitCode).query(String.class).optional();
  }

  /** The backup of a person's first role assignment (by unit code, then role) that names one. */
  Optional<String> findFirstBackup(String personId) {
    return jdbc.sql("select backup_person_id from gc_role_assignment where person_id = ? and backup_person_id is not null"
            + " order by unit_code, role fetch first 1 rows only")
        .param(personId).query(String.class).optional();
  }

  /** Roles held by the backups of the holders of a role at a unit, ordered by unit code and role. */
  List<RoleRow> findRolesOfBackups(Role role, String unitCode) {
    return jdbc.sql("select distinct b.person_id, b.role, b.unit_code from gc_role_assignment h"
            + " join gc_role_assignment b on b.person_id = h.backup_person_id"
            + " where h.role = ? and h.unit_code = ? order by b.unit_code, b.role, b.person_id")
        .params(role.key(), unitCode)
        .query((rs, row) -> new RoleRow(rs.getString("person_id"), Role.ofKey(rs.getString("role")).orElseThrow(),
            rs.getString("unit_code"), null))
        .list();
  }

  record BuildingRow(String id, String name, String address, String gridCode) {
  }

  /** Buildings and grid polygons are plain reference data: each import replaces them all. */
  void replaceLocations(List<BuildingRow> buildings, java.util.Map<String, GridArea> areas) {
    template.update("delete from gc_building");
    template.update("delete from gc_grid_area");
    template.batchUpdate("insert into gc_building (id, name, address, grid_code) values (?, ?, ?, ?)",
        buildings.stream().map(b -> new Object[] {b.id(), b.name(), b.address(), b.gridCode()}).toList());
    template.batchUpdate("insert into gc_grid_area (grid_code, polygon, min_latitude, max_latitude, min_longitude,"
            + " max_longitude) values (?, ?, ?, ?, ?, ?)",
        areas.entrySet().stream().map(area -> new Object[] {area.getKey(), area.getValue().toWkt(),
            area.getValue().minLatitude(), area.getValue().maxLatitude(), area.getValue().minLongitude(),
            area.getValue().maxLongitude()}).toList());
  }

  /** The active grid a building of the registry belongs to. */
  Optional<String> findGridOfBuilding(String buildingId) {
    return jdbc.sql("select b.grid_code from gc_building b join gc_unit u on u.code = b.grid_code"
            + " where b.id = ? and u.active = true")
        .param(buildingId).query(String.class).optional();
  }

  /** An active grid's polygon, as candidate for a point. */
  record AreaRow(String gridCode, GridArea area) {
  }

  /** Active grids whose bounding box holds the point, by grid code. */
  List<AreaRow> findAreasAround(double latitude, double longitude) {
    return jdbc.sql("select a.grid_code, a.polygon from gc_grid_area a join gc_unit u on u.code = a.grid_code"
            + " where u.active = true and a.min_latitude <= ? and a.max_latitude >= ?"
            + " and a.min_longitude <= ? and a.max_longitude >= ? order by a.grid_code")
        .params(latitude, latitude, longitude, longitude)
        .query((rs, row) -> new AreaRow(rs.getString(1), GridArea.fromWkt(rs.getString(2))))
        .list();
  }

  /** Every active grid with a polygon, by grid code, with its community and street. */
  List<GridOutline> findOutlines() {
    return jdbc.sql("select a.grid_code, g.name, g.parent_code, c.parent_code as street_code, a.polygon"
            + " from gc_grid_area a join gc_unit g on g.code = a.grid_code left join gc_unit c on c.code = g.parent_code"
            + " where g.active = true order by a.grid_code")
        .query((rs, row) -> new GridOutline(rs.getString("grid_code"), rs.getString("name"),
            rs.getString("parent_code"), rs.getString("street_code"), GridArea.fromWkt(rs.getString("polygon")).corners()))
        .list();
  }

  /** Names of the active people holding a role at a unit, by name. */
  List<String> findHolderNames(Role role, String unitCode) {
    return jdbc.sql("select p.name from gc_role_assignment a join gc_person p on p.id = a.person_id"
            + " where a.role = ? and a.unit_code = ? and p.active = true order by p.name")
        .params(role.key(), unitCode).query(String.class).list();
  }

  /** The id of the last import, 0 before the first. */
  long lastImportId() {
    return jdbc.sql("select coalesce(max(id), 0) from gc_organization_import").query(Long.class).single();
  }

  Optional<String> lastImportChecksum() {
    return jdbc.sql("select checksum from gc_organization_import order by id desc fetch first 1 rows only")
        .query(String.class).optional();
  }

  void recordImport(String version, String source, String checksum, String importedBy, Instant now,
      int units, int people) {
    jdbc.sql("insert into gc_organization_import (version, source, checksum, imported_by, imported_at, units, people)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(version, source, checksum, importedBy, ts(now), units, people)
        .update();
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
