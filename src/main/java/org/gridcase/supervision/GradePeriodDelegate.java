package org.gridcase.supervision;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.calendar.WorkingTime;
import org.springframework.stereotype.Component;

/** {@code Task_GradePeriod}: an odd month began, so the two months before it are graded. */
@Component("gradePeriodDelegate")
class GradePeriodDelegate implements JavaDelegate {

  private final Gradings gradings;
  private final WorkingTime workingTime;

  GradePeriodDelegate(Gradings gradings, WorkingTime workingTime) {
    this.gradings = gradings;
    this.workingTime = workingTime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    YearMonth now = YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(workingTime.zone()));
    YearMonth first = now.minusMonths(2);
    if (first.getMonthValue() % 2 == 0) {
      first = first.minusMonths(1);
    }
    gradings.compute(first.toString(), null);
  }
}
