package org.gridcase.emergency;

import static org.gridcase.intake.CitizenRequestProcess.Variables.ADMITTED;
import static org.gridcase.intake.CitizenRequestProcess.Variables.COLOUR;
import static org.gridcase.intake.CitizenRequestProcess.Variables.COLOUR_LABEL;
import static org.gridcase.intake.CitizenRequestProcess.Variables.DISPATCH_NOTE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.common.TaskInput;
import org.gridcase.intake.Requests;
import org.gridcase.matters.Colour;
import org.gridcase.security.CurrentUser;
import org.gridcase.sla.ServiceLevels;
import org.springframework.stereotype.Component;

/**
 * 应急派单 by the district liaison leader: the case is accepted (red unless triage said otherwise) and both
 * report tasks of the "2" are created in this same transaction by the parallel gateway after the task.
 */
@Component("emergencyDispatchListener")
class EmergencyDispatchListener implements TaskListener {

  private final Requests requests;
  private final ServiceLevels serviceLevels;
  private final CurrentUser currentUser;

  EmergencyDispatchListener(Requests requests, ServiceLevels serviceLevels, CurrentUser currentUser) {
    this.requests = requests;
    this.serviceLevels = serviceLevels;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String note = TaskInput.text(task, DISPATCH_NOTE, true, 2000);
    Colour colour = Colour.ofKey(COLOUR.getOrNull(task)).orElse(Colour.RED);
    COLOUR.set(task, colour.key());
    COLOUR_LABEL.set(task, colour.label());
    ADMITTED.set(task, true);
    // The response's own service level (the sub-process's stage), not the dispatch task's.
    var response = ((org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity) task.getExecution()).getParent();
    requests.recordEmergencyDispatched(REQUEST_ID.get(task), currentUser.actorOf(task), colour.key(),
        serviceLevels.dueAt(response).toInstant(), note);
    DISPATCH_NOTE.remove(task);
  }
}
