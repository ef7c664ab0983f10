package org.gridcase.handling;

import static org.gridcase.intake.CitizenRequestProcess.Variables.APPROVAL_NOTE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.EXTENSION_APPROVED;
import static org.gridcase.intake.CitizenRequestProcess.Variables.EXTENSION_DAYS;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.common.TaskInput;
import org.gridcase.intake.Requests;
import org.gridcase.security.CurrentUser;
import org.springframework.stereotype.Component;

/** 延期审批 by the level above: approved pushes the handling due date back; either way handling goes on. */
@Component("extensionDecisionListener")
class ExtensionDecisionListener implements TaskListener {

  private final Requests requests;
  private final HandlingDeadlines deadlines;
  private final CurrentUser currentUser;

  ExtensionDecisionListener(Requests requests, HandlingDeadlines deadlines, CurrentUser currentUser) {
    this.requests = requests;
    this.deadlines = deadlines;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean approved = Boolean.TRUE.equals(EXTENSION_APPROVED.getOrNull(task));
    String note = TaskInput.text(task, APPROVAL_NOTE, false, 1000);
    Instant due = approved ? deadlines.extend(task, EXTENSION_DAYS.get(task).intValue()) : null;
    requests.recordExtensionDecided(REQUEST_ID.get(task), currentUser.actorOf(task), approved, due, note);
    EXTENSION_DAYS.remove(task);
    EXTENSION_APPROVED.remove(task);
    APPROVAL_NOTE.remove(task);
  }
}
