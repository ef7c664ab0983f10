package org.gridcase.handling;

import static org.gridcase.intake.CitizenRequestProcess.Variables.DEPARTMENT_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.LEAD_CONCLUDED;
import static org.gridcase.intake.CitizenRequestProcess.Variables.LEAD_CONCLUDES;
import static org.gridcase.intake.CitizenRequestProcess.Variables.LEAD_DEPARTMENT;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REPORT_NOTE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridcase.common.TaskInput;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.intake.Requests;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * 部门报到: a department's report. The lead department may conclude the round for everyone, which
 * completes the multi-instance report task through its completion condition.
 */
@Component("departmentReportListener")
class DepartmentReportListener implements TaskListener {

  private final Requests requests;
  private final CurrentUser currentUser;

  DepartmentReportListener(Requests requests, CurrentUser currentUser) {
    this.requests = requests;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String department = DEPARTMENT_CODE.get(task);
    String note = TaskInput.text(task, REPORT_NOTE, true, 4000);
    requests.recordDepartmentReport(REQUEST_ID.get(task), department,
        currentUser.actorOf(task), note);
    if (department.equals(LEAD_DEPARTMENT.getOrNull(task)) && Boolean.TRUE.equals(LEAD_CONCLUDES.getOrNull(task))) {
      LEAD_CONCLUDED.set(task.getExecution().getProcessInstance(), true);
    }
    REPORT_NOTE.remove(task);
    LEAD_CONCLUDES.remove(task);
  }
}
