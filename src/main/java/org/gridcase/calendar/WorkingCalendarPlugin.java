package org.gridcase.calendar;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes task due dates (camunda:dueDate) and duration timers count working time: "P1D" in a model is
 * one working day. Cycles stay the engine's (its timers require that very class), and the plain
 * 24-hour calendar remains available as {@value #WALL_CLOCK}.
 */
@Component
class WorkingCalendarPlugin extends AbstractProcessEnginePlugin {

  /** The engine's own duration calendar, for code that needs wall-clock due dates. */
  static final String WALL_CLOCK = "wall-clock";

  private final WorkingTime workingTime;

  WorkingCalendarPlugin(WorkingTime workingTime) {
    this.workingTime = workingTime;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME,
        new WorkingTimeBusinessCalendar(workingTime, new DurationBusinessCalendar()));
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME,
        new WorkingTimeBusinessCalendar(workingTime, new DueDateBusinessCalendar()));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    calendars.addBusinessCalendar(WALL_CLOCK, new DurationBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }
}
