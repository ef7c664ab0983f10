package org.gridcase.emergency;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gridcase.intake.Requests;
import org.springframework.stereotype.Component;

/** Both reports of the "2" are in: the case is handled and goes to feedback. */
@Component("emergencyResponseListener")
class EmergencyResponseListener implements ExecutionListener {

  private final Requests requests;

  EmergencyResponseListener(Requests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      requests.recordEmergencyHandled(REQUEST_ID.get(execution), null);
    }
  }
}
