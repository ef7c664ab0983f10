package org.gridcase.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.gridcase.common.DataFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Import, re-import and identity sync; run on H2 and, in the PostgreSQL suite, on PostgreSQL. */
abstract class OrganizationImportScenarios {

  static final String DEMO = "classpath:organization/demo-district.yml";
  /** A rural grid no department names directly, so it can be dropped from a copy of the demo file. */
  static final String DROPPED_GRID = "DC-04-07-003";

  @Autowired OrganizationImporter importer;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired OrganizationDirectory directory;
  @Autowired org.camunda.bpm.engine.FilterService filterService;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;

  @AfterEach
  void restoreDemoOrganisation() throws IOException {
    importer.importDataset(DEMO, demoDataset().getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void demoDistrictIsImportedAndMirroredIntoCamunda() {
    assertThat(countUnits("GRID")).isEqualTo(287);
    assertThat(countUnits("COMMUNITY")).isEqualTo(28);
    assertThat(countUnits("STREET")).isEqualTo(4);
    assertThat(countUnits("DEPARTMENT")).isEqualTo(12);

    // Other modules keep WORKFLOW groups of their own (gridcase-absent): count the role groups only.
    assertThat(identityService.createGroupQuery().groupType(IdentitySynchronizer.ROLE_GROUP_TYPE).list().stream()
        .filter(group -> IdentitySynchronizer.isRoleGroup(group.getId())).count())
        .isEqualTo(287 * 5 + 28 * 4 + 4 * 2 + 1 + 12);
    assertThat(identityService.createUserQuery().memberOfGroup("DC-01-01-001.grid-leader").list())
        .extracting(user -> user.getId()).containsExactly("leader-01-01-001");
    assertThat(identityService.createUserQuery().memberOfGroup("DC-01-01.community-reviewer").singleResult().getId())
        .isEqualTo("reviewer-01-01");
    assertThat(identityService.createGroupQuery().groupMember("worker-01-01-001").list())
        .extracting(group -> group.getId())
        .containsExactlyInAnyOrder("DC-01-01-001.grid-worker", "gridcase-handlers");
    assertThat(identityService.createGroupQuery().groupMember("supervisor-dc").list())
        .extracting(group -> group.getId()).containsExactlyInAnyOrder("DC.supervisor", "gridcase-supervisors");
    assertThat(identityService.createGroupQuery().groupMember("admin-dc").list())
        .extracting(group -> group.getId()).containsExactly("camunda-admin");
    assertThat(identityService.checkPassword("worker-01-01-001", "demo")).isTrue();
    assertThat(identityService.createUserQuery().userId("demo").count()).as("the demo admin is left alone").isOne();
  }

  @Test
  void reimportUpdatesPeopleAndUnitsWithoutLosingCases() {
    String caseInDroppedGrid = startCase(DROPPED_GRID).getId();
    String changed = demoDataset()
        .replace("name: 朝阳社区第1网格,", "name: 朝阳社区第一网格,")
        .replaceAll("(?m)^  - \\{code: " + DROPPED_GRID + ",.*\\n", "")
        .replaceAll("(?m)^  - \\{id: [a-z]+-04-07-003,.*\\n", "")
        .replace("{role: grid-instructor, unit: " + DROPPED_GRID + "}, ", "")
        .replaceAll("(?m)^  - \\{id: worker-01-01-002,.*\\n", "")
        .replaceAll("(?m)^  - \\{id: B-04-07-003-\\d+,.*\\n", "")
        + "  - {id: worker2-01-01-001, name: 新网格员, roles: [{role: grid-worker, unit: DC-01-01-001}]}\n"
        + "  - {id: reviewer-04-08, name: 新回访员, roles: [{role: community-reviewer, unit: DC-04-08}]}\n";
    changed = changed.replace("  - {code: DC-04-07, name: 长岗村, level: community, parent: DC-04}\n",
        "  - {code: DC-04-07, name: 长岗村, level: community, parent: DC-04}\n"
            + "  - {code: DC-04-08, name: 新建社区, level: community, parent: DC-04}\n");

    // Intake reads units from memory (UnitCache): what it remembers before the import must not outlive it.
    assertThat(directory.findActiveGrid(DROPPED_GRID)).isPresent();
    assertThat(directory.findUnit("DC-01-01-001")).get().extracting(UnitView::name).isEqualTo("朝阳社区第1网格");
    ImportResult result = importer.importDataset("changed.yml", changed.getBytes(StandardCharsets.UTF_8), null);
    assertThat(directory.findActiveGrid(DROPPED_GRID)).isEmpty();
    assertThat(directory.findUnit("DC-01-01-001")).get().extracting(UnitView::name).isEqualTo("朝阳社区第一网格");
    assertThat(directory.findUnit("DC-04-08")).get().extracting(UnitView::parentCode).isEqualTo("DC-04");

    assertThat(result.units()).as("one grid dropped, one community added").isEqualTo(320);
    String toReview = filterService.createFilterQuery().filterName("待回访").singleResult().getId();
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn("DC-04-08.community-reviewer")
        .resourceType(Resources.FILTER).resourceId(toReview).count())
        .as("a community created by an import gets its reviewers' Tasklist filter at once").isOne();
    assertThat(jdbc.sql("select name from gc_unit where code = 'DC-01-01-001'").query(String.class).single())
        .isEqualTo("朝阳社区第一网格");
    assertThat(identityService.createGroupQuery().groupId("DC-01-01-001.grid-leader").singleResult().getName())
        .isEqualTo("朝阳社区第一网格 网格长");
    // The dropped grid stays, inactive, with its case; its groups and people are gone from Camunda.
    assertThat(jdbc.sql("select active from gc_unit where code = ?").param(DROPPED_GRID).query(Boolean.class).single())
        .isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseInDroppedGrid).count()).isOne();
    assertThat(jdbc.sql("select count(*) from gc_request where grid_code = ?").param(DROPPED_GRID)
        .query(Integer.class).single()).isOne();
    assertThat(identityService.createGroupQuery().groupId(DROPPED_GRID + ".grid-leader").count()).isZero();
    // A person who left loses the membership and the login, but not the record.
    assertThat(identityService.createUserQuery().userId("worker-01-01-002").count()).isZero();
    assertThat(jdbc.sql("select active from gc_person where id = 'worker-01-01-002'").query(Boolean.class).single())
        .isFalse();
    assertThat(identityService.createUserQuery().memberOfGroup("DC-01-01-002.grid-worker").count()).isZero();
    // A newcomer joins the group of their role.
    assertThat(identityService.createUserQuery().memberOfGroup("DC-01-01-001.grid-worker").list())
        .extracting(user -> user.getId()).containsExactlyInAnyOrder("worker-01-01-001", "worker2-01-01-001");

    importer.importDataset(DEMO, demoDataset().getBytes(StandardCharsets.UTF_8), null);
    assertThat(jdbc.sql("select active from gc_unit where code = ?").param(DROPPED_GRID).query(Boolean.class).single())
        .as("a unit that comes back is active again").isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup("DC-01-01-002.grid-worker").count()).isOne();
    runtimeService.deleteProcessInstance(caseInDroppedGrid, "test cleanup");
  }

  /** DC-01-01-001 is the demo's south-west cell: 107.444..107.448 E, 31.202..31.205 N. */
  @Test
  void locationsAreImportedAndAReimportReplacesThem() {
    assertThat(directory.gridOfBuilding("B-01-01-001-02")).contains("DC-01-01-001");
    assertThat(directory.gridOfBuilding("B-99")).isEmpty();
    assertThat(directory.gridAt(31.2035, 107.446)).contains("DC-01-01-001");
    assertThat(directory.gridAt(31.2035, 107.450)).contains("DC-01-01-002");
    assertThat(directory.gridAt(31.2035, 107.448)).as("the shared edge goes to the lower grid code")
        .contains("DC-01-01-001");
    assertThat(directory.gridAt(31.30, 107.60)).as("outside every polygon").isEmpty();

    String changed = demoDataset()
        .replace(", area: [[107.444, 31.202], [107.448, 31.202], [107.448, 31.205], [107.444, 31.205]]}", "}")
        .replace("grid: DC-01-01-001}", "grid: DC-01-01-002}");
    importer.importDataset("moved.yml", changed.getBytes(StandardCharsets.UTF_8), null);

    assertThat(directory.gridOfBuilding("B-01-01-001-02")).contains("DC-01-01-002");
    assertThat(directory.gridAt(31.2035, 107.446)).isEmpty();
    assertThat(directory.gridAt(31.2035, 107.448)).contains("DC-01-01-002");
    assertThat(jdbc.sql("select count(*) from gc_grid_area").query(Integer.class).single()).isEqualTo(286);
    assertThat(jdbc.sql("select count(*) from gc_building").query(Integer.class).single()).isEqualTo(861);
  }

  @Test
  void invalidDatasetChangesNothing() {
    String invalid = demoDataset().replace("parent: DC-01-01, area:", "parent: DC-01-99, area:");

    assertThatThrownBy(() -> importer.importDataset("bad.yml", invalid.getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("bad.yml")
        .hasMessageContaining("field 'parent': unknown parent code 'DC-01-99'");
    assertThat(countUnits("GRID")).isEqualTo(287);
  }

  @Test
  void importIsOneTransactionWithTheIdentitySync() {
    String changed = demoDataset().replace("name: 朝阳社区第1网格,", "name: 回滚测试网格,");

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      importer.importDataset("rolled-back.yml", changed.getBytes(StandardCharsets.UTF_8), null);
      throw new IllegalStateException("fails after the import");
    })).hasMessage("fails after the import");

    assertThat(jdbc.sql("select name from gc_unit where code = 'DC-01-01-001'").query(String.class).single())
        .isEqualTo("朝阳社区第1网格");
    assertThat(identityService.createGroupQuery().groupId("DC-01-01-001.grid-leader").singleResult().getName())
        .isEqualTo("朝阳社区第1网格 网格长");
  }

  @Test
  void unchangedDatasetIsSkipped() {
    assertThat(importer.importIfChanged(DEMO, demoDataset().getBytes(StandardCharsets.UTF_8), null).imported())
        .isFalse();
  }

  private ProcessInstance startCase(String gridCode) {
    return runtimeService.startProcessInstanceByKey("citizen-request",
        Variables.createVariables().putValue("gridCode", gridCode).putValue("description", "测试诉求"));
  }

  private int countUnits(String level) {
    return jdbc.sql("select count(*) from gc_unit where level = ? and active = true").param(level)
        .query(Integer.class).single();
  }

  static String demoDataset() {
    try (InputStream in = OrganizationImportScenarios.class.getResourceAsStream("/organization/demo-district.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
