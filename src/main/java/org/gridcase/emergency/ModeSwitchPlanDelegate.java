package org.gridcase.emergency;

import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.AREA_CODE;
import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.SWITCH_PAGES;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.intake.Requests;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PlanPages}: splits the area's open cases into pages of {@code switch-batch-size}, so that the
 * model switches them in parallel jobs. A case arriving later starts in its area's mode already.
 */
@Component("modeSwitchPlanDelegate")
class ModeSwitchPlanDelegate implements JavaDelegate {

  private final Emergencies emergencies;
  private final Requests requests;
  private final EmergencyProperties properties;

  ModeSwitchPlanDelegate(Emergencies emergencies, Requests requests, EmergencyProperties properties) {
    this.emergencies = emergencies;
    this.requests = requests;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Long> pages = new ArrayList<>();
    pages.add(0L);
    pages.addAll(requests.openCaseBoundaries(emergencies.gridsOf(AREA_CODE.get(execution)),
        properties.switchBatchSize()));
    SWITCH_PAGES.set(execution, pages);
  }
}
