package org.gridcase.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_GREEN;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_YELLOW;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_SUPERVISE_HANDLING_OVERDUE;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_TRIAGE;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.GridcaseTest;
import static org.gridcase.intake.CaseFixtures.at;

import org.gridcase.intake.CaseFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Service levels on the working-day calendar and the escalation ladder, with the engine's clock moved by
 * hand and due timers executed as the job executor would. Working hours are 08:30–12:00 and 14:00–17:30
 * (7 hours a day), Asia/Shanghai.
 */
@GridcaseTest
class ServiceLevelEscalationTest {

  static final String GRID = "DC-03-05-002";
  static final String COMMUNITY = "DC-03-05";

  @Autowired ApplicationContext context;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;
  CaseFixtures cases;

  @BeforeEach
  void fixtures() {
    cases = new CaseFixtures(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void greenCaseBreachesEachLevelOfItsLadderInTurn() {
    clock("2026-11-23T09:00"); // a Monday
    ProcessInstance instance = cases.inHandling(GRID, "小区门口路灯不亮", "C04", "green");
    Task handling = cases.task(instance, TASK_HANDLE_GREEN);
    assertThat(handling.getDueDate()).as("P3D working: Thursday, same time").isEqualTo(at("2026-11-26T09:00"));
    assertThat(timer(instance, "StartEvent_HandlingWarning")).as("75 % of 21 working hours")
        .isEqualTo(at("2026-11-25T10:45"));
    assertThat(timer(instance, "StartEvent_HandlingUnclaimed")).as("PT4H working, lunch skipped")
        .isEqualTo(at("2026-11-23T15:00"));

    clock("2026-11-26T09:01");
    cases.executeDueTimers(instance);
    Task gridLeader = cases.task(instance, TASK_SUPERVISE_HANDLING_OVERDUE);
    assertThat(cases.candidateGroups(gridLeader)).containsExactly(GRID + ".grid-leader");
    assertThat(gridLeader.getDueDate()).as("P1D working to supervise").isEqualTo(at("2026-11-27T09:01"));
    assertThat(cases.task(instance, TASK_HANDLE_GREEN)).as("the handler keeps working").isNotNull();
    assertThat(row(instance)).containsEntry("escalation_count", 1);
    assertThat(row(instance).get("overdue_at")).isNotNull();

    clock("2026-11-27T09:02");
    cases.executeDueTimers(instance);
    Task secretary = cases.task(instance, TASK_SUPERVISE_HANDLING_OVERDUE);
    assertThat(secretary.getId()).isNotEqualTo(gridLeader.getId());
    assertThat(cases.candidateGroups(secretary)).containsExactly(COMMUNITY + ".community-party-secretary");
    assertThat(row(instance)).containsEntry("escalation_count", 2);
    assertThat(noticesTo(instance, "secretary-03-05")).contains("ESCALATED");

    clock("2026-11-30T09:03");
    cases.executeDueTimers(instance);
    assertThat(cases.task(instance, TASK_SUPERVISE_HANDLING_OVERDUE))
        .as("小事不出网格、大事不出社区: green stops at the community").isNull();
    assertThat(passed(instance, "EndEvent_HandlingLadderTop")).isTrue();
    assertThat(row(instance)).containsEntry("escalation_count", 2);

    cases.complete(instance, TASK_HANDLE_GREEN, "worker-03-05-002",
        Map.of("handlingAction", "done", "handlingNote", "已更换灯泡"));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().list())
        .extracting(Job::getDuedate).as("only the feedback call's timers are left").hasSize(2);
  }

  @Test
  void supervisorsReassignTheCaseWhenTheyChooseTo() {
    clock("2026-11-23T09:00");
    ProcessInstance instance = cases.inHandling(GRID, "垃圾桶满溢", "C01", "green");
    clock("2026-11-26T09:01");
    cases.executeDueTimers(instance);
    cases.complete(instance, TASK_SUPERVISE_HANDLING_OVERDUE, "leader-03-05-002",
        Map.of("urgeNote", "今天下班前处理完", "reassignTo", "worker-03-05-001"));
    assertThat(cases.task(instance, TASK_HANDLE_GREEN).getAssignee()).isEqualTo("worker-03-05-001");
    assertThat(events(instance)).contains("SUPERVISED_OVERDUE", "REASSIGNED");
  }

  @Test
  void aWarningThenCompletionBeforeTheBreachEscalatesNothing() {
    clock("2026-11-23T09:00");
    ProcessInstance instance = cases.inHandling(GRID, "楼道灯坏了", "C04", "green");
    Task handling = cases.task(instance, TASK_HANDLE_GREEN);
    taskService.claim(handling.getId(), "worker-03-05-002");

    clock("2026-11-25T11:00");
    cases.executeDueTimers(instance);
    assertThat(noticesTo(instance, "worker-03-05-002")).as("reminded").contains("DEADLINE_WARNING");
    cases.executeDueTimers(instance);
    assertThat(noticesTo(instance, "worker-03-05-002")).as("once").containsOnlyOnce("DEADLINE_WARNING")
        .doesNotContain("ESCALATED");

    clock("2026-11-25T15:00");
    cases.complete(instance, TASK_HANDLE_GREEN, "worker-03-05-002",
        Map.of("handlingAction", "done", "handlingNote", "已修好"));
    clock("2026-11-26T09:30"); // past the handling due date, before the feedback call's
    cases.executeDueTimers(instance);
    assertThat(row(instance)).containsEntry("escalation_count", 0);
    assertThat(row(instance).get("overdue_at")).isNull();
    assertThat(events(instance)).doesNotContain("OVERDUE", "ESCALATED");
  }

  @Test
  void aCaseOnTheFridayBeforeTheSpringFestivalCountsTheMakeUpSaturday() {
    clock("2026-02-13T10:00"); // Friday; Sat 14 Feb is a 调休 working day, 15–23 Feb are holidays
    ProcessInstance instance = cases.submit(GRID, "楼下井盖缺失", "C04");
    assertThat(cases.task(instance, TASK_TRIAGE).getDueDate()).as("P1D: the make-up Saturday")
        .isEqualTo(at("2026-02-14T10:00"));
    cases.complete(instance, TASK_TRIAGE, "leader-03-05-002",
        Map.of("triageDecision", "accept", "gridCode", GRID, "categoryCode", "C04", "colour", "green"));
    assertThat(cases.task(instance, TASK_HANDLE_GREEN).getDueDate())
        .as("P3D: Sat 14, Tue 24, Wed 25 February").isEqualTo(at("2026-02-25T10:00"));
    assertThat(jdbc.sql("select due_at from gc_request where tracking_number = ?").param(instance.getBusinessKey())
        .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(at("2026-02-25T10:00").toInstant());
  }

  @Test
  void anUnclaimedTaskIsOfferedToTheBackupGroupAfterItsClaimWindow() {
    clock("2026-11-23T09:00");
    ProcessInstance instance = cases.inHandling(GRID, "路灯闪烁", "C04", "green");
    Task handling = cases.task(instance, TASK_HANDLE_GREEN);
    assertThat(cases.candidateGroups(handling)).doesNotContain(GRID + ".grid-leader");

    clock("2026-11-23T15:01");
    cases.executeDueTimers(instance);
    assertThat(cases.candidateGroups(handling)).as("the grid workers' backup (AB角) is the grid leader")
        .contains(GRID + ".grid-worker", GRID + ".grid-leader");
    assertThat(taskService.createTaskQuery().taskCandidateGroup(GRID + ".grid-leader")
        .processInstanceId(instance.getId()).taskDefinitionKey(TASK_HANDLE_GREEN).count()).isOne();
  }

  @Test
  void aClaimedTaskStaysWithItsHandlerAfterTheClaimWindow() {
    clock("2026-11-23T09:00");
    ProcessInstance instance = cases.inHandling(GRID, "路灯闪烁", "C04", "green");
    Task handling = cases.task(instance, TASK_HANDLE_GREEN);
    taskService.claim(handling.getId(), "worker-03-05-002");
    clock("2026-11-23T15:01");
    cases.executeDueTimers(instance);
    assertThat(cases.candidateGroups(handling)).doesNotContain(GRID + ".grid-leader");
  }

  @Test
  void departmentsCalledInAreRemindedAndTheirBreachIsReportedToTheStreet() {
    clock("2026-11-23T09:00");
    ProcessInstance instance = cases.inHandling(GRID, "小区外墙脱落", "E03", "yellow");
    cases.complete(instance, TASK_HANDLE_YELLOW, "leader-03-05-002", Map.of("handlingAction", "whistle",
        "handlingNote", "请住建部门到场", "whistleDepartments", "D-ZJ"));
    assertThat(timer(instance, "BoundaryEvent_ReportOverdue")).as("P2D working").isEqualTo(at("2026-11-25T09:00"));
    assertThat(timer(instance, "BoundaryEvent_ReportWarning")).as("75 % of 14 working hours")
        .isEqualTo(at("2026-11-24T14:30"));

    clock("2026-11-24T14:31");
    cases.executeDueTimers(instance);
    assertThat(noticesTo(instance, "officer-zj-1")).as("called in at once, then reminded")
        .containsExactly("TASK_OFFERED", "DEADLINE_WARNING");
    clock("2026-11-25T09:01");
    cases.executeDueTimers(instance);
    assertThat(noticesTo(instance, "street-secretary-03")).as("the street supervises the departments")
        .contains("ESCALATED");
    assertThat(noticesTo(instance, "officer-zj-1")).contains("DEADLINE_WARNING", "ESCALATED");
    assertThat(events(instance)).contains("OVERDUE");
  }

  @Test
  void anAbsentHandlersTasksMoveToTheirBackupWhenTheAbsenceBegins() {
    clock("2026-11-23T09:00");
    String grid = "DC-03-05-003";
    ProcessInstance instance = cases.inHandling(grid, "邻里因漏水起纠纷", "B01", "yellow");
    Task handling = cases.task(instance, TASK_HANDLE_YELLOW);
    taskService.claim(handling.getId(), "leader-03-05-003");

    var absence = rest.withBasicAuth("leader-03-05-003", "demo").postForEntity("/api/absences", Map.of(
        "userId", "leader-03-05-003", "from", at("2026-11-23T14:00").toInstant().toString(),
        "until", at("2026-11-25T17:30").toInstant().toString(), "reason", "病假"), String.class);
    assertThat(absence.getStatusCode().value()).isEqualTo(201);
    assertThat(cases.task(instance, TASK_HANDLE_YELLOW).getAssignee()).as("not yet").isEqualTo("leader-03-05-003");

    clock("2026-11-23T14:01");
    managementService.createJobQuery().processDefinitionKey("absence").timers().executable().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    assertThat(cases.task(instance, TASK_HANDLE_YELLOW).getAssignee()).as("AB角: the community party secretary")
        .isEqualTo("secretary-03-05");
    assertThat(noticesTo(instance, "secretary-03-05")).contains("TASK_ASSIGNED");
  }

  // --- helpers ----------------------------------------------------------------------------------------

  static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(at(localDateTime));
  }

  Date timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult().getDuedate();
  }

  Map<String, Object> row(ProcessInstance instance) {
    Map<String, Object> row = new java.util.HashMap<>();
    jdbc.sql("select * from gc_request where tracking_number = ?").param(instance.getBusinessKey()).query()
        .singleRow().forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT), value));
    return row;
  }

  List<String> events(ProcessInstance instance) {
    return jdbc.sql("select e.kind from gc_request_event e join gc_request r on r.id = e.request_id"
        + " where r.tracking_number = ? order by e.id").param(instance.getBusinessKey()).query(String.class).list();
  }

  /** The notices about this case to this person. */
  List<String> noticesTo(ProcessInstance instance, String userId) {
    return jdbc.sql("select notice from gc_notification where user_id = ? and body like ? order by id")
        .params(userId, "%" + instance.getBusinessKey() + "%").query(String.class).list();
  }

  boolean passed(ProcessInstance instance, String activityId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(activityId).finished().count() > 0;
  }
}
