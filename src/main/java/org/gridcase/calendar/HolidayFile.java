package org.gridcase.calendar;

import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridcase.common.DataFile;
import org.gridcase.common.DataFile.Fields;

/**
 * Reads the holiday file (format in {@code calendar/holidays-cn.yml}) and checks it whole: every
 * problem is reported with its line and field, so a bad file stops start-up with a clear message.
 */
final class HolidayFile {

  /** Longest holiday accepted in one entry; guards against a mistyped year or month in "to". */
  private static final int MAX_HOLIDAY_DAYS = 15;

  private HolidayFile() {
  }

  static Holidays read(String source, Reader content) {
    Fields top = DataFile.read("holiday file " + source, content, Set.of("version", "years"));
    Map<LocalDate, String> daysOff = new HashMap<>();
    Map<LocalDate, String> workdays = new HashMap<>();
    Set<Integer> years = new HashSet<>();
    Set<Integer> provisional = new TreeSet<>();
    for (Fields entry : top.records("years", Set.of("year", "provisional", "holidays", "workdays"), true)) {
      Integer year = year(entry);
      if (year != null && !years.add(year)) {
        entry.problem("year", "year " + year + " is listed twice");
      }
      Boolean isProvisional = entry.bool("provisional", false);
      if (year != null && Boolean.TRUE.equals(isProvisional)) {
        provisional.add(year);
      }
      for (Fields holiday : entry.records("holidays", Set.of("name", "from", "to"), true)) {
        holiday(holiday, year, daysOff);
      }
      for (Fields workday : entry.records("workdays", Set.of("date", "name"), false)) {
        workday(workday, year, daysOff, workdays);
      }
    }
    top.throwIfInvalid();
    return new Holidays(daysOff, workdays, years, provisional);
  }

  private static Integer year(Fields entry) {
    String text = entry.text("year", true);
    if (text == null) {
      return null;
    }
    if (!text.matches("(19|20|21)\\d\\d")) {
      entry.problem("year", "'" + text + "' is not a year such as 2026");
      return null;
    }
    return Integer.valueOf(text);
  }

  private static void holiday(Fields holiday, Integer year, Map<LocalDate, String> daysOff) {
    String name = holiday.name("name", 20);
    LocalDate from = date(holiday, "from", year);
    LocalDate to = holiday.text("to", false) == null ? from : date(holiday, "to", year);
    if (from == null || to == null) {
      return;
    }
    if (to.isBefore(from)) {
      holiday.problem("to", "ends before it starts (" + from + ")");
      return;
    }
    if (to.isAfter(from.plusDays(MAX_HOLIDAY_DAYS - 1))) {
      holiday.problem("to", "longer than " + MAX_HOLIDAY_DAYS + " days");
      return;
    }
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      String other = daysOff.putIfAbsent(day, name);
      if (other != null) {
        holiday.problem("from", day + " is already a day off (" + other + ")");
      }
    }
  }

  private static void workday(Fields workday, Integer year, Map<LocalDate, String> daysOff,
      Map<LocalDate, String> workdays) {
    LocalDate date = date(workday, "date", year);
    String name = workday.name("name", 20);
    if (date == null) {
      return;
    }
    if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
      workday.problem("date", date + " is a " + date.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
          + "; only a Saturday or Sunday can be a make-up working day");
    } else if (daysOff.containsKey(date)) {
      workday.problem("date", date + " is also listed as a day off (" + daysOff.get(date) + ")");
    } else if (workdays.putIfAbsent(date, name) != null) {
      workday.problem("date", date + " is listed twice");
    }
  }

  /**
   * A yyyy-mm-dd date of the entry's year, or of the December before or January after: a notice may
   * reach across New Year (the 2024 notice gave 元旦 from 2023-12-30).
   */
  private static LocalDate date(Fields fields, String field, Integer year) {
    String text = fields.text(field, true);
    if (text == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      fields.problem(field, "'" + text + "' is not a date such as 2026-10-01");
      return null;
    }
    if (year != null && (date.isBefore(LocalDate.of(year - 1, 12, 1)) || date.isAfter(LocalDate.of(year + 1, 1, 31)))) {
      fields.problem(field, date + " does not belong to " + year);
      return null;
    }
    return date;
  }
}
