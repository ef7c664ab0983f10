package org.gridcase.handling;

import static org.gridcase.intake.CitizenRequestProcess.Variables.LEAD_CONCLUDED;
import static org.gridcase.intake.CitizenRequestProcess.Variables.LEAD_DEPARTMENT;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.WHISTLE_DEPARTMENT_LIST;
import static org.gridcase.intake.CitizenRequestProcess.Variables.WHISTLE_STARTED_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gridcase.intake.Requests;
import org.springframework.stereotype.Component;

/** All departments reported (or the lead concluded): the case is back with its handler. */
@Component("whistleRoundEndedListener")
class WhistleRoundEndedListener implements ExecutionListener {

  private final Requests requests;

  WhistleRoundEndedListener(Requests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    requests.recordBackInHandling(REQUEST_ID.get(execution));
    WHISTLE_DEPARTMENT_LIST.remove(execution);
    LEAD_DEPARTMENT.remove(execution);
    LEAD_CONCLUDED.remove(execution);
    WHISTLE_STARTED_AT.remove(execution);
  }
}
