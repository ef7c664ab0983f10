package org.gridcase.escalation;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_STAGE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gridcase.intake.Requests;
import org.springframework.stereotype.Component;

/** The handling (or the emergency response) of a case breached its service level: on the record for supervision. */
@Component("overdueListener")
class OverdueListener implements ExecutionListener {

  private final Requests requests;

  OverdueListener(Requests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    requests.recordOverdue(REQUEST_ID.get(execution), SLA_STAGE.getOrNull(execution));
  }
}
