package org.gridcase.supervision;

import static org.gridcase.supervision.MonthlyBulletinProcess.Variables.MONTH;
import static org.gridcase.supervision.MonthlyBulletinProcess.Variables.PUBLISH_AT;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.calendar.WorkingTime;
import org.springframework.stereotype.Component;

/** The two steps of {@code monthly-bulletin}: when to publish, and publishing. */
class BulletinDelegates {

  private BulletinDelegates() {
  }

  /** A month began: the bulletins of the previous month go out on this month's first working morning. */
  @Component("scheduleBulletinDelegate")
  static class Schedule implements JavaDelegate {

    private final Bulletins bulletins;
    private final WorkingTime workingTime;

    Schedule(Bulletins bulletins, WorkingTime workingTime) {
      this.bulletins = bulletins;
      this.workingTime = workingTime;
    }

    @Override
    public void execute(DelegateExecution execution) {
      YearMonth now = YearMonth.from(ClockUtil.getCurrentTime().toInstant().atZone(workingTime.zone()));
      MONTH.set(execution, now.minusMonths(1).toString());
      PUBLISH_AT.set(execution, bulletins.firstWorkingMorning(now, workingTime));
    }
  }

  @Component("publishBulletinsDelegate")
  static class Publish implements JavaDelegate {

    private final Bulletins bulletins;

    Publish(Bulletins bulletins) {
      this.bulletins = bulletins;
    }

    @Override
    public void execute(DelegateExecution execution) {
      bulletins.publish(YearMonth.parse(MONTH.get(execution)), null);
    }
  }
}
