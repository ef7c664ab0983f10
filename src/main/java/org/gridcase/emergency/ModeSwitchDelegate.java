package org.gridcase.emergency;

import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.AREA_CODE;
import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.LAST_PAGE;
import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.LOOP_COUNTER;
import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.SWITCHED_COUNT;
import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.SWITCH_CURSOR;
import static org.gridcase.emergency.AreaModeSwitchProcess.Variables.SWITCH_PAGES;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.intake.Requests;
import org.gridcase.intake.Requests.OpenCase;
import org.gridcase.organization.OrganizationDirectory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SwitchBatch}: one page of the area's open cases, in its own job and transaction, beside the
 * other pages' jobs; the page that finishes last is told so ({@code lastPage}), and the model then releases the
 * others, which wait for it. Each case goes to the mode its grid is in now (not the mode this switch was started
 * for), so overlapping declarations and lifts converge; cases already in that mode are left alone.
 */
@Component("modeSwitchDelegate")
class ModeSwitchDelegate implements JavaDelegate {

  private final Emergencies emergencies;
  private final ModeSwitcher switcher;
  private final Requests requests;
  private final OrganizationDirectory organization;
  private final EmergencyProperties properties;
  private final SwitchPages switchPages;

  ModeSwitchDelegate(Emergencies emergencies, ModeSwitcher switcher, Requests requests,
      OrganizationDirectory organization, EmergencyProperties properties, SwitchPages switchPages) {
    this.emergencies = emergencies;
    this.switcher = switcher;
    this.requests = requests;
    this.organization = organization;
    this.properties = properties;
    this.switchPages = switchPages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object pages = SWITCH_PAGES.getOrNull(execution);
    if (pages == null) {
      previousVersion(execution);
      return;
    }
    List<?> starts = (List<?>) pages;
    int index = LOOP_COUNTER.get(execution).intValue();
    long after = ((Number) starts.get(index)).longValue();
    long upTo = index + 1 < starts.size() ? ((Number) starts.get(index + 1)).longValue() : Long.MAX_VALUE;
    // At most a page's worth lies in (after, upTo], fewer once cases closed: the limit never cuts it short.
    List<OpenCase> page = requests.openCases(after, emergencies.gridsOf(AREA_CODE.get(execution)),
        properties.switchBatchSize()).stream().filter(openCase -> openCase.id() <= upTo).toList();
    SWITCHED_COUNT.setLocal(execution, switchAll(page));
    LAST_PAGE.setLocal(execution, switchPages.pageDone(execution.getProcessInstanceId()));
  }

  /** A switch started before pages: one page after the cursor per job, in a loop. */
  private void previousVersion(DelegateExecution execution) {
    List<OpenCase> page = requests.openCases(SWITCH_CURSOR.get(execution),
        emergencies.gridsOf(AREA_CODE.get(execution)), properties.switchBatchSize());
    SWITCHED_COUNT.set(execution, SWITCHED_COUNT.get(execution) + switchAll(page));
    SWITCH_CURSOR.set(execution, page.size() < properties.switchBatchSize() ? null : page.get(page.size() - 1).id());
  }

  private long switchAll(List<OpenCase> page) {
    Map<String, String> modeOfGrid = emergencies.modesOf(
        page.stream().map(OpenCase::gridCode).collect(java.util.stream.Collectors.toSet()),
        organization.districtCode());
    Map<OpenCase, String> changes = new LinkedHashMap<>();
    for (OpenCase openCase : page) {
      String mode = modeOfGrid.get(openCase.gridCode());
      if (!mode.equals(openCase.slaMode())) {
        changes.put(openCase, mode);
      }
    }
    return switcher.switchAll(changes);
  }
}
