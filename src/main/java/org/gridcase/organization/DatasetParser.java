package org.gridcase.organization;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridcase.organization.Dataset.DepartmentRecord;
import org.gridcase.organization.Dataset.PersonRecord;
import org.gridcase.organization.Dataset.RoleRecord;
import org.gridcase.organization.Dataset.UnitRecord;
import org.gridcase.organization.DatasetException.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the organisation dataset (format in README, "Organisation dataset") and checks it whole before
 * anything is written: every problem found is reported with its line and field.
 *
 * <p>It works on SnakeYAML's node tree rather than constructed objects, which keeps line numbers and
 * never instantiates types named in the file.
 */
class DatasetParser {

  private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
  private static final Pattern PERSON_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,30}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_NAME = 100;
  private static final int MAX_PROBLEMS = 50;

  private static final Set<String> ROOT_FIELDS = Set.of("version", "units", "departments", "people");
  private static final Set<String> UNIT_FIELDS = Set.of("code", "name", "level", "type", "parent");
  private static final Set<String> DEPARTMENT_FIELDS = Set.of("code", "name", "short", "grids");
  private static final Set<String> PERSON_FIELDS = Set.of("id", "name", "phone", "email", "roles");
  private static final Set<String> ROLE_FIELDS = Set.of("role", "unit", "backup");

  Dataset parse(String source, Reader content) {
    Problems problems = new Problems();
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(content);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new DatasetException(source, List.of(new Problem(line, null, "malformed YAML: " + e.getProblem())));
    } catch (YAMLException e) {
      throw new DatasetException(source, List.of(new Problem(0, null, "malformed YAML: " + e.getMessage())));
    }
    if (!(root instanceof MappingNode)) {
      throw new DatasetException(source,
          List.of(new Problem(root == null ? 0 : line(root), null, "expected a mapping with 'units' and 'people'")));
    }
    Fields top = new Fields((MappingNode) root, ROOT_FIELDS, problems);
    String version = top.text("version", false);

    List<UnitRecord> units = new ArrayList<>();
    for (Fields unit : top.records("units", true)) {
      units.add(unit(unit));
    }
    List<DepartmentRecord> departments = new ArrayList<>();
    for (Fields department : top.records("departments", false)) {
      departments.add(department(department));
    }
    List<PersonRecord> people = new ArrayList<>();
    for (Fields person : top.records("people", true)) {
      people.add(person(person));
    }

    Dataset dataset = new Dataset(version, units, departments, people);
    new Consistency(dataset, problems).check();
    if (!problems.isEmpty()) {
      throw new DatasetException(source, problems.list);
    }
    return dataset;
  }

  private UnitRecord unit(Fields fields) {
    String code = fields.code("code", UNIT_CODE);
    String name = fields.name("name");
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
    return new UnitRecord(fields.line, code, name, level, gridType, parent);
  }

  private DepartmentRecord department(Fields fields) {
    return new DepartmentRecord(fields.line, fields.code("code", UNIT_CODE), fields.name("name"),
        fields.text("short", false), fields.texts("grids"));
  }

  private PersonRecord person(Fields fields) {
    String id = fields.code("id", PERSON_ID);
    String name = fields.name("name");
    String phone = fields.text("phone", false);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      fields.problem("phone", "not a phone number (digits, spaces, dashes, optional leading +)");
    }
    String email = fields.text("email", false);
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      fields.problem("email", "not an e-mail address");
    }
    List<RoleRecord> roles = new ArrayList<>();
    for (Fields role : fields.records("roles", false)) {
      String key = role.text("role", true);
      Role parsed = key == null ? null : Role.ofKey(key).orElse(null);
      if (key != null && parsed == null) {
        role.problem("role", "unknown role '" + key + "'; known roles: " + Role.keys());
      }
      roles.add(new RoleRecord(role.line, parsed, role.text("unit", true), role.text("backup", false)));
    }
    return new PersonRecord(fields.line, id, name, phone, email, roles);
  }

  /** Cross-record rules: unique codes, existing parents of the right level, roles at existing units. */
  private record Consistency(Dataset dataset, Problems problems) {

    void check() {
      Map<String, UnitLevel> levels = new HashMap<>();
      int districts = 0;
      for (UnitRecord unit : dataset.units()) {
        if (unit.code() != null && levels.putIfAbsent(unit.code(), unit.level()) != null) {
          problems.add(unit.line(), "code", "duplicate unit code '" + unit.code() + "'");
        }
        if (unit.level() == UnitLevel.DISTRICT) {
          districts++;
        }
      }
      if (districts != 1 && !dataset.units().isEmpty()) {
        problems.add(0, "units", "expected exactly one unit of level district, found " + districts);
      }
      for (DepartmentRecord department : dataset.departments()) {
        if (department.code() != null && levels.putIfAbsent(department.code(), UnitLevel.DEPARTMENT) != null) {
          problems.add(department.line(), "code", "duplicate unit code '" + department.code() + "'");
        }
      }
      for (UnitRecord unit : dataset.units()) {
        if (unit.parentCode() == null || unit.level() == null) {
          continue;
        }
        UnitLevel parentLevel = levels.get(unit.parentCode());
        if (parentLevel == null) {
          problems.add(unit.line(), "parent", "unknown parent code '" + unit.parentCode() + "'");
        } else if (parentLevel != unit.level().parentLevel()) {
          problems.add(unit.line(), "parent", "a " + lower(unit.level()) + " belongs to a "
              + lower(unit.level().parentLevel()) + ", but '" + unit.parentCode() + "' is a " + lower(parentLevel));
        }
      }
      for (DepartmentRecord department : dataset.departments()) {
        for (String served : department.serves()) {
          UnitLevel level = levels.get(served);
          if (level == null || level == UnitLevel.DEPARTMENT) {
            problems.add(department.line(), "grids", "unknown district, street, community or grid code '" + served + "'");
          }
        }
      }
      Set<String> personIds = new HashSet<>();
      for (PersonRecord person : dataset.people()) {
        if (person.id() != null && !personIds.add(person.id())) {
          problems.add(person.line(), "id", "duplicate person id '" + person.id() + "'");
        }
      }
      for (PersonRecord person : dataset.people()) {
        Set<String> held = new HashSet<>();
        for (RoleRecord role : person.roles()) {
          checkRole(person, role, levels, personIds, held);
        }
      }
    }

    private void checkRole(PersonRecord person, RoleRecord role, Map<String, UnitLevel> levels,
        Set<String> personIds, Set<String> held) {
      if (role.unitCode() != null) {
        UnitLevel level = levels.get(role.unitCode());
        if (level == null) {
          problems.add(role.line(), "unit", "unknown unit code '" + role.unitCode() + "'");
        } else if (role.role() != null && !role.role().heldAt(level)) {
          problems.add(role.line(), "unit", "role '" + role.role().key() + "' cannot be held at a "
              + lower(level) + " ('" + role.unitCode() + "')");
        }
        if (role.role() != null && !held.add(role.role().key() + "@" + role.unitCode())) {
          problems.add(role.line(), "role", "'" + person.id() + "' holds '" + role.role().key() + "' at '"
              + role.unitCode() + "' twice");
        }
      }
      if (role.backupPersonId() != null) {
        if (role.backupPersonId().equals(person.id())) {
          problems.add(role.line(), "backup", "a person cannot be their own backup");
        } else if (!personIds.contains(role.backupPersonId())) {
          problems.add(role.line(), "backup", "unknown person id '" + role.backupPersonId() + "'");
        }
      }
    }

    private static String lower(UnitLevel level) {
      return level.name().toLowerCase(Locale.ROOT);
    }
  }

  private static final class Problems {
    private final List<Problem> list = new ArrayList<>();

    void add(int line, String field, String message) {
      if (list.size() < MAX_PROBLEMS) {
        list.add(new Problem(line, field, message));
      }
    }

    boolean isEmpty() {
      return list.isEmpty();
    }
  }

  /** The fields of one mapping, with unknown and duplicate keys reported. */
  private static final class Fields {
    private final int line;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Problems problems;

    Fields(MappingNode node, Set<String> allowed, Problems problems) {
      this.line = line(node);
      this.problems = problems;
      for (NodeTuple tuple : node.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          problems.add(line(tuple.getKeyNode()), null, "field names must be plain words");
          continue;
        }
        if (!allowed.contains(key.getValue())) {
          problems.add(line(key), key.getValue(), "unknown field; expected one of " + allowed.stream().sorted().toList());
        } else if (values.put(key.getValue(), tuple.getValueNode()) != null) {
          problems.add(line(key), key.getValue(), "field given twice");
        }
      }
    }

    void problem(String field, String message) {
      problems.add(lineOf(field), field, message);
    }

    private int lineOf(String field) {
      Node node = values.get(field);
      return node == null ? line : line(node);
    }

    String text(String field, boolean required) {
      Node node = values.get(field);
      if (node == null) {
        if (required) {
          problems.add(line, field, "required");
        }
        return null;
      }
      if (!(node instanceof ScalarNode scalar)) {
        problems.add(line(node), field, "expected a single value");
        return null;
      }
      String value = scalar.getValue().strip();
      if (value.isEmpty() && required) {
        problems.add(line(node), field, "required");
        return null;
      }
      return value.isEmpty() ? null : value;
    }

    String code(String field, Pattern pattern) {
      String value = text(field, true);
      if (value != null && !pattern.matcher(value).matches()) {
        problem(field, "'" + value + "' is not a valid code (letters, digits, '-'"
            + (pattern == PERSON_ID ? ", '.', '_'" : "") + "; at most " + (pattern == PERSON_ID ? 64 : 32) + ")");
        return null;
      }
      return value;
    }

    String name(String field) {
      String value = text(field, true);
      if (value != null && value.length() > MAX_NAME) {
        problem(field, "longer than " + MAX_NAME + " characters");
      }
      return value;
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
      String value = text(field, required);
      if (value == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        problem(field, "unknown " + field + " '" + value + "'; expected one of "
            + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        return null;
      }
    }

    List<String> texts(String field) {
      Node node = values.get(field);
      if (node == null) {
        return List.of();
      }
      if (!(node instanceof SequenceNode sequence)) {
        problems.add(line(node), field, "expected a list");
        return List.of();
      }
      List<String> texts = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
          texts.add(scalar.getValue().strip());
        } else {
          problems.add(line(item), field, "expected a list of codes");
        }
      }
      return texts;
    }

    List<Fields> records(String field, boolean required) {
      Node node = values.get(field);
      if (node == null) {
        if (required) {
          problems.add(line, field, "required");
        }
        return List.of();
      }
      if (!(node instanceof SequenceNode sequence)) {
        problems.add(line(node), field, "expected a list of records");
        return List.of();
      }
      Set<String> allowed = switch (field) {
        case "units" -> UNIT_FIELDS;
        case "departments" -> DEPARTMENT_FIELDS;
        case "people" -> PERSON_FIELDS;
        default -> ROLE_FIELDS;
      };
      List<Fields> records = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        if (item instanceof MappingNode mapping) {
          records.add(new Fields(mapping, allowed, problems));
        } else {
          problems.add(line(item), field, "expected a record such as {code: ..., name: ...}");
        }
      }
      return records;
    }
  }

  private static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }
}
