package org.gridcase.supervision;

import static org.gridcase.common.ProcessVariable.dateVariable;
import static org.gridcase.common.ProcessVariable.stringVariable;

import java.util.Date;
import org.gridcase.common.ProcessVariable;

/** The process API of {@code processes/monthly-bulletin.bpmn}: 月通报 on the first working day of a month. */
final class MonthlyBulletinProcess {

  static final String KEY = "monthly-bulletin";

  static final class Elements {
    static final String START_EVENT_MONTH_BEGINS = "StartEvent_MonthBegins";
    static final String TIMER_FIRST_WORKING_MORNING = "IntermediateTimer_FirstWorkingMorning";
    static final String TASK_PUBLISH_BULLETINS = "Task_PublishBulletins";

    private Elements() {
    }
  }

  static final class Variables {
    /** The month reported on, e.g. 2026-10 (the month before the one that began). */
    static final ProcessVariable<String> MONTH = stringVariable("month");
    static final ProcessVariable<Date> PUBLISH_AT = dateVariable("publishAt");

    private Variables() {
    }
  }

  private MonthlyBulletinProcess() {
  }
}
