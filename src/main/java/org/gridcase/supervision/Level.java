package org.gridcase.supervision;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where KPIs are summed up. */
enum Level {
  GRID, COMMUNITY, STREET, DISTRICT, DEPARTMENT;

  static Optional<Level> of(String text) {
    return Arrays.stream(values()).filter(level -> level.name().equalsIgnoreCase(text == null ? "" : text.strip()))
        .findFirst();
  }

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
