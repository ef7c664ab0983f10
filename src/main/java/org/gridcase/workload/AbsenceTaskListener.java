package org.gridcase.workload;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * "An absent person gets no new tasks", on every user task of every process ({@link AbsenceEnginePlugin}
 * adds it): on create, groups whose members are all away get their backups' groups as candidates too;
 * on assignment, a task assigned to someone away goes to their backup, and {@link TaskAssigned} tells
 * who got it.
 */
@Component("absenceTaskListener")
class AbsenceTaskListener implements TaskListener {

  private final Backups backups;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;

  AbsenceTaskListener(Backups backups, CurrentUser currentUser, ApplicationEventPublisher events) {
    this.backups = backups;
    this.currentUser = currentUser;
    this.events = events;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> task.addCandidateGroups(
          backups.backupGroupsForAbsentGroups(Backups.candidateGroups(task.getCandidates())));
      case EVENTNAME_ASSIGNMENT -> assigned(task);
      default -> {
        // Only create and assignment are registered.
      }
    }
  }

  private void assigned(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return; // unclaimed: nobody to tell
    }
    String standIn = backups.handOverIfAbsent(task.getId(), task.getName(), assignee,
        Backups.candidateGroups(task.getCandidates())).orElse(assignee);
    if (!standIn.equals(assignee)) {
      task.setAssignee(standIn);
    }
    events.publishEvent(new TaskAssigned(task.getId(), task.getName(), task.getProcessInstanceId(), standIn,
        currentUser.idIfAuthenticated().orElse(null)));
  }
}
