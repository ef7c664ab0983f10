package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_DEPARTMENT_REPORT;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_GREEN;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CaseFixtures;
import org.gridcase.notification.NotificationProcess.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** New group tasks tell the group's members, once per task and person, over a real SMTP server. */
@GridcaseTest
class GroupTaskNoticesTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static final String GRID = "DC-01-02-003";

  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  CaseFixtures cases;

  @BeforeEach
  void fixtures() {
    cases = new CaseFixtures(context);
  }

  @Test
  void aWhistleMailsTheDepartmentsOfficersOnceEach() throws Exception {
    ProcessInstance instance = cases.inHandling(GRID, "人行道井盖松动，行人易绊倒", "C04", "green");
    Task handling = cases.task(instance, TASK_HANDLE_GREEN);
    assertThat(offeredTo(handling.getId())).as("the grid's workers and building leaders learn of the new case")
        .contains("worker-01-02-003", "building-01-02-003");

    cases.complete(instance, TASK_HANDLE_GREEN, "worker-01-02-003", Map.of("handlingAction", "whistle",
        "handlingNote", "需城管部门协助更换井盖", "whistleDepartments", "D-CG", "leadDepartment", "D-CG"));
    Task call = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(TASK_DEPARTMENT_REPORT).singleResult();
    assertThat(offeredTo(call.getId())).containsExactlyInAnyOrder("officer-cg-1", "officer-cg-2");
    assertThat(smtp.getReceivedMessages()).as("nothing leaves before the business step committed").isEmpty();

    List<Long> batches = batchesOf(call.getId());
    assertThat(batches).as("the step's notices are sent by one job").hasSize(1);
    List<String> jobs = sendJobs(batches.get(0));
    assertThat(jobs).hasSize(1);
    managementService.executeJob(jobs.get(0));
    assertThat(sendJobs(batches.get(0))).as("the instance ended").isEmpty();
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(2);
    assertThat(Arrays.stream(mails).map(GroupTaskNoticesTest::recipient))
        .containsExactlyInAnyOrder("officer-cg-1@demo.gridcase.org", "officer-cg-2@demo.gridcase.org");
    for (MimeMessage mail : mails) {
      assertThat(mail.getSubject()).startsWith("【网格诉求】待领取的新待办：").contains(call.getName());
      assertThat(mail.getContent().toString()).contains("受理编号：" + instance.getBusinessKey())
          .contains("本组待办").contains("/camunda/app/tasklist/");
    }
  }

  @Test
  void claimingATaskOffersNothingMore() {
    ProcessInstance instance = cases.submit(GRID, "楼道灯不亮", "C04");
    Task triage = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    List<String> offered = offeredTo(triage.getId());
    assertThat(offered).as("the grid leader is told of the new triage").contains("leader-01-02-003");
    taskService.setAssignee(triage.getId(), "leader-01-02-003");
    assertThat(offeredTo(triage.getId())).as("claiming offers nothing more").isEqualTo(offered);

    ProcessInstance assigned = cases.inHandling(GRID, "垃圾桶满了", "C04", "green");
    String handling = cases.task(assigned, TASK_HANDLE_GREEN).getId();
    taskService.setAssignee(handling, "worker-01-02-003");
    cases.complete(assigned, TASK_HANDLE_GREEN, "worker-01-02-003", Map.of("handlingAction", "extension",
        "handlingNote", "需等待环卫车", "extensionDays", 2L));
    Task approval = taskService.createTaskQuery().processInstanceId(assigned.getId()).singleResult();
    assertThat(offeredTo(approval.getId())).as("the grid leader approves extensions").contains("leader-01-02-003")
        .doesNotContain("worker-01-02-003");
  }

  private List<String> offeredTo(String taskId) {
    return jdbc.sql("select user_id from gc_notification where notice = 'TASK_OFFERED' and event_key like ?"
        + " order by user_id").param("offered:" + taskId + ":%").query(String.class).list();
  }

  private List<Long> batchesOf(String taskId) {
    return jdbc.sql("select distinct coalesce(batch_id, id) from gc_notification where event_key like ?")
        .param("offered:" + taskId + ":%").query(Long.class).list();
  }

  private List<String> sendJobs(long batch) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
        .processInstanceBusinessKey(Long.toString(batch)).list().stream()
        .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId())
            .activityId(Elements.TASK_SEND_NOTICE).list().stream())
        .map(job -> job.getId()).toList();
  }

  private static String recipient(MimeMessage mail) {
    try {
      return mail.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
