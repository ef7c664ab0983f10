package org.gridcase.workload;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_HandOverTasks}: the absence begins. */
@Component("handOverTasksDelegate")
class HandOverTasksDelegate implements JavaDelegate {

  private final Absences absences;

  HandOverTasksDelegate(Absences absences) {
    this.absences = absences;
  }

  @Override
  public void execute(DelegateExecution execution) {
    absences.begin(AbsenceProcess.Variables.ABSENCE_ID.get(execution));
  }
}
