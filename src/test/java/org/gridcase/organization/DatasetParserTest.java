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
    }
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
