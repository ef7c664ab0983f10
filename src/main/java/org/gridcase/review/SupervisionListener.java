package org.gridcase.review;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SUPERVISION_DECISION;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SUPERVISION_NOTE;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.common.TaskInput;
import org.gridcase.handling.HandlingDeadlines;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.gridcase.intake.Requests;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/** 督办 by the community party secretary after a second unsatisfied review: rehandle or close. */
@Component("supervisionListener")
class SupervisionListener implements TaskListener {

  private final Requests requests;
  private final HandlingDeadlines deadlines;
  private final CurrentUser currentUser;

  SupervisionListener(Requests requests, HandlingDeadlines deadlines, CurrentUser currentUser) {
    this.requests = requests;
    this.deadlines = deadlines;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    long requestId = REQUEST_ID.get(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      requests.recordSupervisionStarted(requestId);
      return;
    }
    String decision = TaskInput.choice(task, SUPERVISION_DECISION, Set.of(Values.REHANDLE, "close"));
    String note = TaskInput.text(task, SUPERVISION_NOTE, true, 2000);
    requests.recordSupervised(requestId, currentUser.actorOf(task), decision, note);
    if (Values.REHANDLE.equals(decision)) {
      deadlines.restartHandling(task);
    }
    SUPERVISION_NOTE.remove(task);
  }
}
