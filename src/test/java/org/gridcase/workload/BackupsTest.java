package org.gridcase.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Escalation of an unclaimed task to the backups' groups, checked as the backup sees it over HTTP. */
@GridcaseTest
class BackupsTest {

  static final String SECRETARY = "secretary-01-01";

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired Backups backups;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void deploy() {
    BackupTestProcess.deployOnce(engine);
  }

  @AfterEach
  void cleanUp() {
    BackupTestProcess.cleanUp(engine, jdbc);
  }

  @Test
  void anUnclaimedTaskIsOfferedToTheBackupGroupWhoseMemberCanThenClaimIt() {
    String taskId = BackupTestProcess.startTask(engine, "DC-01-01-001.grid-leader", null);
    assertThat(asSecretary("/engine-rest/task/" + taskId)).as("not the secretary's task yet")
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

    assertThat(backups.offerToBackups(taskId)).containsExactly("DC-01-01.community-party-secretary");

    assertThat(BackupTestProcess.candidateGroups(engine, taskId))
        .containsExactlyInAnyOrder("DC-01-01-001.grid-leader", "DC-01-01.community-party-secretary");
    assertThat(asSecretary("/engine-rest/task/" + taskId)).isEqualTo(HttpStatus.OK);
    assertThat(backups.offerToBackups(taskId)).as("offered already").isEmpty();
    assertThat(rest.withBasicAuth(SECRETARY, "demo").postForEntity("/engine-rest/task/" + taskId + "/claim",
        json(Map.of("userId", SECRETARY)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(SECRETARY);
  }

  @Test
  void aClaimedTaskOrAGroupWithoutBackupsIsNotOffered() {
    String claimed = BackupTestProcess.startTask(engine, "DC-01-01-001.grid-leader", "leader-01-01-001");
    assertThat(backups.offerToBackups(claimed)).isEmpty();
    assertThat(BackupTestProcess.candidateGroups(engine, claimed)).containsExactly("DC-01-01-001.grid-leader");

    String reviewers = BackupTestProcess.startTask(engine, "DC-01-01.community-reviewer", null);
    assertThat(backups.offerToBackups(reviewers)).isEmpty();
    assertThat(backups.offerToBackups("no-such-task")).isEmpty();
  }

  private HttpStatus asSecretary(String path) {
    return HttpStatus.valueOf(rest.withBasicAuth(SECRETARY, "demo").getForEntity(path, String.class)
        .getStatusCode().value());
  }

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
