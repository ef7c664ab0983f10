package org.gridcase.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcase.calendar.Clock.WALL_CLOCK;
import static org.gridcase.calendar.Clock.WORKING_TIME;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The arithmetic of working time on the shipped 2026/2027 holiday data and the default working hours. */
@ExtendWith(OutputCaptureExtension.class)
class WorkingTimeTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final WorkingTime time = new WorkingTime(properties(Map.of()), shippedHolidays());

  @Test
  void aSpringFestivalWeekSkipsTheHolidayAndCountsTheMakeUpSaturday() {
    // Fri 02-13 -> Sat 02-14 (调休上班) -> 02-15..23 off -> Tue 02-24 -> Wed 02-25
    assertThat(plus("2026-02-13T10:00", "P3D")).isEqualTo(at("2026-02-25T10:00"));
  }

  @Test
  void aMakeUpSaturdayIsTheNextWorkingDay() {
    assertThat(plus("2026-05-08T16:00", "P1D")).isEqualTo(at("2026-05-09T16:00"));
  }

  @Test
  void anOrdinaryFridayRunsOnToMonday() {
    assertThat(plus("2026-03-13T16:00", "P1D")).isEqualTo(at("2026-03-16T16:00"));
    assertThat(plus("2026-03-13T16:00", "PT2H")).isEqualTo(at("2026-03-16T09:00"));
  }

  @Test
  void aStartAfterHoursOrOnASundaySnapsToTheNextWorkingPeriod() {
    assertThat(plus("2026-03-10T19:00", "PT1H")).isEqualTo(at("2026-03-11T09:30"));
    assertThat(plus("2026-03-15T10:00", "PT1H")).isEqualTo(at("2026-03-16T09:30"));
    assertThat(plus("2026-03-15T10:00", "PT0S")).isEqualTo(at("2026-03-16T08:30"));
    assertThat(plus("2026-03-10T12:30", "PT30M")).as("lunch break").isEqualTo(at("2026-03-10T14:30"));
  }

  @Test
  void hoursSkipTheLunchBreak() {
    assertThat(plus("2026-03-09T10:00", "PT4H")).isEqualTo(at("2026-03-09T16:00"));
    assertThat(plus("2026-03-09T11:59:30", "PT1M")).isEqualTo(at("2026-03-09T14:00:30"));
  }

  @Test
  void aDayIsSevenWorkingHoursAndEndsAtCloseOfBusinessWhenStartedAtOpening() {
    assertThat(plus("2026-03-09T08:30", "P1D")).isEqualTo(at("2026-03-09T17:30"));
    assertThat(plus("2026-03-09T08:30", "PT7H")).isEqualTo(at("2026-03-09T17:30"));
    assertThat(plus("2026-03-09T10:00", "P1DT4H")).isEqualTo(at("2026-03-10T16:00"));
  }

  @Test
  void aWeekIsFiveWorkingDaysAcrossTheNationalDayHolidays() {
    assertThat(plus("2026-03-09T10:00", "P1W")).isEqualTo(at("2026-03-16T10:00"));
    // Thu 09-24, (中秋 09-25..27), Mon 28, Tue 29, Wed 30, (国庆 10-01..07), Thu 10-08
    assertThat(plus("2026-09-23T10:00", "P1W")).isEqualTo(at("2026-10-08T10:00"));
  }

  @Test
  void percentOfADayIsTheWarningThreshold() {
    // 75 % of 7 h = 5 h 15 min: 08:30-12:00 is 3 h 30 min, then 14:00 + 1 h 45 min
    assertThat(time.plusPercent(at("2026-03-09T08:30"), "P1D", 75, WORKING_TIME)).isEqualTo(at("2026-03-09T15:45"));
    assertThat(time.plusPercent(at("2026-03-09T08:30"), "P1D", 75, WALL_CLOCK)).isEqualTo(at("2026-03-10T02:30"));
    assertThat(time.plusPercent(at("2026-03-09T08:30"), "P1D", 0, WORKING_TIME)).isEqualTo(at("2026-03-09T08:30"));
    assertThatThrownBy(() -> time.plusPercent(at("2026-03-09T08:30"), "P1D", -1, WORKING_TIME))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("percent");
  }

  @Test
  void wallClockIgnoresHoursWeekendsAndHolidays() {
    assertThat(time.plus(at("2026-02-13T10:00"), "P3D", WALL_CLOCK)).isEqualTo(at("2026-02-16T10:00"));
    assertThat(time.plus(at("2026-02-14T23:00"), "PT2H", WALL_CLOCK)).isEqualTo(at("2026-02-15T01:00"));
    assertThat(time.plus(at("2026-02-14T23:00"), "P1W", WALL_CLOCK)).isEqualTo(at("2026-02-21T23:00"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "P", "PT", "P1DT", "3D", "p1d", "P1Y", "P1M", "P1.5D", "PT-1H", "P1D ", "P1234567D"})
  void aBadDurationIsRejectedNamingTheText(String text) {
    assertThatThrownBy(() -> time.plus(at("2026-03-09T10:00"), text, WORKING_TIME))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'" + text + "' is not a duration");
    assertThatThrownBy(() -> time.plus(at("2026-03-09T10:00"), text, WALL_CLOCK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + text + "'");
  }

  @Test
  void workingDaysFollowTheHolidayFile() {
    assertThat(time.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Saturday, 调休上班").isTrue();
    assertThat(time.isWorkingDay(LocalDate.parse("2026-02-16"))).as("Monday, 春节").isFalse();
    assertThat(time.isWorkingDay(LocalDate.parse("2026-03-14"))).as("ordinary Saturday").isFalse();
    assertThat(time.isWorkingDay(LocalDate.parse("2026-03-16"))).as("ordinary Monday").isTrue();
    assertThat(time.isWorkingDay(LocalDate.parse("2027-02-08"))).as("Monday, 春节 2027").isFalse();
    assertThat(time.zone()).isEqualTo(SHANGHAI);
  }

  @Test
  void aYearMissingFromTheFileCountsWeekendsOnlyAndWarnsOnce(CapturedOutput output) {
    assertThat(time.isWorkingDay(LocalDate.parse("2031-10-01"))).as("Wednesday, no data").isTrue();
    assertThat(time.isWorkingDay(LocalDate.parse("2031-10-04"))).as("Saturday").isFalse();
    assertThat(output.getOut().lines().filter(line -> line.contains("no data for 2031"))).hasSize(1);
  }

  @Test
  void aProvisionalYearIsNamedInAWarningAtStartUp(CapturedOutput output) {
    // The location only names the file in the message; it tells this start-up's lines from other tests'.
    new WorkingTime(properties(Map.of("gridcase.calendar.holidays", "classpath:marker-4711.yml")), shippedHolidays());
    assertThat(output.getOut().lines().filter(line -> line.contains("marker-4711")))
        .singleElement().asString().contains("WARN").contains("2027 is provisional");
  }

  @Test
  void noStretchOfTheShippedYearsHasMoreThanSixWorkingDays() {
    int run = 0;
    for (LocalDate day = LocalDate.parse("2026-01-01"); day.getYear() < 2028; day = day.plusDays(1)) {
      run = time.isWorkingDay(day) ? run + 1 : 0;
      assertThat(run).as("working days in a row up to %s", day).isLessThanOrEqualTo(6);
    }
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    CalendarProperties defaults = properties(Map.of());
    assertThat(defaults.zone()).isEqualTo(SHANGHAI);
    assertThat(defaults.workingPeriods()).containsExactly("08:30-12:00", "14:00-17:30");
    assertThat(defaults.holidays()).isEqualTo("classpath:calendar/holidays-cn.yml");
  }

  @Test
  void otherWorkingHoursChangeTheLengthOfADay() {
    WorkingTime allDay = new WorkingTime(properties(Map.of("gridcase.calendar.working-periods", "09:00-17:00",
        "gridcase.calendar.zone", "UTC")), shippedHolidays());
    assertThat(allDay.plus(Instant.parse("2026-03-09T09:00:00Z"), "P1DT1H", WORKING_TIME))
        .isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
  }

  @Test
  void badWorkingHoursFailBindingNamingTheProperty() {
    assertThatThrownBy(() -> properties(Map.of("gridcase.calendar.working-periods", "14:00-12:00")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("gridcase.calendar.working-periods")
        .hasMessageContaining("14:00-12:00");
    assertThatThrownBy(() -> properties(Map.of("gridcase.calendar.working-periods", "08:30-12:00,11:00-17:30")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("11:00-17:30");
  }

  private Instant plus(String start, String duration) {
    Instant due = time.plus(at(start), duration, WORKING_TIME);
    assertThat(time.isWorkingDay(LocalDateTime.ofInstant(due, SHANGHAI).toLocalDate())).isTrue();
    return due;
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  static CalendarProperties properties(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("gridcase.calendar",
        CalendarProperties.class);
  }

  static Holidays shippedHolidays() {
    try (var in = WorkingTimeTest.class.getResourceAsStream("/calendar/holidays-cn.yml")) {
      return HolidayFile.read("holidays-cn.yml", new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @org.junit.jupiter.api.Test
  void workingTimeBetweenTwoInstantsSkipsNightsLunchWeekendsAndHolidays() {
    WorkingTime calendar = time;
    java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
    java.util.function.Function<String, java.time.Instant> at =
        text -> java.time.LocalDateTime.parse(text).atZone(china).toInstant();
    org.assertj.core.api.Assertions.assertThat(calendar.workingTimeBetween(at.apply("2026-11-23T09:00"),
        at.apply("2026-11-23T15:00"))).isEqualTo(java.time.Duration.ofHours(4));
    org.assertj.core.api.Assertions.assertThat(calendar.workingTimeBetween(at.apply("2026-02-13T10:00"),
        at.apply("2026-02-25T10:00"))).as("Fri, 调休 Sat, Tue, Wed morning").isEqualTo(java.time.Duration.ofHours(21));
    org.assertj.core.api.Assertions.assertThat(calendar.workingTimeBetween(at.apply("2026-11-23T15:00"),
        at.apply("2026-11-23T09:00"))).isZero();
  }
}
