package org.gridcase.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A/B partners (AB角) of the demo district, read through {@link OrganizationDirectory}. */
@GridcaseTest
class BackupDirectoryTest {

  @Autowired OrganizationDirectory directory;

  @Test
  void backupGroupsAreTheGroupsOfTheHoldersBackups() {
    assertThat(directory.backupGroupsOf("DC-01-01-001.grid-leader")).containsExactly("DC-01-01.community-party-secretary");
    assertThat(directory.backupGroupsOf("DC-02-03-004.grid-worker")).as("the grid leader of the same grid")
        .containsExactly("DC-02-03-004.grid-leader");
    assertThat(directory.backupGroupsOf("D-CG.department-officer")).as("officers back each other up").isEmpty();
    assertThat(directory.backupGroupsOf("DC-01-01.community-reviewer")).isEmpty();
    assertThat(directory.backupGroupsOf("gridcase-handlers")).isEmpty();
  }

  @Test
  void backupOfARoleAssignmentOrElseOfTheFirstRoleWithOne() {
    assertThat(directory.backupOf("worker-01-01-001", "DC-01-01-001.grid-worker")).hasValue("leader-01-01-001");
    assertThat(directory.backupOf("leader-01-01-001", null)).hasValue("secretary-01-01");
    assertThat(directory.backupOf("secretary-01-01", "DC-01-01-001.grid-leader")).as("not theirs: first role")
        .hasValue("leader-01-01-001");
    assertThat(directory.backupOf("officer-cg-1", "D-CG.department-officer")).hasValue("officer-cg-2");
    assertThat(directory.backupOf("reviewer-01-01", "DC-01-01.community-reviewer")).isEmpty();
  }
}
