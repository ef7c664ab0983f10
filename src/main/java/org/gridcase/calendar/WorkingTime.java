package org.gridcase.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Deadlines on the working-day calendar: working hours ({@code gridcase.calendar.working-periods}),
 * weekends, statutory holidays and make-up working days (调休) from the holiday file.
 *
 * <p>On {@link Clock#WORKING_TIME} a start outside working hours first moves to the start of the next
 * working period; a day (D) is one working day's worth of working time, which lands on the same clock
 * time of the next working day; a week (W) is 5 working days; hours, minutes and seconds are working
 * time. A deadline that falls exactly on the end of a working period stays there (17:30), it does not
 * move on to the next morning. On {@link Clock#WALL_CLOCK} durations are simply added (P1D = 24 h).
 */
@Component
public class WorkingTime {

  private static final java.time.format.DateTimeFormatter DISPLAY =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final Logger log = LoggerFactory.getLogger(WorkingTime.class);

  private final ZoneId zone;
  private final List<WorkingPeriod> periods;
  private final Duration workingDay;
  private final Holidays holidays;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  @Autowired
  WorkingTime(CalendarProperties properties, ResourceLoader resources) {
    this(properties, load(properties.holidays(), resources));
  }

  WorkingTime(CalendarProperties properties, Holidays holidays) {
    this.zone = properties.zone();
    this.periods = properties.periods();
    this.workingDay = periods.stream().map(WorkingPeriod::length).reduce(Duration.ZERO, Duration::plus);
    this.holidays = holidays;
    for (Integer year : holidays.provisional()) {
      log.warn("The holiday calendar of {} is provisional (derived, not the State Council's notice); replace it"
          + " in {} when the notice is published", year, properties.holidays());
    }
  }

  private static Holidays load(String location, ResourceLoader resources) {
    try (InputStream in = resources.getResource(location).getInputStream()) {
      return HolidayFile.read(location, new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the holiday file " + location, e);
    }
  }

  /** start + an ISO-8601 duration (PnW, PnD, PTnH, PTnM, PTnS and combinations such as P1DT4H), counted on the given clock. */
  public Instant plus(Instant start, String isoDuration, Clock clock) {
    return plusPercent(start, isoDuration, 100, clock);
  }

  /** start + percent % of the duration (e.g. 75 for the warning threshold), same clock rules. */
  public Instant plusPercent(Instant start, String isoDuration, int percent, Clock clock) {
    if (start == null) {
      throw new IllegalArgumentException("start is required");
    }
    if (clock == null) {
      throw new IllegalArgumentException("clock is required");
    }
    if (percent < 0) {
      throw new IllegalArgumentException("percent must not be negative: " + percent);
    }
    IsoDuration duration = IsoDuration.parse(isoDuration);
    return switch (clock) {
      case WALL_CLOCK -> start.plus(percentOf(duration.wallClock(), percent));
      case WORKING_TIME -> plusWorkingTime(start, percentOf(duration.workingTime(workingDay), percent));
    };
  }

  public boolean isWorkingDay(LocalDate day) {
    if (!holidays.covers(day.getYear()) && warnedYears.add(day.getYear())) {
      log.warn("The holiday calendar has no data for {}: only weekends count as days off that year", day.getYear());
    }
    if (holidays.daysOff().containsKey(day)) {
      return false;
    }
    return holidays.workdays().containsKey(day)
        || (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
  }

  public ZoneId zone() {
    return zone;
  }

  /** A moment as people here read it in mails and pages: 2026-11-23 09:00, in the calendar's zone. */
  public String display(Instant at) {
    return DISPLAY.format(at.atZone(zone));
  }

  /** The working time between two instants (zero when {@code to} is not after {@code from}): for KPIs. */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    LocalDateTime begin = LocalDateTime.ofInstant(from, zone);
    LocalDateTime finish = LocalDateTime.ofInstant(to, zone);
    Duration total = Duration.ZERO;
    for (LocalDate day = begin.toLocalDate(); !day.isAfter(finish.toLocalDate()); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (WorkingPeriod period : periods) {
        LocalDateTime start = max(begin, day.atTime(period.start()));
        LocalDateTime end = min(finish, day.atTime(period.end()));
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  /** Rounded down to the millisecond, the engine's precision. */
  private static Duration percentOf(Duration duration, int percent) {
    return percent == 100 ? duration : Duration.ofMillis(Math.multiplyExact(duration.toMillis(), percent) / 100);
  }

  /** Walks the working periods from start, spending the remaining working time. */
  private Instant plusWorkingTime(Instant start, Duration work) {
    Duration remaining = work;
    LocalDateTime begin = LocalDateTime.ofInstant(start, zone);
    for (LocalDate day = begin.toLocalDate(); ; day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (WorkingPeriod period : periods) {
        LocalDateTime end = day.atTime(period.end());
        if (!end.isAfter(begin)) {
          continue;
        }
        LocalDateTime from = begin.isAfter(day.atTime(period.start())) ? begin : day.atTime(period.start());
        Duration available = Duration.between(from, end);
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining).atZone(zone).toInstant();
        }
        remaining = remaining.minus(available);
      }
    }
  }
}
