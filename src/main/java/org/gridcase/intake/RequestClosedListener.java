package org.gridcase.intake;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of {@code citizen-request}, closed or declined: the request is closed (办结) with its timestamp. */
@Component("requestClosedListener")
class RequestClosedListener implements ExecutionListener {

  private final Requests requests;

  RequestClosedListener(Requests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    requests.recordClosed(REQUEST_ID.get(execution));
  }
}
