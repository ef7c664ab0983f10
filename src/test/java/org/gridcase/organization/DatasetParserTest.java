package org.gridcase.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.gridcase.common.DataFileException;
import org.gridcase.common.DataFileException.Problem;
import org.junit.jupiter.api.Test;

class DatasetParserTest {

  private static final String HEADER = """
      version: "t1"
      units:
        - {code: DC, name: 大川区, level: district}
        - {code: DC-01, name: 东城街道, level: street, parent: DC}
        - {code: DC-01-01, name: 朝阳社区, level: community, parent: DC-01}
        - {code: DC-01-01-001, name: 朝阳社区第1网格, level: grid, type: urban, parent: DC-01-01}
      """;

  private final DatasetParser parser = new DatasetParser();

  @Test
  void readsTheDemoDistrict() throws Exception {
    try (var in = getClass().getResourceAsStream("/organization/demo-district.yml")) {
      Dataset dataset = parser.parse("demo", new InputStreamReader(in, StandardCharsets.UTF_8));
      assertThat(dataset.units()).filteredOn(unit -> unit.level() == UnitLevel.STREET).hasSize(4);
      assertThat(dataset.units()).filteredOn(unit -> unit.level() == UnitLevel.COMMUNITY).hasSize(28);
      assertThat(dataset.units()).filteredOn(unit -> unit.level() == UnitLevel.GRID).hasSize(287)
          .extracting(Dataset.UnitRecord::gridType).contains(GridType.URBAN, GridType.RURAL, GridType.DEDICATED);
      assertThat(dataset.departments()).hasSize(12);
      assertThat(dataset.people()).flatExtracting(Dataset.PersonRecord::roles)
          .filteredOn(role -> role.role() == Role.GRID_LEADER).hasSize(287);
      assertThat(dataset.units()).filteredOn(unit -> unit.level() == UnitLevel.GRID)
          .allSatisfy(grid -> assertThat(grid.area()).as(grid.code()).isNotNull());
      assertThat(dataset.buildings()).hasSize(287 * 3).first()
          .isEqualTo(new Dataset.BuildingRecord(dataset.buildings().get(0).line(), "B-01-01-001-01", "朝阳社区1区1栋",
              "大川区东城街道朝阳路11号", "DC-01-01-001"));
    }
  }

  @Test
  void readsBuildingsAndAGridArea() {
    Dataset dataset = parse(HEADER.replace("parent: DC-01-01}",
        "parent: DC-01-01, area: [[107.5, 31.2], [107.504, 31.2], [107.504, 31.203], [107.5, 31.2]]}") + """
        people: []
        buildings:
          - {id: B-01-01-001-01, name: 朝阳社区1区1栋, address: 大川区东城街道朝阳路11号, grid: DC-01-01-001}
        """);
    GridArea area = dataset.units().get(3).area();
    assertThat(area.toWkt()).as("the closing corner is dropped and written back once")
        .isEqualTo("POLYGON((107.5 31.2, 107.504 31.2, 107.504 31.203, 107.5 31.2))");
    assertThat(dataset.buildings()).extracting(Dataset.BuildingRecord::gridCode).containsExactly("DC-01-01-001");
  }

  @Test
  void buildingsOfUnknownGridsAndDuplicateIdsAreRejected() {
    DataFileException e = parseFails(HEADER + """
        people: []
        buildings:
          - {id: B-1, name: 1栋, grid: DC-01-01-404}
          - {id: B-2, name: 2栋, grid: DC-01-01}
          - {id: B-1, name: 3栋, grid: DC-01-01-001}
          - {id: B-4, grid: DC-01-01-001}
        """);
    assertThat(e.problems()).containsExactlyInAnyOrder(
        new Problem(9, "grid", "unknown grid code 'DC-01-01-404'"),
        new Problem(10, "grid", "'DC-01-01' is a community, not a grid"),
        new Problem(11, "id", "duplicate building id 'B-1'"),
        new Problem(12, "name", "required"));
  }

  @Test
  void badPolygonsNameLineAndField() {
    DataFileException e = parseFails(HEADER + """
          - {code: DC-01-01-002, name: 第2网格, level: grid, type: urban, parent: DC-01-01, area: [[107.5, 31.2], [107.6, 31.2]]}
          - {code: DC-01-01-003, name: 第3网格, level: grid, type: urban, parent: DC-01-01, area: [[107.5, 31.2], [abc, 31.3], [107.6, 31.3], [107.6, 31.2]]}
          - {code: DC-01-01-004, name: 第4网格, level: grid, type: urban, parent: DC-01-01, area: [[107.5, 95], [190, 31.3], [107.6, 31.3]]}
          - {code: DC-01-01-005, name: 第5网格, level: grid, type: urban, parent: DC-01-01, area: [107.5, 31.2]}
          - {code: DC-01-02, name: 第2社区, level: community, parent: DC-01, area: [[107.5, 31.2], [107.6, 31.2], [107.6, 31.3]]}
        people: []
        """);
    assertThat(e.problems()).containsExactlyInAnyOrder(
        new Problem(7, "area", "a polygon needs at least 3 distinct corners, found 2"),
        new Problem(8, "area", "'abc' is not a number"),
        new Problem(9, "area", "latitude 95.0 out of range -90..90 (corners are [lon, lat])"),
        new Problem(9, "area", "longitude 190.0 out of range -180..180 (corners are [lon, lat])"),
        new Problem(10, "area", "expected a pair of numbers such as [107.5, 31.2]"),
        new Problem(10, "area", "expected a pair of numbers such as [107.5, 31.2]"),
        new Problem(10, "area", "a polygon needs at least 3 distinct corners, found 0"),
        new Problem(11, "area", "only grids have an area"));
  }

  @Test
  void acceptsAMinimalDataset() {
    Dataset dataset = parse(HEADER + """
        people:
          - {id: worker-1, name: 王芳, phone: "13800000001", roles: [{role: grid-worker, unit: DC-01-01-001}]}
        """);
    assertThat(dataset.version()).isEqualTo("t1");
    assertThat(dataset.people().get(0).roles().get(0).role()).isEqualTo(Role.GRID_WORKER);
  }

  @Test
  void unknownParentCodeNamesLineAndField() {
    assertProblem(HEADER + """
          - {code: DC-01-01-002, name: 第2网格, level: grid, type: rural, parent: DC-01-09}
        people: []
        """, new Problem(7, "parent", "unknown parent code 'DC-01-09'"));
  }

  @Test
  void duplicateCodeIsRejected() {
    assertProblem(HEADER + """
          - {code: DC-01-01-001, name: 重复网格, level: grid, type: urban, parent: DC-01-01}
        people: []
        """, new Problem(7, "code", "duplicate unit code 'DC-01-01-001'"));
  }

  @Test
  void roleAtAUnitThatDoesNotExistIsRejected() {
    assertProblem(HEADER + """
        people:
          - {id: leader-1, name: 张伟, roles: [{role: grid-leader, unit: DC-01-01-404}]}
        """, new Problem(8, "unit", "unknown unit code 'DC-01-01-404'"));
  }

  @Test
  void roleAtTheWrongLevelIsRejected() {
    assertProblem(HEADER + """
        people:
          - {id: leader-1, name: 张伟, roles: [{role: grid-leader, unit: DC-01-01}]}
        """, new Problem(8, "unit", "role 'grid-leader' cannot be held at a community ('DC-01-01')"));
  }

  @Test
  void parentOfTheWrongLevelIsRejected() {
    assertProblem(HEADER + """
          - {code: DC-01-01-002, name: 第2网格, level: grid, type: rural, parent: DC-01}
        people: []
        """, new Problem(7, "parent", "a grid belongs to a community, but 'DC-01' is a street"));
  }

  @Test
  void unknownBackupAndFieldsAreRejected() {
    DataFileException e = parseFails(HEADER + """
        people:
          - {id: leader-1, name: 张伟, phnoe: "1", roles: [{role: grid-leader, unit: DC-01-01-001, backup: nobody}]}
        """);
    assertThat(e.problems()).extracting(Problem::field).contains("phnoe", "backup");
    assertThat(e.problems()).allMatch(problem -> problem.line() == 8);
  }

  @Test
  void gridWithoutTypeAndMissingNameAreRejected() {
    DataFileException e = parseFails(HEADER + """
          - {code: DC-01-01-002, level: grid, parent: DC-01-01}
        people: []
        """);
    assertThat(e.problems()).containsExactlyInAnyOrder(new Problem(7, "name", "required"),
        new Problem(7, "type", "required"));
  }

  @Test
  void malformedYamlNamesTheLine() {
    DataFileException e = parseFails(HEADER + """
          - {code: DC-01-01-002, name: 第2网格, level: grid, type: rural, parent: DC-01-01
        people: []
        """);
    assertThat(e.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.line()).isBetween(7, 9);
      assertThat(problem.message()).startsWith("malformed YAML");
    });
    assertThat(e.getMessage()).contains("test.yml").contains("line ");
  }

  @Test
  void notAMappingAtAll() {
    assertThat(parseFails("- just\n- a list\n").problems()).singleElement()
        .extracting(Problem::message).asString().contains("expected a mapping");
  }

  private Dataset parse(String yaml) {
    return parser.parse("test.yml", new StringReader(yaml));
  }

  private DataFileException parseFails(String yaml) {
    return (DataFileException) org.assertj.core.api.Assertions.catchThrowable(() -> parse(yaml));
  }

  private void assertProblem(String yaml, Problem expected) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(DataFileException.class)
        .satisfies(e -> assertThat(((DataFileException) e).problems()).containsExactly(expected));
  }
}
