package org.gridcase.organization;

import java.util.List;

/** A parsed and validated organisation dataset; every record remembers its line for error messages. */
record Dataset(String version, List<UnitRecord> units, List<DepartmentRecord> departments, List<PersonRecord> people,
    List<BuildingRecord> buildings) {

  /** {@code area} is the grid's polygon, null when the dataset gives none. */
  record UnitRecord(int line, String code, String name, UnitLevel level, GridType gridType, String parentCode,
      GridArea area) {
  }

  /** A building of the registry (楼栋): its id is the {@code addressId} channels send. */
  record BuildingRecord(int line, String id, String name, String address, String gridCode) {
  }

  /** {@code serves} holds district, street, community or grid codes; each stands for the grids below it. */
  record DepartmentRecord(int line, String code, String name, String shortName, List<String> serves) {
  }

  record PersonRecord(int line, String id, String name, String phone, String email, List<RoleRecord> roles) {
  }

  record RoleRecord(int line, Role role, String unitCode, String backupPersonId) {
  }

  String districtCode() {
    return units.stream().filter(unit -> unit.level() == UnitLevel.DISTRICT).findFirst().orElseThrow().code();
  }
}
