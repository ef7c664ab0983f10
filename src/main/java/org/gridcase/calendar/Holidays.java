package org.gridcase.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The days off and make-up working days of the years the holiday file covers.
 *
 * @param daysOff holidays by date, with the holiday's name (春节)
 * @param workdays weekend days that are working days (调休上班), with the holiday they make up for
 * @param years the years the file covers; other years count weekends only
 * @param provisional years derived rather than announced, in order
 */
record Holidays(Map<LocalDate, String> daysOff, Map<LocalDate, String> workdays, Set<Integer> years,
    Set<Integer> provisional) {

  Holidays {
    daysOff = Map.copyOf(daysOff);
    workdays = Map.copyOf(workdays);
    years = Set.copyOf(years);
    provisional = Collections.unmodifiableSet(new TreeSet<>(provisional)); // in order, for the start-up log
  }

  boolean covers(int year) {
    return years.contains(year);
  }
}
