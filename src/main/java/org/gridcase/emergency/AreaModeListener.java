package org.gridcase.emergency;

import static org.gridcase.intake.CitizenRequestProcess.Variables.DISTRICT_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.GRID_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_MODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.gridcase.intake.Requests;
import org.springframework.stereotype.Component;

/** A new case starts in its area's mode (after the intake listener set its grid and district). */
@Component("areaModeListener")
class AreaModeListener implements ExecutionListener {

  private final Emergencies emergencies;
  private final Requests requests;

  AreaModeListener(Emergencies emergencies, Requests requests) {
    this.emergencies = emergencies;
    this.requests = requests;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String mode = emergencies.modeForNewCase(GRID_CODE.getOrNull(execution), DISTRICT_CODE.get(execution));
    SLA_MODE.set(execution, mode);
    if (Values.MODE_EMERGENCY.equals(mode)) {
      requests.recordMode(REQUEST_ID.get(execution), mode, null);
    }
  }
}
