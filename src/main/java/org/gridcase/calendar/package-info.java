/**
 * The working-day calendar: working hours, weekends, Chinese statutory holidays and make-up working
 * days (调休), and Camunda's business calendars on top of it, so that {@code P1D} on a task or timer
 * means one working day. {@link org.gridcase.calendar.WorkingTime} is the API for everyone else.
 */
package org.gridcase.calendar;
