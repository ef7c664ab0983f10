package org.gridcase.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.gridcase.common.DataFileException;
import org.gridcase.common.DataFileException.Problem;
import org.junit.jupiter.api.Test;

class HolidayFileTest {

  @Test
  void readsHolidaysMakeUpDaysAndProvisionalYears() {
    Holidays holidays = read("""
        years:
          - year: 2026
            holidays:
              - {name: 元旦, from: 2026-01-01, to: 2026-01-03}
            workdays:
              - {date: 2026-01-04, name: 元旦}
          - year: 2027
            provisional: true
            holidays:
              - {name: 端午节, from: 2027-06-09}
        """);
    assertThat(holidays.daysOff()).containsOnlyKeys(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-02"),
        LocalDate.parse("2026-01-03"), LocalDate.parse("2027-06-09"));
    assertThat(holidays.daysOff()).containsEntry(LocalDate.parse("2026-01-02"), "元旦");
    assertThat(holidays.workdays()).containsOnlyKeys(LocalDate.parse("2026-01-04"));
    assertThat(holidays.years()).containsExactlyInAnyOrder(2026, 2027);
    assertThat(holidays.provisional()).containsExactly(2027);
  }

  @Test
  void aBadFileNamesLineAndFieldOfEveryProblem() {
    assertThatThrownBy(() -> read("""
        years:
          - year: 2026
            holidays:
              - {name: 元旦, from: 2026-01-01, to: 2026-01-03}
              - {name: 春节, from: 2026-02-31, to: 2026-02-23}
              - {name: 清明节, from: 2026-04-06, to: 2026-04-04}
              - {name: 国庆节, from: 2025-10-01, to: 2025-10-07}
            workdays:
              - {date: 2026-01-05, name: 元旦}
              - {date: 2026-01-03, name: 元旦}
              - {dat: 2026-02-28, name: 春节}
          - year: 2026
            provisional: maybe
            holidays: []
        """))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("holiday file test.yml")
        .satisfies(e -> assertThat(((DataFileException) e).problems()).containsExactlyInAnyOrder(
            new Problem(5, "from", "'2026-02-31' is not a date such as 2026-10-01"),
            new Problem(6, "to", "ends before it starts (2026-04-06)"),
            new Problem(7, "from", "2025-10-01 does not belong to 2026"),
            new Problem(7, "to", "2025-10-07 does not belong to 2026"),
            new Problem(9, "date", "2026-01-05 is a monday; only a Saturday or Sunday can be a make-up working day"),
            new Problem(10, "date", "2026-01-03 is also listed as a day off (元旦)"),
            new Problem(11, "dat", "unknown field; expected one of [date, name]"),
            new Problem(11, "date", "required"),
            new Problem(12, "year", "year 2026 is listed twice"),
            new Problem(13, "provisional", "expected true or false, not 'maybe'")));
  }

  @Test
  void overlappingHolidaysAreRejected() {
    assertThatThrownBy(() -> read("""
        years:
          - year: 2026
            holidays:
              - {name: 中秋节, from: 2026-09-25, to: 2026-10-01}
              - {name: 国庆节, from: 2026-10-01, to: 2026-10-07}
        """))
        .isInstanceOf(DataFileException.class)
        .hasMessageContaining("line 5, field 'from': 2026-10-01 is already a day off (中秋节)");
  }

  @Test
  void malformedYamlFailsWithItsLine() {
    assertThatThrownBy(() -> read("years:\n  - year: 2026\n    holidays: [\n"))
        .isInstanceOf(DataFileException.class).hasMessageContaining("line 4").hasMessageContaining("malformed YAML");
  }

  private static Holidays read(String yaml) {
    return HolidayFile.read("test.yml", new StringReader(yaml));
  }
}
