package org.gridcase.workload;

import static org.gridcase.common.ProcessVariable.dateVariable;
import static org.gridcase.common.ProcessVariable.longVariable;
import static org.gridcase.common.ProcessVariable.stringVariable;

import java.util.Date;
import org.gridcase.common.ProcessVariable;

/**
 * The process API of {@code processes/absence.bpmn}: one instance per declared absence, which waits for
 * its start, hands the person's tasks over, waits for its end and ends it; a cancellation message ends it
 * early from any of these waits.
 */
final class AbsenceProcess {

  static final String KEY = "absence";
  /** Interrupts the absence wherever it waits, see {@code SubProcess_AbsenceCancelled}. */
  static final String MESSAGE_CANCELLED = "AbsenceCancelled";

  /** Element ids, as in the BPMN. */
  static final class Elements {
    static final String START_EVENT = "StartEvent_AbsenceDeclared";
    static final String TIMER_ABSENCE_BEGINS = "IntermediateTimer_AbsenceBegins";
    static final String TASK_HAND_OVER_TASKS = "Task_HandOverTasks";
    static final String TIMER_ABSENCE_ENDS = "IntermediateTimer_AbsenceEnds";
    static final String TASK_END_ABSENCE = "Task_EndAbsence";
    static final String END_EVENT_OVER = "EndEvent_AbsenceOver";
    static final String SUB_PROCESS_CANCELLED = "SubProcess_AbsenceCancelled";
    static final String START_EVENT_CANCELLED = "StartEvent_AbsenceCancelled";
    static final String TASK_CANCEL_ABSENCE = "Task_CancelAbsence";
    static final String END_EVENT_CANCELLED = "EndEvent_AbsenceCancelled";

    private Elements() {
    }
  }

  /** Variables; the reason stays in gc_absence. */
  static final class Variables {
    /** gc_absence.id. */
    static final ProcessVariable<Long> ABSENCE_ID = longVariable("absenceId");
    /** Who is away (a user id, no personal data). */
    static final ProcessVariable<String> PERSON_ID = stringVariable("personId");
    /** Read by {@code IntermediateTimer_AbsenceBegins}. */
    static final ProcessVariable<Date> ABSENT_FROM = dateVariable("absentFrom");
    /** Read by {@code IntermediateTimer_AbsenceEnds}. */
    static final ProcessVariable<Date> ABSENT_UNTIL = dateVariable("absentUntil");

    private Variables() {
    }
  }

  private AbsenceProcess() {
  }
}
