package org.gridcase.intake;

import static org.gridcase.intake.CitizenRequestProcess.Variables.DESCRIPTION;
import static org.gridcase.intake.CitizenRequestProcess.Variables.GRID_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.TRACKING_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gridcase.intake.RequestRepository.StoredRequest;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Start of {@code citizen-request}: stores the collected request, makes its tracking number the business
 * key and keeps only ids and routing facts in the process.
 */
@Component("requestIntakeListener")
class RequestIntakeListener implements ExecutionListener {

  static final String CHANNEL_PATROL = "patrol";

  private final RequestIntake intake;
  private final CurrentUser currentUser;

  RequestIntakeListener(RequestIntake intake, CurrentUser currentUser) {
    this.intake = intake;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateExecution execution) {
    StoredRequest stored = intake.collect(GRID_CODE.getOrNull(execution), DESCRIPTION.getOrNull(execution),
        CHANNEL_PATROL, currentUser.idIfAuthenticated().orElse(null), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(stored.trackingNumber());
    GRID_CODE.set(execution, GRID_CODE.get(execution).strip());
    REQUEST_ID.set(execution, stored.id());
    TRACKING_NUMBER.set(execution, stored.trackingNumber());
    execution.removeVariable(DESCRIPTION.name());
  }
}
