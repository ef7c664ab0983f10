package org.gridcase.emergency;

import static org.gridcase.common.ProcessVariable.anyVariable;
import static org.gridcase.common.ProcessVariable.longVariable;
import static org.gridcase.common.ProcessVariable.stringVariable;

import org.gridcase.common.ProcessVariable;

/**
 * The process API of {@code processes/area-mode-switch.bpmn}: switching the open cases of an area, its pages
 * in parallel.
 */
final class AreaModeSwitchProcess {

  static final String KEY = "area-mode-switch";

  static final class Elements {
    static final String TASK_PLAN_PAGES = "Task_PlanPages";
    static final String TASK_SWITCH_BATCH = "Task_SwitchBatch";
    static final String EVENT_ALL_PAGES_SWITCHED = "Event_AllPagesSwitched";
    static final String EVENT_RELEASE_PAGES = "Event_ReleasePages";
    static final String END_EVENT_PAGE_RELEASED = "EndEvent_PageReleased";

    private Elements() {
    }
  }

  static final class Variables {
    /** The district, street or community whose cases switch. */
    static final ProcessVariable<String> AREA_CODE = stringVariable("areaCode");
    static final ProcessVariable<Long> EMERGENCY_ID = longVariable("emergencyId");
    /**
     * The pages of open cases to switch, one instance of the page sub-process each: the id after which each
     * page starts, oldest first (a JSON list of numbers; the next page's start is where this page ends).
     */
    static final ProcessVariable<Object> SWITCH_PAGES = anyVariable("switchPages");
    /** The engine's index of a page sub-process instance in {@link #SWITCH_PAGES}. */
    static final ProcessVariable<Number> LOOP_COUNTER = ProcessVariable.numberVariable("loopCounter");
    /** Id of the last case looked at; null once every open case of the area was seen (versions before pages). */
    static final ProcessVariable<Long> SWITCH_CURSOR = longVariable("switchCursor");
    /** Whether this page finished last, so that it releases the pages waiting for it (local to the page). */
    static final ProcessVariable<Boolean> LAST_PAGE = ProcessVariable.booleanVariable("lastPage");
    /** Cases switched, of the page (local) or of the whole switch (versions before pages). */
    static final ProcessVariable<Long> SWITCHED_COUNT = longVariable("switchedCount");

    private Variables() {
    }
  }

  private AreaModeSwitchProcess() {
  }
}
