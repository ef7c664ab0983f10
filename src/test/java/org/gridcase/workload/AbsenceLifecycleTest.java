package org.gridcase.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.gridcase.GridcaseTest;
import org.gridcase.workload.AbsenceProcess.Elements;
import org.gridcase.workload.Absences.Declaration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * An absence on the real engine: its timers are executed as jobs with the engine clock moved, and what
 * it does to tasks is checked on the test-only process {@code backup-test}.
 */
@GridcaseTest
@RecordApplicationEvents
class AbsenceLifecycleTest {

  static final String WORKER = "worker-01-01-001";
  static final String LEADER = "leader-01-01-001";
  static final String SECRETARY = "secretary-01-01";
  static final String GRID_WORKERS = "DC-01-01-001.grid-worker";
  static final String GRID_LEADERS = "DC-01-01-001.grid-leader";
  static final String SECRETARIES = "DC-01-01.community-party-secretary";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired Absences absences;
  @Autowired Backups backups;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired ApplicationEvents events;

  Instant today;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    BackupTestProcess.deployOnce(engine);
    today = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(today));
  }

  @AfterEach
  void cleanUp() {
    BackupTestProcess.cleanUp(engine, jdbc);
  }

  @Test
  void assignedTasksGoToTheBackupWhenTheAbsenceBeginsAndTheAbsenceEndsOnTime() {
    String taskId = BackupTestProcess.startTask(engine, GRID_WORKERS, null);
    taskService.setAssignee(taskId, WORKER);
    Instant from = today.plus(Duration.ofDays(1));
    Instant until = today.plus(Duration.ofDays(3));
    AbsenceView absence = declare(WORKER, from, until);
    ProcessInstance instance = instanceOf(absence);

    assertThat(instance).isWaitingAt(Elements.TIMER_ABSENCE_BEGINS);
    Job begins = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(begins.getDuedate()).isEqualTo(Date.from(from));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count())
        .as("nothing is due today").isZero();
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(WORKER);
    assertThat(BackupTestProcess.absentMembers(identityService)).doesNotContain(WORKER);
    assertThat(backups.isAbsent(WORKER)).isFalse();

    ClockUtil.setCurrentTime(Date.from(from.plus(Duration.ofHours(1))));
    managementService.executeJob(begins.getId());

    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .as("the grid leader backs up the grid worker").isEqualTo(LEADER);
    assertThat(BackupTestProcess.absentMembers(identityService)).containsExactly(WORKER);
    Group absent = identityService.createGroupQuery().groupId(Absences.ABSENT_GROUP).singleResult();
    assertThat(List.of(absent.getName(), absent.getType())).containsExactly("请假人员", "WORKFLOW");
    assertThat(backups.isAbsent(WORKER)).isTrue();
    assertThat(absences.find(absence.id()).orElseThrow().handOvers()).singleElement()
        .satisfies(handOver -> assertThat(List.of(handOver.taskId(), handOver.fromUserId(), handOver.toUserId()))
            .containsExactly(taskId, WORKER, LEADER));
    assertThat(events.stream(TaskHandedOver.class))
        .containsExactly(new TaskHandedOver(taskId, BackupTestProcess.TASK_NAME, WORKER, LEADER));
    assertThat(events.stream(TaskAssigned.class)).last()
        .isEqualTo(new TaskAssigned(taskId, BackupTestProcess.TASK_NAME, taskProcess(taskId), LEADER, null));
    assertThat(instance).isWaitingAt(Elements.TIMER_ABSENCE_ENDS);

    Job ends = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(ends.getDuedate()).isEqualTo(Date.from(until));
    ClockUtil.setCurrentTime(Date.from(until.plus(Duration.ofMinutes(1))));
    managementService.executeJob(ends.getId());

    assertThat(BackupTestProcess.absentMembers(identityService)).doesNotContain(WORKER);
    assertThat(backups.isAbsent(WORKER)).isFalse();
    assertThat(instance).hasPassed(Elements.TASK_END_ABSENCE, Elements.END_EVENT_OVER).isEnded();
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
        .as("handed-over tasks stay with the backup").isEqualTo(LEADER);
  }

  @Test
  void aTaskAssignedToAnAbsentPersonGoesToTheirBackup() {
    declare(LEADER, today.minus(Duration.ofHours(1)), today.plus(Duration.ofDays(1)));
    String claimed = BackupTestProcess.startTask(engine, GRID_LEADERS, null);

    taskService.claim(claimed, LEADER);

    assertThat(taskService.createTaskQuery().taskId(claimed).singleResult().getAssignee()).isEqualTo(SECRETARY);
    assertThat(events.stream(TaskHandedOver.class))
        .containsExactly(new TaskHandedOver(claimed, BackupTestProcess.TASK_NAME, LEADER, SECRETARY));
    assertThat(events.stream(TaskAssigned.class)).extracting(TaskAssigned::assignee).containsExactly(SECRETARY);
    assertThat(rest.withBasicAuth(SECRETARY, "demo").getForEntity("/engine-rest/task/" + claimed, String.class)
        .getStatusCode()).as("the backup may open the task").isEqualTo(HttpStatus.OK);

    String assignedAtCreation = BackupTestProcess.startTask(engine, GRID_WORKERS, LEADER);
    assertThat(taskService.createTaskQuery().taskId(assignedAtCreation).singleResult().getAssignee())
        .isEqualTo(SECRETARY);
  }

  @Test
  void theBackupOfAnAbsentBackupIsAskedNext() {
    declare(WORKER, today, today.plus(Duration.ofDays(2)));
    declare(LEADER, today, today.plus(Duration.ofDays(2)));
    String taskId = BackupTestProcess.startTask(engine, GRID_WORKERS, null);

    taskService.setAssignee(taskId, WORKER);

    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(SECRETARY);
  }

  @Test
  void assignmentsTellWhoAssigned() {
    String taskId = BackupTestProcess.startTask(engine, GRID_WORKERS, null);
    identityService.setAuthentication("demo", List.of("camunda-admin"));
    try {
      taskService.setAssignee(taskId, WORKER);
    } finally {
      identityService.clearAuthentication();
    }
    taskService.setAssignee(taskId, null);

    assertThat(events.stream(TaskAssigned.class)).containsExactly(
        new TaskAssigned(taskId, BackupTestProcess.TASK_NAME, taskProcess(taskId), WORKER, "demo"));
    assertThat(events.stream(TaskHandedOver.class)).isEmpty();
  }

  @Test
  void aGroupWhoseOnlyMemberIsAbsentIsJoinedByTheBackupGroup() {
    String before = BackupTestProcess.startTask(engine, GRID_LEADERS, null);
    declare(LEADER, today, today.plus(Duration.ofDays(1)));

    String during = BackupTestProcess.startTask(engine, GRID_LEADERS + "," + GRID_WORKERS, null);

    assertThat(BackupTestProcess.candidateGroups(engine, during))
        .as("the grid workers are present: their group gets no backup")
        .containsExactlyInAnyOrder(GRID_LEADERS, GRID_WORKERS, SECRETARIES);
    assertThat(rest.withBasicAuth(SECRETARY, "demo").getForEntity("/engine-rest/task/" + during, String.class)
        .getStatusCode()).as("the backups may open it").isEqualTo(HttpStatus.OK);
    assertThat(BackupTestProcess.candidateGroups(engine, before)).as("only new tasks").containsExactly(GRID_LEADERS);

    ClockUtil.setCurrentTime(Date.from(today.plus(Duration.ofDays(1))));
    String after = BackupTestProcess.startTask(engine, GRID_LEADERS, null);
    assertThat(BackupTestProcess.candidateGroups(engine, after)).containsExactly(GRID_LEADERS);
  }

  @Test
  void cancellingEndsAnAbsenceThatBegan() {
    AbsenceView absence = declare(WORKER, today, today.plus(Duration.ofDays(5)));
    ProcessInstance instance = instanceOf(absence);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
        .singleResult().getId());
    assertThat(BackupTestProcess.absentMembers(identityService)).containsExactly(WORKER);

    ClockUtil.setCurrentTime(Date.from(today.plus(Duration.ofDays(1))));
    AbsenceView cancelled = absences.cancel(absence.id());

    assertThat(cancelled.status()).isEqualTo(AbsenceStatus.CANCELLED);
    assertThat(cancelled.cancelledAt()).isEqualTo(today.plus(Duration.ofDays(1)));
    assertThat(BackupTestProcess.absentMembers(identityService)).isEmpty();
    assertThat(backups.isAbsent(WORKER)).isFalse();
    assertThat(instance).hasPassed(Elements.TASK_CANCEL_ABSENCE, Elements.END_EVENT_CANCELLED)
        .hasNotPassed(Elements.END_EVENT_OVER).isEnded();
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  private AbsenceView declare(String userId, Instant from, Instant until) {
    return absences.declare(new Declaration(userId, from.toString(), until.toString(), "年休假"), "supervisor-dc");
  }

  private ProcessInstance instanceOf(AbsenceView absence) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(AbsenceProcess.KEY)
        .processInstanceBusinessKey("absence-" + absence.id()).singleResult();
  }

  private String taskProcess(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
  }
}
