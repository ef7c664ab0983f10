package org.gridcase.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.gridcase.intake.CitizenRequestProcess.Elements.END_EVENT_CLOSED;
import static org.gridcase.intake.CitizenRequestProcess.Elements.END_EVENT_DECLINED;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_APPROVE_EXTENSION;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_DEPARTMENT_REPORT;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_FEEDBACK_CALL;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_GREEN;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_RED;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_YELLOW;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_SATISFACTION_REVIEW;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_SEND_FEEDBACK_MAIL;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_SUPERVISE;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_TRIAGE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.gridcase.GridcaseTest;
import org.gridcase.calendar.Clock;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.common.TaskInput.InvalidInputException;
import org.gridcase.intake.RequestIntake.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every branch of {@code citizen-request} on the real engine: the gateways, the DMN proposal, the
 * multi-instance whistle and the asynchronous feedback mail (its job is executed, not waited for).
 */
@GridcaseTest
class CitizenRequestLifecycleTest {

  static final String GRID = "DC-02-03-004";
  static final String COMMUNITY = "DC-02-03";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RequestIntake intake;
  @Autowired JdbcClient jdbc;
  @Autowired WorkingTime workingTime;

  @BeforeEach
  void bindAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void greenCaseWithoutEmailIsClosedByTheGridWorkerAndReviewed() {
    ProcessInstance instance = submit("小区门口路灯不亮", "C04", null);
    assertThat(instance).isWaitingAt(TASK_TRIAGE);
    assertThat(candidateGroups(TASK_TRIAGE, instance)).containsExactly(GRID + ".grid-leader");
    assertThat(variable(instance, "colour")).as("DMN proposal from the default colour").isEqualTo("green");
    assertThat(variable(instance, "handlerLevel")).isEqualTo("grid-worker");

    complete(instance, TASK_TRIAGE, "leader-02-03-004", accept("C04", "green"));
    assertThat(instance).isWaitingAt(TASK_HANDLE_GREEN);
    assertThat(candidateGroups(TASK_HANDLE_GREEN, instance))
        .containsExactlyInAnyOrder(GRID + ".grid-worker", GRID + ".building-leader");
    Task handling = task(TASK_HANDLE_GREEN, instance);
    assertThat(handling.getName()).isEqualTo("【绿】办理 " + instance.getBusinessKey());
    assertThat(handling.getDescription()).as("no words of the citizen in the engine").isEqualTo("路灯井盖等市政设施损坏");
    assertThat(handling.getDueDate()).isNotNull();

    complete(instance, TASK_HANDLE_GREEN, "building-02-03-004", Map.of("handlingAction", "done",
        "handlingNote", "已更换灯泡"));
    assertThat(instance).isWaitingAt(TASK_FEEDBACK_CALL);
    assertThat(candidateGroups(TASK_FEEDBACK_CALL, instance)).containsExactly(GRID + ".grid-worker");
    complete(instance, TASK_FEEDBACK_CALL, "worker-02-03-004", Map.of("feedbackNote", "已电话告知"));
    assertThat(candidateGroups(TASK_SATISFACTION_REVIEW, instance)).containsExactly(COMMUNITY + ".community-reviewer");
    complete(instance, TASK_SATISFACTION_REVIEW, "reviewer-02-03", Map.of("satisfaction", "satisfied"));

    assertThat(instance).hasPassed(END_EVENT_CLOSED).isEnded();
    Map<String, Object> row = row(instance);
    assertThat(row).containsEntry("status", "CLOSED").containsEntry("satisfaction", "satisfied")
        .containsEntry("handled_by", "building-02-03-004").containsEntry("colour", "green");
    for (String timestamp : List.of("received_at", "accepted_at", "dispatched_at", "handled_at", "fed_back_at",
        "reviewed_at", "closed_at")) {
      assertThat(row.get(timestamp)).as(timestamp).isNotNull();
    }
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("handlingNote").count()).as("free text goes to our tables").isZero();

    // History keeps what people and rules decided, not the routing facts copied from gc_request or the gateways.
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(variable -> variable.getName())
        .contains("colour", "categoryCode", "handlerLevel")
        .doesNotContain("gridCode", "communityCode", "districtCode", "requestId", "trackingNumber", "triageGroup");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(activity -> activity.getActivityType())
        .contains("startEvent", "businessRuleTask", "userTask", "noneEndEvent")
        .doesNotContain("exclusiveGateway", "parallelGateway");
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(instance.getId()).list())
        .as("the SLA timers ended with their tasks: neither their creation nor their deletion is logged")
        .noneMatch(log -> log.isCreationLog() || log.isDeletionLog());
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void yellowCaseIsReturnedExtendedAndFedBackByMail() {
    ProcessInstance instance = submit("楼道堆放杂物，物业不管", "F01", "citizen@example.org");
    complete(instance, TASK_TRIAGE, "leader-02-03-004", accept("F01", "yellow"));
    assertThat(candidateGroups(TASK_HANDLE_YELLOW, instance)).containsExactly(GRID + ".grid-leader");

    complete(instance, TASK_HANDLE_YELLOW, "leader-02-03-004", Map.of("handlingAction", "return",
        "handlingNote", "应属相邻网格"));
    assertThat(instance).isWaitingAt(TASK_TRIAGE);
    assertThat(variable(instance, "returnReason")).isEqualTo("应属相邻网格");
    complete(instance, TASK_TRIAGE, "leader-02-03-004", accept("F01", "yellow"));

    Instant firstDue = task(TASK_HANDLE_YELLOW, instance).getDueDate().toInstant();
    complete(instance, TASK_HANDLE_YELLOW, "leader-02-03-004", Map.of("handlingAction", "extension",
        "handlingNote", "需等待业委会开会", "extensionDays", 3L));
    assertThat(candidateGroups(TASK_APPROVE_EXTENSION, instance))
        .containsExactly(COMMUNITY + ".community-party-secretary");
    complete(instance, TASK_APPROVE_EXTENSION, "secretary-02-03", Map.of("extensionApproved", true));
    assertThat(task(TASK_HANDLE_YELLOW, instance).getDueDate().toInstant()).as("3 more working days")
        .isEqualTo(workingTime.plus(firstDue, "P3D", Clock.WORKING_TIME));

    complete(instance, TASK_HANDLE_YELLOW, "leader-02-03-004", Map.of("handlingAction", "done",
        "handlingNote", "已协调物业清理"));
    assertThat(instance).isWaitingAt(TASK_SEND_FEEDBACK_MAIL);
    // Outside the handler's transaction: the mail is a job of its own (an SMTP server is not needed
    // here; CitizenRequestMailTest checks the message itself).
    assertThat(row(instance)).containsEntry("return_count", 1).containsEntry("extension_count", 1)
        .containsEntry("status", "FEEDBACK");
  }

  @Test
  void redCaseGoesToTheLiaisonLeaderAndWaitsForEveryDepartment() {
    ProcessInstance instance = submit("小区燃气泄漏，气味很大", "E02", null);
    assertThat(variable(instance, "colour")).isEqualTo("red");
    complete(instance, TASK_TRIAGE, "leader-02-03-004", accept("E02", "red"));
    assertThat(candidateGroups(TASK_HANDLE_RED, instance)).containsExactly(COMMUNITY + ".district-liaison-leader");

    complete(instance, TASK_HANDLE_RED, "liaison-02-03", Map.of("handlingAction", "whistle",
        "handlingNote", "请燃气公司和应急局到场", "whistleDepartments", Variables.objectValue(List.of("D-RQ", "D-YJ"))
            .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
    List<Task> reports = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_DEPARTMENT_REPORT).list();
    assertThat(reports).hasSize(2);
    assertThat(reports).flatExtracting(task -> groups(task.getId()))
        .containsExactlyInAnyOrder("D-RQ.department-officer", "D-YJ.department-officer");

    complete(reports.get(0), "officer", Map.of("reportNote", "已到场处置"));
    assertThat(instance).as("waits for the other department").isWaitingAt(TASK_DEPARTMENT_REPORT);
    complete(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_DEPARTMENT_REPORT).singleResult(), "officer", Map.of("reportNote", "已排查管线"));
    assertThat(instance).isWaitingAt(TASK_HANDLE_RED);
    assertThat(jdbc.sql("select count(*) from gc_department_report where request_id = ? and reported_at is not null")
        .param(requestId(instance)).query(Integer.class).single()).isEqualTo(2);
  }

  @Test
  void theLeadDepartmentCanConcludeTheWhistleRound() {
    ProcessInstance instance = submit("河道堤坝出现裂缝", "E04", null);
    complete(instance, TASK_TRIAGE, "leader-02-03-004", accept("E04", "red"));
    complete(instance, TASK_HANDLE_RED, "liaison-02-03", Map.of("handlingAction", "whistle",
        "handlingNote", "水务牵头", "whistleDepartments", "D-SW,D-YJ,D-ZJ", "leadDepartment", "D-SW"));
    Task lead = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_DEPARTMENT_REPORT).taskCandidateGroup("D-SW.department-officer").singleResult();

    complete(lead, "officer-sw-1", Map.of("reportNote", "已加固，会商结束", "leadConcludes", true));

    assertThat(instance).isWaitingAt(TASK_HANDLE_RED);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_DEPARTMENT_REPORT).count()).isZero();
  }

  @Test
  void unsatisfiedReviewReopensThenSecondGoesToSupervision() {
    ProcessInstance instance = submit("夜间广场舞噪音扰民", "F04", null);
    complete(instance, TASK_TRIAGE, "leader-02-03-004", accept("F04", "green"));
    handleAndCallBack(instance);
    complete(instance, TASK_SATISFACTION_REVIEW, "reviewer-02-03", Map.of("satisfaction", "unsatisfied",
        "reviewNote", "噪音依旧"));
    assertThat(instance).as("重办").isWaitingAt(TASK_HANDLE_GREEN);

    handleAndCallBack(instance);
    complete(instance, TASK_SATISFACTION_REVIEW, "reviewer-02-03", Map.of("satisfaction", "unsatisfied",
        "reviewNote", "仍不满意"));
    assertThat(instance).as("督办").isWaitingAt(TASK_SUPERVISE);
    assertThat(candidateGroups(TASK_SUPERVISE, instance)).containsExactly(COMMUNITY + ".community-party-secretary");
    assertThat(row(instance)).containsEntry("status", "SUPERVISION");

    complete(instance, TASK_SUPERVISE, "secretary-02-03", Map.of("supervisionDecision", "rehandle",
        "supervisionNote", "约谈广场舞队负责人"));
    handleAndCallBack(instance);
    complete(instance, TASK_SATISFACTION_REVIEW, "reviewer-02-03", Map.of("satisfaction", "unsatisfied",
        "reviewNote", "还是吵"));
    complete(instance, TASK_SUPERVISE, "secretary-02-03", Map.of("supervisionDecision", "close",
        "supervisionNote", "已限定活动时间，群众诉求超出合理范围"));
    assertThat(instance).hasPassed(END_EVENT_CLOSED).isEnded();
    assertThat(row(instance)).containsEntry("reopen_count", 2).containsEntry("satisfaction", "unsatisfied");
  }

  @Test
  void unsatisfiedOnceThenSatisfiedCloses() {
    ProcessInstance instance = submit("垃圾桶满溢无人清运", "C01", null);
    complete(instance, TASK_TRIAGE, "leader-02-03-004", accept("C01", "green"));
    handleAndCallBack(instance);
    complete(instance, TASK_SATISFACTION_REVIEW, "reviewer-02-03", Map.of("satisfaction", "unsatisfied",
        "reviewNote", "只清了一次"));
    handleAndCallBack(instance);
    complete(instance, TASK_SATISFACTION_REVIEW, "reviewer-02-03", Map.of("satisfaction", "basically-satisfied"));
    assertThat(instance).hasPassed(END_EVENT_CLOSED).isEnded();
    assertThat(row(instance)).containsEntry("reopen_count", 1).containsEntry("satisfaction", "basically-satisfied");
  }

  @Test
  void unreachableRequesterIsRecordedAndClosed() {
    ProcessInstance instance = submit("路面坑洼", "C04", null);
    complete(instance, TASK_TRIAGE, "leader-02-03-004", accept("C04", "green"));
    handleAndCallBack(instance);
    complete(instance, TASK_SATISFACTION_REVIEW, "reviewer-02-03", Map.of("satisfaction", "unreachable"));
    assertThat(instance).isEnded();
    assertThat(row(instance)).containsEntry("satisfaction", "unreachable");
  }

  @Test
  void notAdmittedMatterIsDeclinedAndStillGetsFeedback() {
    ProcessInstance instance = submit("邻居欠钱不还，想起诉", "X01", null);
    complete(instance, TASK_TRIAGE, "leader-02-03-004", accept("X01", "green"));

    assertThat(instance).isWaitingAt(TASK_FEEDBACK_CALL);
    assertThat(row(instance)).containsEntry("decline_reason", "not-admitted");
    assertThat((String) row(instance).get("decline_note")).contains("人民法院或仲裁委员会");
    complete(instance, TASK_FEEDBACK_CALL, "worker-02-03-004", Map.of("feedbackNote", "已告知可向法院起诉"));
    assertThat(instance).hasPassed(END_EVENT_DECLINED).hasNotPassed(TASK_SATISFACTION_REVIEW).isEnded();
    assertThat(row(instance)).containsEntry("status", "DECLINED");
  }

  @Test
  void duplicateIsDeclinedWithAReason() {
    ProcessInstance instance = submit("路灯不亮（重复）", "C04", null);
    assertThatThrownBy(() -> complete(instance, TASK_TRIAGE, "leader-02-03-004",
        Map.of("triageDecision", "decline", "declineReason", "duplicate", "gridCode", GRID)))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("triageNote");
    complete(instance, TASK_TRIAGE, "leader-02-03-004", Map.of("triageDecision", "decline",
        "declineReason", "duplicate", "gridCode", GRID, "triageNote", "已有 GC-2026-000001 在办"));
    assertThat(instance).isWaitingAt(TASK_FEEDBACK_CALL);
    assertThat(row(instance)).containsEntry("decline_reason", "duplicate");
  }

  @Test
  void triageCanMoveTheCaseToAnotherGrid() {
    ProcessInstance instance = submit("井盖缺失", "C04", null);
    complete(instance, TASK_TRIAGE, "leader-02-03-004", Map.of("triageDecision", "accept", "categoryCode", "C04",
        "colour", "green", "gridCode", "DC-03-01-002"));
    assertThat(candidateGroups(TASK_HANDLE_GREEN, instance))
        .containsExactlyInAnyOrder("DC-03-01-002.grid-worker", "DC-03-01-002.building-leader");
    assertThat(variable(instance, "communityCode")).isEqualTo("DC-03-01");
    assertThat(row(instance)).containsEntry("grid_code", "DC-03-01-002");
  }

  @Test
  void theHandlerCannotReviewTheirOwnCase() {
    ProcessInstance instance = submit("树枝遮挡路灯", "C04", null);
    complete(instance, TASK_TRIAGE, "leader-02-03-004", accept("C04", "green"));
    complete(instance, TASK_HANDLE_GREEN, "worker-02-03-004", Map.of("handlingAction", "done", "handlingNote", "已修剪"));
    complete(instance, TASK_FEEDBACK_CALL, "worker-02-03-004", Map.of("feedbackNote", "已告知"));
    assertThatThrownBy(() -> complete(instance, TASK_SATISFACTION_REVIEW, "worker-02-03-004",
        Map.of("satisfaction", "satisfied"))).hasRootCauseInstanceOf(InvalidInputException.class);
    assertThat(instance).isWaitingAt(TASK_SATISFACTION_REVIEW);
  }

  @Test
  void triageRulesWeighKeywordsChannelAndCategory() {
    assertThat(variable(submit("楼下着火了", "C01", null), "colour")).as("urgent keyword").isEqualTo("red");
    assertThat(variable(submit("电梯困人", "F03", null), "colour")).as("category default").isEqualTo("yellow");
    assertThat(variable(submit("想了解政策", null, null), "colour")).as("no category").isEqualTo("yellow");
    ProcessInstance mailbox = start(new Submission("给书记写信：小区绿化", "C01", GRID, null, null, null, null,
        "mailbox", null));
    assertThat(variable(mailbox, "colour")).as("书记信箱").isEqualTo("yellow");
  }

  private void handleAndCallBack(ProcessInstance instance) {
    complete(instance, TASK_HANDLE_GREEN, "worker-02-03-004", Map.of("handlingAction", "done", "handlingNote", "已处理"));
    complete(instance, TASK_FEEDBACK_CALL, "worker-02-03-004", Map.of("feedbackNote", "已告知结果"));
  }

  static Map<String, Object> accept(String category, String colour) {
    return Map.of("triageDecision", "accept", "categoryCode", category, "colour", colour, "gridCode", GRID);
  }

  private ProcessInstance submit(String description, String category, String email) {
    return start(new Submission(description, category, GRID, null, "王先生", "13912345678", email, "hotline", null));
  }

  private ProcessInstance start(Submission submission) {
    RequestView request = intake.submit(submission, "hotline-operator").request();
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(request.trackingNumber())
        .singleResult();
  }

  private Task task(String element, ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(element).singleResult();
  }

  private void complete(ProcessInstance instance, String element, String user, Map<String, Object> variables) {
    Task task = task(element, instance);
    assertThat(task).as("open task " + element).isNotNull();
    complete(task, user, variables);
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    taskService.setAssignee(task.getId(), user);
    taskService.complete(task.getId(), variables);
  }

  private List<String> candidateGroups(String element, ProcessInstance instance) {
    return groups(task(element, instance).getId());
  }

  private List<String> groups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream().filter(link -> "candidate".equals(link.getType()))
        .map(IdentityLink::getGroupId).toList();
  }

  private Object variable(ProcessInstance instance, String name) {
    return runtimeService.getVariable(instance.getId(), name);
  }

  private long requestId(ProcessInstance instance) {
    return jdbc.sql("select id from gc_request where tracking_number = ?").param(instance.getBusinessKey())
        .query(Long.class).single();
  }

  private Map<String, Object> row(ProcessInstance instance) {
    Map<String, Object> row = new java.util.HashMap<>();
    jdbc.sql("select * from gc_request where tracking_number = ?").param(instance.getBusinessKey()).query()
        .singleRow().forEach((key, value) -> row.put(key.toLowerCase(java.util.Locale.ROOT), value));
    return row;
  }
}
