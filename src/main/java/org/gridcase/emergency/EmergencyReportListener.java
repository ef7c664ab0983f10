package org.gridcase.emergency;

import static org.gridcase.intake.CitizenRequestProcess.Variables.EMERGENCY_PART;
import static org.gridcase.intake.CitizenRequestProcess.Variables.EMERGENCY_REPORT_NOTE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.common.TaskInput;
import org.gridcase.intake.Requests;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/** A report of the "2": what the community party committee or the grid party organisation did. */
@Component("emergencyReportListener")
class EmergencyReportListener implements TaskListener {

  private static final Map<String, String> PARTS = Map.of("community", "社区党委", "grid", "网格党组织");

  private final Requests requests;
  private final CurrentUser currentUser;

  EmergencyReportListener(Requests requests, CurrentUser currentUser) {
    this.requests = requests;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String note = TaskInput.text(task, EMERGENCY_REPORT_NOTE, true, 4000);
    String part = EMERGENCY_PART.get(task);
    requests.recordEmergencyReport(REQUEST_ID.get(task), PARTS.getOrDefault(part, part), currentUser.actorOf(task),
        note);
    EMERGENCY_REPORT_NOTE.remove(task);
  }
}
