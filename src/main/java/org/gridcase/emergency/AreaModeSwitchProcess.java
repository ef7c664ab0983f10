package org.gridcase.emergency;

import static org.gridcase.common.ProcessVariable.longVariable;
import static org.gridcase.common.ProcessVariable.stringVariable;

import org.gridcase.common.ProcessVariable;

/** The process API of {@code processes/area-mode-switch.bpmn}: switching the open cases of an area, batch by batch. */
final class AreaModeSwitchProcess {

  static final String KEY = "area-mode-switch";

  static final class Elements {
    static final String TASK_SWITCH_BATCH = "Task_SwitchBatch";

    private Elements() {
    }
  }

  static final class Variables {
    /** The district, street or community whose cases switch. */
    static final ProcessVariable<String> AREA_CODE = stringVariable("areaCode");
    static final ProcessVariable<Long> EMERGENCY_ID = longVariable("emergencyId");
    /** Id of the last case looked at; null once every open case of the area was seen. */
    static final ProcessVariable<Long> SWITCH_CURSOR = longVariable("switchCursor");
    static final ProcessVariable<Long> SWITCHED_COUNT = longVariable("switchedCount");

    private Variables() {
    }
  }

  private AreaModeSwitchProcess() {
  }
}
