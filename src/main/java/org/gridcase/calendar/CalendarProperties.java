package org.gridcase.calendar;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The working-day calendar.
 *
 * @param zone time zone in which working hours and days are read (default {@code Asia/Shanghai})
 * @param workingPeriods the working hours of a working day, {@code HH:mm-HH:mm}, in order and not
 *     overlapping (default {@code 08:30-12:00} and {@code 14:00-17:30}: 7 working hours a day)
 * @param holidays Spring resource location of the holidays and make-up working days (default
 *     {@code classpath:calendar/holidays-cn.yml}, the State Council's yearly notices)
 */
@ConfigurationProperties("gridcase.calendar")
record CalendarProperties(
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue({"08:30-12:00", "14:00-17:30"}) List<String> workingPeriods,
    @DefaultValue("classpath:calendar/holidays-cn.yml") String holidays) {

  CalendarProperties {
    workingPeriods = List.copyOf(workingPeriods);
    // Fails binding, and so start-up, with the property named.
    WorkingPeriod.parseAll(workingPeriods);
  }

  List<WorkingPeriod> periods() {
    return WorkingPeriod.parseAll(workingPeriods);
  }
}
