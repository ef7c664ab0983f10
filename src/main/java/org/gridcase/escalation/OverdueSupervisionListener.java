package org.gridcase.escalation;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REASSIGN_TO;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.URGE_NOTE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.common.TaskInput;
import org.gridcase.common.TaskInput.InvalidInputException;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.gridcase.intake.Requests;
import org.gridcase.security.CurrentUser;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * 超时督办 done: the leader's instruction goes on the record. The handler keeps the case unless the leader
 * names someone else, who then gets the open handling task (the leader cannot see that task, so the
 * system assigns it).
 */
@Component("overdueSupervisionListener")
class OverdueSupervisionListener implements TaskListener {

  private final Requests requests;
  private final CaseTasks caseTasks;
  private final SystemAccess system;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CurrentUser currentUser;

  OverdueSupervisionListener(Requests requests, CaseTasks caseTasks, SystemAccess system, @Lazy TaskService tasks,
      @Lazy IdentityService identity, CurrentUser currentUser) {
    this.requests = requests;
    this.caseTasks = caseTasks;
    this.system = system;
    this.tasks = tasks;
    this.identity = identity;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String note = TaskInput.text(task, URGE_NOTE, true, 2000);
    String reassignTo = REASSIGN_TO.text(task);
    long requestId = REQUEST_ID.get(task);
    String actor = currentUser.actorOf(task);
    if (reassignTo != null) {
      boolean known = system.call(() -> identity.createUserQuery().userId(reassignTo).count() == 1);
      if (!known) {
        throw new InvalidInputException(REASSIGN_TO.name(), "未知用户 '" + reassignTo + "'");
      }
      for (Task handling : caseTasks.open(task.getProcessInstanceId(), Elements.HANDLING_TASKS)) {
        system.run(() -> tasks.setAssignee(handling.getId(), reassignTo));
      }
      requests.recordNote(requestId, "REASSIGNED", actor, reassignTo);
    }
    requests.recordNote(requestId, "SUPERVISED_OVERDUE", actor, note);
    URGE_NOTE.remove(task);
    REASSIGN_TO.remove(task);
  }
}
