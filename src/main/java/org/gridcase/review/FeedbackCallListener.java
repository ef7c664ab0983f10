package org.gridcase.review;

import static org.gridcase.intake.CitizenRequestProcess.Variables.FEEDBACK_NOTE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.common.TaskInput;
import org.gridcase.intake.Requests;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/** The grid worker phoned the requester (no e-mail address known) and records what was said. */
@Component("feedbackCallListener")
class FeedbackCallListener implements TaskListener {

  private final Requests requests;
  private final CurrentUser currentUser;

  FeedbackCallListener(Requests requests, CurrentUser currentUser) {
    this.requests = requests;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    String note = TaskInput.text(task, FEEDBACK_NOTE, true, 2000);
    requests.recordFedBack(REQUEST_ID.get(task), currentUser.actorOf(task),
        Requests.BY_CALL, note);
    FEEDBACK_NOTE.remove(task);
  }
}
