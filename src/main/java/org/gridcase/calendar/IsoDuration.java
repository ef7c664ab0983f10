package org.gridcase.calendar;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 duration in weeks, days, hours, minutes and seconds (P2W, P3D, PT4H, P1DT4H30M).
 * Years and months are left out on purpose: they have no fixed length in working time.
 */
record IsoDuration(long weeks, long days, long hours, long minutes, long seconds) {

  // At most 6 digits a field keeps every sum far from overflow and every walk through the calendar short.
  private static final Pattern FORMAT = Pattern.compile(
      "P(?:(\\d{1,6})W)?(?:(\\d{1,6})D)?(?:T(?=\\d)(?:(\\d{1,6})H)?(?:(\\d{1,6})M)?(?:(\\d{1,6})S)?)?");

  static Optional<IsoDuration> tryParse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text);
    if (m == null || !m.matches() || text.equals("P")) {
      return Optional.empty();
    }
    return Optional.of(new IsoDuration(number(m.group(1)), number(m.group(2)), number(m.group(3)),
        number(m.group(4)), number(m.group(5))));
  }

  static IsoDuration parse(String text) {
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
        + "' is not a duration such as P3D, PT4H or P1DT4H (weeks W, days D, hours H, minutes M, seconds S)"));
  }

  /** Weeks of 7 days and days of 24 hours. */
  Duration wallClock() {
    return Duration.ofDays(weeks * 7 + days).plus(time());
  }

  /** Weeks of 5 working days, each as long as one working day. */
  Duration workingTime(Duration workingDay) {
    return workingDay.multipliedBy(weeks * 5 + days).plus(time());
  }

  private Duration time() {
    return Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds);
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }
}
