package org.gridcase.intake;

import static org.gridcase.common.ProcessVariable.longVariable;
import static org.gridcase.common.ProcessVariable.stringVariable;

import org.gridcase.common.ProcessVariable;

/**
 * The process API of {@code processes/citizen-request.bpmn}: its key, element ids and variables.
 * Nothing else in Java spells these names.
 */
public final class CitizenRequestProcess {

  public static final String KEY = "citizen-request";

  public static final class Elements {
    public static final String START_EVENT = "StartEvent_RequestCollected";
    public static final String TASK_HANDLE = "Task_HandleRequest";
    public static final String END_EVENT = "EndEvent_RequestClosed";

    private Elements() {
    }
  }

  public static final class Variables {
    /** Grid the request belongs to; candidate groups of the tasks are derived from it. */
    public static final ProcessVariable<String> GRID_CODE = stringVariable("gridCode");
    /** Entered on the start form only; stored in gc_request and then dropped from the process. */
    public static final ProcessVariable<String> DESCRIPTION = stringVariable("description");
    public static final ProcessVariable<Long> REQUEST_ID = longVariable("requestId");
    public static final ProcessVariable<String> TRACKING_NUMBER = stringVariable("trackingNumber");
    /** What the handler did (办理情况), entered on the handling form. */
    public static final ProcessVariable<String> HANDLING_NOTE = stringVariable("handlingNote");

    private Variables() {
    }
  }

  private CitizenRequestProcess() {
  }
}
