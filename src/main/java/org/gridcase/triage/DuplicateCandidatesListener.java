package org.gridcase.triage;

import static org.gridcase.intake.CitizenRequestProcess.Variables.CATEGORY_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.DUPLICATE_CANDIDATES;
import static org.gridcase.intake.CitizenRequestProcess.Variables.GRID_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Creation of 研判: lists possible duplicates on the task, for the triage form. */
@Component("duplicateCandidatesListener")
class DuplicateCandidatesListener implements TaskListener {

  private final DuplicateCandidates duplicates;

  DuplicateCandidatesListener(DuplicateCandidates duplicates) {
    this.duplicates = duplicates;
  }

  @Override
  public void notify(DelegateTask task) {
    String list = duplicates.listFor(REQUEST_ID.get(task), GRID_CODE.text(task), CATEGORY_CODE.text(task));
    if (list != null) {
      DUPLICATE_CANDIDATES.setLocal(task, list);
    }
  }
}
