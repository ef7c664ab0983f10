package org.gridcase.intake;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of {@code citizen-request}: the request is closed (办结) with its timestamp. */
@Component("requestClosedListener")
class RequestClosedListener implements ExecutionListener {

  private final RequestIntake intake;

  RequestClosedListener(RequestIntake intake) {
    this.intake = intake;
  }

  @Override
  public void notify(DelegateExecution execution) {
    intake.close(REQUEST_ID.get(execution));
  }
}
