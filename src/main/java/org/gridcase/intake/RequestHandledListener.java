package org.gridcase.intake;

import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLING_NOTE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Completion of the handling task: the note goes to gc_request with who handled it. */
@Component("requestHandledListener")
class RequestHandledListener implements TaskListener {

  private final RequestIntake intake;
  private final CurrentUser currentUser;

  RequestHandledListener(RequestIntake intake, CurrentUser currentUser) {
    this.intake = intake;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String note = HANDLING_NOTE.getOrNull(task);
    if (note == null || note.isBlank()) {
      throw new InvalidRequestException(HANDLING_NOTE.name(), "请填写办理情况 (handling note is required)");
    }
    intake.recordHandling(REQUEST_ID.get(task), currentUser.idIfAuthenticated().orElse(task.getAssignee()), note);
  }
}
