package org.gridcase.escalation;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.gridcase.intake.Requests;
import org.gridcase.workload.Backups;
import org.springframework.stereotype.Component;

/** AB角: the handling task is still unclaimed after its claim window, so the backups' groups may take it too. */
@Component("unclaimedTaskDelegate")
class UnclaimedTaskDelegate implements JavaDelegate {

  private final CaseTasks caseTasks;
  private final Backups backups;
  private final Requests requests;

  UnclaimedTaskDelegate(CaseTasks caseTasks, Backups backups, Requests requests) {
    this.caseTasks = caseTasks;
    this.backups = backups;
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    for (Task task : caseTasks.open(execution.getProcessInstanceId(), Elements.HANDLING_TASKS)) {
      List<String> added = backups.offerToBackups(task.getId());
      if (!added.isEmpty()) {
        requests.recordNote(REQUEST_ID.get(execution), "OFFERED_TO_BACKUP", null, String.join(",", added));
      }
    }
  }
}
