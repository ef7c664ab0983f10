package org.gridcase.caseform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_DEPARTMENT_REPORT;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_FEEDBACK_CALL;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_GREEN;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_SATISFACTION_REVIEW;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_TRIAGE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.intake.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case file on the forms, over the engine REST API as the people who open them: what each task's form
 * variables carry, names instead of codes, the requester as the reader may see them, nothing for a reader
 * the engine refuses and nothing of it in the engine's history. Also: the handler keeps the case after a
 * whistle round, and a task in an emergency area says so. On H2 and on PostgreSQL.
 */
abstract class CaseFormValuesScenarios {

  @Autowired ApplicationContext context;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  CaseFixtures cases;

  @BeforeEach
  void fixtures() {
    cases = new CaseFixtures(context);
  }

  @Test
  void eachFormCarriesWhatItsTaskNeedsAndTheHandlerGetsTheCaseBack() {
    ProcessInstance instance = cases.submit("DC-01-01-001", "3号楼北侧违建棚子占用消防通道", "A01");
    String number = instance.getBusinessKey();
    cases.complete(instance, TASK_TRIAGE, "leader-01-01-001", Map.of("triageDecision", "accept",
        "gridCode", "DC-01-01-001", "categoryCode", "A01", "colour", "green", "triageNote", "按绿色事项办理"));

    Map<String, String> handling = caseValues(cases.task(instance, TASK_HANDLE_GREEN), "worker-01-01-001");
    assertThat(handling).containsEntry("caseTrackingNumber", number).containsEntry("caseColour", "绿色")
        .containsEntry("caseCategory", "党员联系服务群众").containsEntry("caseDescription", "3号楼北侧违建棚子占用消防通道")
        .doesNotContainKeys("caseRequesterPhone", "caseDepartmentReports", "caseEmergency");
    assertThat(handling.get("casePlace")).contains("第1网格");
    assertThat(handling.get("caseTimeline")).contains("收到诉求", "研判受理　张伟：按绿色事项办理")
        .doesNotContain("leader-01-01-001");

    cases.complete(instance, TASK_HANDLE_GREEN, "worker-01-01-001", Map.of("handlingAction", "whistle",
        "whistleDepartments", "D-CG", "leadDepartment", "D-CG", "handlingNote", "违建需城管依法拆除"));
    Task report = cases.task(instance, TASK_DEPARTMENT_REPORT);
    Map<String, String> call = caseValues(report, "officer-cg-1");
    assertThat(call).containsEntry("caseDepartment", "大川区城市管理局")
        .containsEntry("caseLeadDepartment", "大川区城市管理局").containsEntry("caseWhistleReason", "违建需城管依法拆除")
        .containsEntry("caseDescription", "3号楼北侧违建棚子占用消防通道");
    assertThat(call.get("caseTimeline")).contains("网格吹哨　王芳：大川区城市管理局").doesNotContain("D-CG", "worker-");

    ResponseEntity<String> refused = formVariables(report, "officer-yj-1");
    assertThat(refused.getStatusCode()).as("another department may not read the call").isNotEqualTo(HttpStatus.OK);
    assertThat(refused.getBody()).doesNotContain(number, "违建");

    cases.complete(instance, TASK_DEPARTMENT_REPORT, "officer-cg-1", Map.of("reportNote", "已到场，限期三日拆除",
        "leadConcludes", true));
    Task back = cases.task(instance, TASK_HANDLE_GREEN);
    assertThat(back.getAssignee()).as("the handler keeps the case").isEqualTo("worker-01-01-001");
    assertThat(caseValues(back, "worker-01-01-001").get("caseDepartmentReports"))
        .startsWith("大川区城市管理局（牵头）　徐涛").contains("已到场，限期三日拆除");

    cases.complete(instance, TASK_HANDLE_GREEN, "worker-01-01-001", Map.of("handlingAction", "done",
        "handlingNote", "违建已拆除，通道已畅通"));
    Map<String, String> feedback = caseValues(cases.task(instance, TASK_FEEDBACK_CALL), "worker-01-01-001");
    assertThat(feedback).containsEntry("caseRequesterName", "李女士").containsEntry("caseRequesterPhone", "13700001111")
        .containsEntry("caseResult", "违建已拆除，通道已畅通");
    assertThat(feedback.get("caseHandler")).startsWith("王芳");
    Map<String, String> supervised = caseValues(cases.task(instance, TASK_FEEDBACK_CALL), "supervisor-dc");
    assertThat(supervised).as("a supervisor sees the requester masked")
        .containsEntry("caseRequesterPhone", "137****1111").containsEntry("caseRequesterName", "李**");

    cases.complete(instance, TASK_FEEDBACK_CALL, "worker-01-01-001", Map.of("feedbackNote", "已电话告知"));
    Map<String, String> review = caseValues(cases.task(instance, TASK_SATISFACTION_REVIEW), "reviewer-01-01");
    assertThat(review).containsEntry("caseResult", "违建已拆除，通道已畅通")
        .containsEntry("caseRequesterPhone", "13700001111");
    assertThat(review.get("caseTimeline")).contains("部门报到　徐涛：大川区城市管理局：已到场", "办结　王芳",
        "电话反馈　王芳");

    assertThat(jdbc.sql("select count(*) from act_hi_varinst where name_ like 'case%'").query(Integer.class).single()
        + jdbc.sql("select count(*) from act_ru_variable where name_ like 'case%'").query(Integer.class).single())
        .as("the case file is never a variable").isZero();
    assertThat(jdbc.sql("select count(*) from act_hi_detail where text_ = '13700001111' or text2_ = '13700001111'")
        .query(Integer.class).single()).isZero();
  }

  @Test
  void aTaskInAnEmergencyAreaSaysSoAndLosesItWhenTheEmergencyIsLifted() {
    ProcessInstance instance = cases.inHandling("DC-03-05-001", "村口桥面积水", "A01", "green");
    Task before = cases.task(instance, TASK_HANDLE_GREEN);
    assertThat(before.getName()).startsWith("【绿】办理");
    ResponseEntity<JsonNode> declared = rest.withBasicAuth("supervisor-dc", "demo").postForEntity("/api/emergencies",
        Map.of("areaCode", "DC-03-05", "reason", "山洪预警"), JsonNode.class);
    assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    try {
      runModeSwitches();
      Task during = cases.task(instance, TASK_HANDLE_GREEN);
      assertThat(during.getName()).isEqualTo("【应急】" + before.getName());
      assertThat(caseValues(during, "worker-03-05-001")).containsKey("caseEmergency");

      cases.complete(instance, TASK_HANDLE_GREEN, "worker-03-05-001", Map.of("handlingAction", "extension",
          "extensionDays", 2, "handlingNote", "等待水退"));
      assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getName())
          .as("a task created in emergency mode").startsWith("【应急】延期审批");
    } finally {
      rest.withBasicAuth("supervisor-dc", "demo").postForEntity("/api/emergencies/" + declared.getBody().get("id")
          .asLong() + "/lift", Map.of("reason", "预警解除"), JsonNode.class);
      runModeSwitches();
    }
    Task after = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(after.getName()).startsWith("延期审批");
    assertThat(caseValues(after, "leader-03-05-001")).doesNotContainKey("caseEmergency");
  }

  private void runModeSwitches() {
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().processDefinitionKey("area-mode-switch").executable().list())
        .isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  private ResponseEntity<String> formVariables(Task task, String user) {
    return rest.withBasicAuth(user, "demo").getForEntity("/engine-rest/task/" + task.getId() + "/form-variables",
        String.class);
  }

  /** The case… values of a task's form variables as {@code user} reads them; empty when refused. */
  private Map<String, String> caseValues(Task task, String user) {
    ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo").getForEntity(
        "/engine-rest/task/" + task.getId() + "/form-variables", JsonNode.class);
    Map<String, String> values = new HashMap<>();
    if (answer.getStatusCode() == HttpStatus.OK) {
      answer.getBody().fields().forEachRemaining(field -> {
        if (field.getKey().startsWith(CaseFormValues.PREFIX)) {
          values.put(field.getKey(), field.getValue().path("value").asText());
        }
      });
    }
    return values;
  }
}
