package org.gridcase.calendar;

import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * A Camunda business calendar that counts plain durations (P1D, PT2H, P1DT4H) in working time and
 * hands everything else to the engine's own calendar it replaces: dates (2026-12-01T10:00:00),
 * repetitions and intervals (R3/PT1H), and years or months (P1M), which have no working-time length.
 */
class WorkingTimeBusinessCalendar implements BusinessCalendar {

  private final WorkingTime workingTime;
  private final BusinessCalendar fallback;

  WorkingTimeBusinessCalendar(WorkingTime workingTime, BusinessCalendar fallback) {
    this.workingTime = workingTime;
    this.fallback = fallback;
  }

  @Override
  public Date resolveDuedate(String duedateDescription) {
    return resolveDuedate(duedateDescription, (Date) null);
  }

  /** Like the engine's calendars, a task's due date counts from now: the task is being created. */
  @Override
  public Date resolveDuedate(String duedateDescription, Task task) {
    return resolveDuedate(duedateDescription, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Date startDate) {
    if (IsoDuration.tryParse(duedateDescription).isEmpty()) {
      return fallback.resolveDuedate(duedateDescription, startDate);
    }
    Date start = startDate == null ? ClockUtil.getCurrentTime() : startDate;
    return Date.from(workingTime.plus(start.toInstant(), duedateDescription, Clock.WORKING_TIME));
  }
}
