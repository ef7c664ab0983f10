package org.gridcase.organization;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridcase.common.DataFile;
import org.gridcase.common.DataFile.Fields;
import org.gridcase.organization.Dataset.BuildingRecord;
import org.gridcase.organization.Dataset.DepartmentRecord;
import org.gridcase.organization.Dataset.PersonRecord;
import org.gridcase.organization.Dataset.RoleRecord;
import org.gridcase.organization.Dataset.UnitRecord;

/**
 * Reads the organisation dataset (format in README, "The organisation") and checks it whole before
 * anything is written: every problem found is reported with its line and field.
 */
class DatasetParser {

  private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
  private static final String UNIT_CODE_RULE = "letters, digits and '-', at most 32";
  private static final Pattern PERSON_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");
  private static final String PERSON_ID_RULE = "letters, digits, '.', '_' and '-', at most 64";
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,30}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_NAME = 100;
  private static final int MAX_ADDRESS = 300;

  private static final Set<String> ROOT_FIELDS = Set.of("version", "units", "departments", "people", "buildings");
  private static final Set<String> UNIT_FIELDS = Set.of("code", "name", "level", "type", "parent", "area");
  private static final Set<String> BUILDING_FIELDS = Set.of("id", "name", "address", "grid");
  private static final Set<String> DEPARTMENT_FIELDS = Set.of("code", "name", "short", "grids");
  private static final Set<String> PERSON_FIELDS = Set.of("id", "name", "phone", "email", "roles");
  private static final Set<String> ROLE_FIELDS = Set.of("role", "unit", "backup");

  Dataset parse(String source, Reader content) {
    Fields top = DataFile.read("organisation dataset " + source, content, ROOT_FIELDS);
    String version = top.text("version", false);

    List<UnitRecord> units = new ArrayList<>();
    for (Fields unit : top.records("units", UNIT_FIELDS, true)) {
      units.add(unit(unit));
    }
    List<DepartmentRecord> departments = new ArrayList<>();
    for (Fields department : top.records("departments", DEPARTMENT_FIELDS, false)) {
      departments.add(new DepartmentRecord(department.line(), department.code("code", UNIT_CODE, UNIT_CODE_RULE),
          department.name("name", MAX_NAME), department.text("short", false), department.texts("grids")));
    }
    List<PersonRecord> people = new ArrayList<>();
    for (Fields person : top.records("people", PERSON_FIELDS, true)) {
      people.add(person(person));
    }

    List<BuildingRecord> buildings = new ArrayList<>();
    for (Fields building : top.records("buildings", BUILDING_FIELDS, false)) {
      buildings.add(new BuildingRecord(building.line(), building.code("id", PERSON_ID, PERSON_ID_RULE),
          building.name("name", MAX_NAME), address(building), building.text("grid", true)));
    }

    Dataset dataset = new Dataset(version, units, departments, people, buildings);
    new Consistency(dataset, top).check();
    top.throwIfInvalid();
    return dataset;
  }

  private UnitRecord unit(Fields fields) {
    String code = fields.code("code", UNIT_CODE, UNIT_CODE_RULE);
    String name = fields.name("name", MAX_NAME);
    UnitLevel level = fields.enumValue("level", UnitLevel.class, true);
    if (level == UnitLevel.DEPARTMENT) {
      fields.problem("level", "departments belong under 'departments', not 'units'");
    }
    GridType gridType = fields.enumValue("type", GridType.class, level == UnitLevel.GRID);
    if (gridType != null && level != null && level != UnitLevel.GRID) {
      fields.problem("type", "only grids have a type");
    }
    String parent = fields.text("parent", level != null && level != UnitLevel.DISTRICT);
    if (parent != null && level == UnitLevel.DISTRICT) {
      fields.problem("parent", "the district has no parent");
    }
    return new UnitRecord(fields.line(), code, name, level, gridType, parent, area(fields, level));
  }

  /** The optional polygon of a grid: [longitude, latitude] corners in WGS 84. */
  private static GridArea area(Fields fields, UnitLevel level) {
    if (!fields.has("area")) {
      return null;
    }
    if (level != null && level != UnitLevel.GRID) {
      fields.problem("area", "only grids have an area");
      return null;
    }
    List<double[]> corners = fields.numberPairs("area");
    boolean valid = true;
    for (double[] corner : corners) {
      if (corner[0] < -180 || corner[0] > 180) {
        fields.problem("area", "longitude " + corner[0] + " out of range -180..180 (corners are [lon, lat])");
        valid = false;
      }
      if (corner[1] < -90 || corner[1] > 90) {
        fields.problem("area", "latitude " + corner[1] + " out of range -90..90 (corners are [lon, lat])");
        valid = false;
      }
    }
    long distinct = corners.stream().map(corner -> corner[0] + " " + corner[1]).distinct().count();
    if (distinct < 3) {
      fields.problem("area", "a polygon needs at least 3 distinct corners, found " + distinct);
      valid = false;
    }
    return valid ? new GridArea(corners) : null;
  }

  private static String address(Fields fields) {
    String address = fields.text("address", false);
    if (address != null && address.length() > MAX_ADDRESS) {
      fields.problem("address", "longer than " + MAX_ADDRESS + " characters");
    }
    return address;
  }

  private PersonRecord person(Fields fields) {
    String id = fields.code("id", PERSON_ID, PERSON_ID_RULE);
    String name = fields.name("name", MAX_NAME);
    String phone = fields.text("phone", false);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      fields.problem("phone", "not a phone number (digits, spaces, dashes, optional leading +)");
    }
    String email = fields.text("email", false);
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      fields.problem("email", "not an e-mail address");
    }
    List<RoleRecord> roles = new ArrayList<>();
    for (Fields role : fields.records("roles", ROLE_FIELDS, false)) {
      String key = role.text("role", true);
      Role parsed = key == null ? null : Role.ofKey(key).orElse(null);
      if (key != null && parsed == null) {
        role.problem("role", "unknown role '" + key + "'; known roles: " + Role.keys());
      }
      roles.add(new RoleRecord(role.line(), parsed, role.text("unit", true), role.text("backup", false)));
    }
    return new PersonRecord(fields.line(), id, name, phone, email, roles);
  }

  /** Cross-record rules: unique codes, existing parents of the right level, roles at existing units. */
  private record Consistency(Dataset dataset, Fields problems) {

    void check() {
      Map<String, UnitLevel> levels = new HashMap<>();
      int districts = 0;
      for (UnitRecord unit : dataset.units()) {
        if (unit.code() != null && levels.putIfAbsent(unit.code(), unit.level()) != null) {
          problems.problem(unit.line(), "code", "duplicate unit code '" + unit.code() + "'");
        }
        if (unit.level() == UnitLevel.DISTRICT) {
          districts++;
        }
      }
      if (districts != 1 && !dataset.units().isEmpty()) {
        problems.problem(0, "units", "expected exactly one unit of level district, found " + districts);
      }
      for (DepartmentRecord department : dataset.departments()) {
        if (department.code() != null && levels.putIfAbsent(department.code(), UnitLevel.DEPARTMENT) != null) {
          problems.problem(department.line(), "code", "duplicate unit code '" + department.code() + "'");
        }
      }
      for (UnitRecord unit : dataset.units()) {
        if (unit.parentCode() == null || unit.level() == null) {
          continue;
        }
        UnitLevel parentLevel = levels.get(unit.parentCode());
        if (parentLevel == null) {
          problems.problem(unit.line(), "parent", "unknown parent code '" + unit.parentCode() + "'");
        } else if (parentLevel != unit.level().parentLevel()) {
          problems.problem(unit.line(), "parent", "a " + lower(unit.level()) + " belongs to a "
              + lower(unit.level().parentLevel()) + ", but '" + unit.parentCode() + "' is a " + lower(parentLevel));
        }
      }
      for (DepartmentRecord department : dataset.departments()) {
        for (String served : department.serves()) {
          UnitLevel level = levels.get(served);
          if (level == null || level == UnitLevel.DEPARTMENT) {
            problems.problem(department.line(), "grids",
                "unknown district, street, community or grid code '" + served + "'");
          }
        }
      }
      Set<String> personIds = new HashSet<>();
      for (PersonRecord person : dataset.people()) {
        if (person.id() != null && !personIds.add(person.id())) {
          problems.problem(person.line(), "id", "duplicate person id '" + person.id() + "'");
        }
      }
      for (PersonRecord person : dataset.people()) {
        Set<String> held = new HashSet<>();
        for (RoleRecord role : person.roles()) {
          checkRole(person, role, levels, personIds, held);
        }
      }
      Set<String> buildingIds = new HashSet<>();
      for (BuildingRecord building : dataset.buildings()) {
        if (building.id() != null && !buildingIds.add(building.id())) {
          problems.problem(building.line(), "id", "duplicate building id '" + building.id() + "'");
        }
        UnitLevel level = building.gridCode() == null ? UnitLevel.GRID : levels.get(building.gridCode());
        if (level == null) {
          problems.problem(building.line(), "grid", "unknown grid code '" + building.gridCode() + "'");
        } else if (level != UnitLevel.GRID) {
          problems.problem(building.line(), "grid", "'" + building.gridCode() + "' is a " + lower(level)
              + ", not a grid");
        }
      }
    }

    private void checkRole(PersonRecord person, RoleRecord role, Map<String, UnitLevel> levels,
        Set<String> personIds, Set<String> held) {
      if (role.unitCode() != null) {
        UnitLevel level = levels.get(role.unitCode());
        if (level == null) {
          problems.problem(role.line(), "unit", "unknown unit code '" + role.unitCode() + "'");
        } else if (role.role() != null && !role.role().heldAt(level)) {
          problems.problem(role.line(), "unit", "role '" + role.role().key() + "' cannot be held at a "
              + lower(level) + " ('" + role.unitCode() + "')");
        }
        if (role.role() != null && !held.add(role.role().key() + "@" + role.unitCode())) {
          problems.problem(role.line(), "role", "'" + person.id() + "' holds '" + role.role().key() + "' at '"
              + role.unitCode() + "' twice");
        }
      }
      if (role.backupPersonId() != null) {
        if (role.backupPersonId().equals(person.id())) {
          problems.problem(role.line(), "backup", "a person cannot be their own backup");
        } else if (!personIds.contains(role.backupPersonId())) {
          problems.problem(role.line(), "backup", "unknown person id '" + role.backupPersonId() + "'");
        }
      }
    }

    private static String lower(UnitLevel level) {
      return level.name().toLowerCase(Locale.ROOT);
    }
  }
}
