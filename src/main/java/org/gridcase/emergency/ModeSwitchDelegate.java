package org.gridcase.emergency;

import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.AREA_CODE;
import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.SWITCHED_COUNT;
import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.SWITCH_CURSOR;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.intake.Requests;
import org.gridcase.intake.Requests.OpenCase;
import org.gridcase.organization.OrganizationDirectory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SwitchBatch}: one page of the area's open cases, in its own job and transaction. Each case
 * goes to the mode its grid is in now (not the mode this switch was started for), so overlapping
 * declarations and lifts converge; cases already in that mode are left alone.
 */
@Component("modeSwitchDelegate")
class ModeSwitchDelegate implements JavaDelegate {

  private final Emergencies emergencies;
  private final ModeSwitcher switcher;
  private final Requests requests;
  private final OrganizationDirectory organization;
  private final EmergencyProperties properties;

  ModeSwitchDelegate(Emergencies emergencies, ModeSwitcher switcher, Requests requests,
      OrganizationDirectory organization, EmergencyProperties properties) {
    this.emergencies = emergencies;
    this.switcher = switcher;
    this.requests = requests;
    this.organization = organization;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String district = organization.districtCode();
    List<OpenCase> page = requests.openCases(SWITCH_CURSOR.get(execution),
        emergencies.gridsOf(AREA_CODE.get(execution)), properties.switchBatchSize());
    Map<String, String> modeOfGrid = new HashMap<>();
    long switched = SWITCHED_COUNT.get(execution);
    for (OpenCase openCase : page) {
      String mode = modeOfGrid.computeIfAbsent(String.valueOf(openCase.gridCode()),
          grid -> emergencies.modeOf(openCase.gridCode(), district));
      if (!mode.equals(openCase.slaMode()) && switcher.switchTo(openCase, mode)) {
        switched++;
      }
    }
    SWITCHED_COUNT.set(execution, switched);
    SWITCH_CURSOR.set(execution, page.size() < properties.switchBatchSize() ? null : page.get(page.size() - 1).id());
  }
}
