package org.gridcase.calendar;

/** How a duration is counted. */
public enum Clock {
  /** Working hours on working days only (normal mode 平时): nights, weekends and holidays do not count. */
  WORKING_TIME,
  /** Every hour counts (emergency mode 急时): P1D is 24 hours. */
  WALL_CLOCK
}
