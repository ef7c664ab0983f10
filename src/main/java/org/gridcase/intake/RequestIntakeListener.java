package org.gridcase.intake;

import static org.gridcase.intake.CitizenRequestProcess.Variables.CATEGORY_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.DESCRIPTION;
import static org.gridcase.intake.CitizenRequestProcess.Variables.GRID_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUESTER_PHONE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.TRACKING_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.gridcase.intake.RequestIntake.Submission;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Start of {@code citizen-request}. Requests from the API arrive stored, with their routing facts; one
 * started from the Tasklist start form (a grid worker on patrol) is stored here, and its form inputs
 * are replaced by the routing facts.
 */
@Component("requestIntakeListener")
class RequestIntakeListener implements ExecutionListener {

  private final RequestIntake intake;
  private final CurrentUser currentUser;

  RequestIntakeListener(RequestIntake intake, CurrentUser currentUser) {
    this.intake = intake;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (REQUEST_ID.getOrNull(execution) != null) {
      return;
    }
    Submission submission = new Submission(DESCRIPTION.getOrNull(execution), CATEGORY_CODE.text(execution),
        GRID_CODE.text(execution), null, null, REQUESTER_PHONE.text(execution), null, "patrol", null);
    VariableMap facts = intake.collectFromStartForm(submission, currentUser.idIfAuthenticated().orElse(null),
        execution.getProcessInstanceId());
    DESCRIPTION.remove(execution);
    REQUESTER_PHONE.remove(execution);
    execution.setVariables(facts);
    execution.setProcessBusinessKey(TRACKING_NUMBER.get(execution));
  }
}
