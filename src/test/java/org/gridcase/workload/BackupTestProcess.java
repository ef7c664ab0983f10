package org.gridcase.workload;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test-only process {@code backup-test} (one user task, {@code Task_Work}, offered to the groups given
 * at the start), so these tests do not depend on the citizen-request model; and the clean-up after them.
 */
final class BackupTestProcess {

  static final String KEY = "backup-test";
  static final String TASK_NAME = "测试待办";

  private BackupTestProcess() {
  }

  static void deployOnce(ProcessEngine engine) {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      engine.getRepositoryService().createDeployment().name(KEY)
          .addClasspathResource("org/gridcase/workload/backup-test.bpmn").deploy();
    }
  }

  /** Starts an instance and returns the id of its task. */
  static String startTask(ProcessEngine engine, String candidateGroups, String assignee) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(KEY, Variables.createVariables()
        .putValue("candidateGroups", candidateGroups).putValue("assignee", assignee)).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  static List<String> candidateGroups(ProcessEngine engine, String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).toList();
  }

  static List<String> absentMembers(IdentityService identityService) {
    return identityService.createUserQuery().memberOfGroup(Absences.ABSENT_GROUP).list().stream()
        .map(User::getId).toList();
  }

  /** Leaves nothing for the next test: the clock, the instances, the absences and who is listed as away. */
  static void cleanUp(ProcessEngine engine, JdbcClient jdbc) {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    for (String key : List.of(KEY, AbsenceProcess.KEY)) {
      engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).list()
          .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test clean-up"));
    }
    jdbc.sql("delete from gc_task_handover").update();
    jdbc.sql("delete from gc_absence").update();
    absentMembers(engine.getIdentityService())
        .forEach(user -> engine.getIdentityService().deleteMembership(user, Absences.ABSENT_GROUP));
  }
}
