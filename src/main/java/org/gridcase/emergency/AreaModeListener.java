package org.gridcase.emergency;

import static org.gridcase.intake.CitizenRequestProcess.Variables.GRID_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_MODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.gridcase.intake.Requests;
import org.gridcase.organization.OrganizationDirectory;
import org.springframework.stereotype.Component;

/** A new case starts in its area's mode (after the intake listener set its grid and district). */
@Component("areaModeListener")
class AreaModeListener implements ExecutionListener {

  private final Emergencies emergencies;
  private final Requests requests;
  private final OrganizationDirectory organization;

  AreaModeListener(Emergencies emergencies, Requests requests, OrganizationDirectory organization) {
    this.emergencies = emergencies;
    this.requests = requests;
    this.organization = organization;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String mode = emergencies.modeForNewCase(GRID_CODE.getOrNull(execution), organization.districtCode());
    SLA_MODE.set(execution, mode);
    if (Values.MODE_EMERGENCY.equals(mode)) {
      requests.recordMode(REQUEST_ID.get(execution), mode, null);
    }
  }
}
