package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CaseFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The engine runs a worker's own-group inbox query without the authorization join: the task's candidate link
 * decides. Proven by removing the group's authorization row of one task: the inbox still lists it, a query that
 * is not restricted to the worker's groups does not.
 */
@GridcaseTest
class InboxShortcutTest {

  static final String WORKER = "worker-01-01-001";
  static final String GROUP = "DC-01-01-001.grid-worker";

  @Autowired ApplicationContext context;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RuntimeService runtimeService;

  private ProcessInstance instance;

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    if (instance != null) {
      runtimeService.deleteProcessInstance(instance.getId(), "test cleanup");
    }
  }

  @Test
  void anOwnGroupInboxFollowsTheCandidateLink() {
    instance = new CaseFixtures(context).inHandling("DC-01-01-001", "路灯不亮", "C04", "green");
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
        .groupIdIn(GROUP).list().forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));

    identityService.setAuthentication(WORKER, List.of(GROUP, AccessGroups.HANDLERS));
    assertThat(taskService.createTaskQuery().taskCandidateGroupIn(List.of(GROUP)).processInstanceId(instance.getId())
        .list()).extracting(Task::getId).containsExactly(task.getId());
    assertThat(taskService.createTaskQuery().taskCandidateGroupIn(List.of(GROUP)).processInstanceId(instance.getId())
        .count()).isOne();
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).list())
        .as("unrestricted: the full authorization check").isEmpty();
  }
}
