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
 * model switches them in parallel jobs, and counts them ({@link SwitchPages}) for the last page to finish. A case
 * arriving later starts in its area's mode already.
 */
@Component("modeSwitchPlanDelegate")
class ModeSwitchPlanDelegate implements JavaDelegate {

  private final Emergencies emergencies;
  private final Requests requests;
  private final EmergencyProperties properties;
  private final SwitchPages switchPages;

  ModeSwitchPlanDelegate(Emergencies emergencies, Requests requests, EmergencyProperties properties,
      SwitchPages switchPages) {
    this.emergencies = emergencies;
    this.requests = requests;
    this.properties = properties;
    this.switchPages = switchPages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Long> pages = new ArrayList<>();
    pages.add(0L);
    pages.addAll(requests.openCaseBoundaries(emergencies.gridsOf(AREA_CODE.get(execution)),
        properties.switchBatchSize()));
    SWITCH_PAGES.set(execution, pages);
    switchPages.planned(execution.getProcessInstanceId(), pages.size());
  }
}
