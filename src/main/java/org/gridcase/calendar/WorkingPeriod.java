package org.gridcase.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** One stretch of working hours in a working day, such as 08:30-12:00. */
record WorkingPeriod(LocalTime start, LocalTime end) {

  static List<WorkingPeriod> parseAll(List<String> texts) {
    if (texts.isEmpty()) {
      throw new IllegalArgumentException("gridcase.calendar.working-periods: at least one period is required");
    }
    List<WorkingPeriod> periods = new ArrayList<>();
    for (String text : texts) {
      WorkingPeriod period = parse(text);
      if (!periods.isEmpty() && period.start.isBefore(periods.get(periods.size() - 1).end)) {
        throw new IllegalArgumentException("gridcase.calendar.working-periods: '" + text
            + "' starts before the previous period ends; list the periods in order, not overlapping");
      }
      periods.add(period);
    }
    return List.copyOf(periods);
  }

  private static WorkingPeriod parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("-");
    try {
      if (parts.length == 2) {
        WorkingPeriod period = new WorkingPeriod(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        if (period.start.isBefore(period.end)) {
          return period;
        }
      }
    } catch (DateTimeParseException e) {
      // reported below with the expected form
    }
    throw new IllegalArgumentException("gridcase.calendar.working-periods: '" + text
        + "' is not a period such as 08:30-12:00 (start before end, within one day)");
  }

  Duration length() {
    return Duration.between(start, end);
  }
}
