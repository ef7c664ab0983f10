package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/** Which task queries may skip the authorization join: only those that already admit the caller's own work. */
class InboxAuthorizationManagerTest {

  private static final Authentication WORKER = new Authentication("worker-01-01-001",
      List.of("DC-01-01-001.grid-worker", "gridcase-handlers"));

  @Test
  void ownCandidateGroupsOrOwnAssignmentsSkipTheJoin() {
    assertThat(shortcut(query().taskCandidateGroupIn(List.of("DC-01-01-001.grid-worker")))).isTrue();
    assertThat(shortcut(query().taskCandidateGroup("DC-01-01-001.grid-worker"))).isTrue();
    assertThat(shortcut(query().taskAssignee("worker-01-01-001"))).isTrue();
  }

  @Test
  void anyOtherCriterionKeepsTheFullCheck() {
    assertThat(shortcut(query())).as("no restriction").isFalse();
    assertThat(shortcut(query().taskCandidateGroupIn(List.of("DC-01-01-001.grid-worker", "DC-04-01-001.grid-worker"))))
        .as("another grid's group among mine").isFalse();
    assertThat(shortcut(query().taskCandidateGroup("DC-04-01-001.grid-worker"))).isFalse();
    assertThat(shortcut(query().taskCandidateGroupLike("DC-01-01-001%"))).as("a group pattern").isFalse();
    assertThat(shortcut(query().taskCandidateGroupIn(List.of("DC-01-01-001.grid-worker"))
        .taskCandidateGroupLike("%"))).as("a pattern beside my group widens it").isFalse();
    assertThat(shortcut(query().taskAssignee("leader-01-01-001"))).as("someone else's tasks").isFalse();
    assertThat(InboxAuthorizationManager.restrictedToOwnWork(
        (TaskQueryImpl) query().taskAssignee("worker-01-01-001"), new Authentication(null, List.of()))).isFalse();
  }

  private static TaskQueryImpl query() {
    return new TaskQueryImpl();
  }

  private static boolean shortcut(org.camunda.bpm.engine.task.TaskQuery query) {
    return InboxAuthorizationManager.restrictedToOwnWork((TaskQueryImpl) query, WORKER);
  }
}
