package org.gridcase.workload;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EndAbsence} (the absence is over) and {@code Task_CancelAbsence} (it was cancelled). */
@Component("endAbsenceDelegate")
class EndAbsenceDelegate implements JavaDelegate {

  private final Absences absences;

  EndAbsenceDelegate(Absences absences) {
    this.absences = absences;
  }

  @Override
  public void execute(DelegateExecution execution) {
    absences.end(AbsenceProcess.Variables.ABSENCE_ID.get(execution));
  }
}
