package org.gridcase.handling;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.matters.Colour;
import org.springframework.stereotype.Component;

/** When handling is due, on the engine's clock (process tests move it). */
@Component
public class HandlingDeadlines {

  private final HandlingProperties properties;

  HandlingDeadlines(HandlingProperties properties) {
    this.properties = properties;
  }

  public Date dueFromNow(Colour colour) {
    Duration allowed = switch (colour) {
      case GREEN -> properties.green();
      case YELLOW -> properties.yellow();
      case RED -> properties.red();
    };
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(allowed));
  }

  Date extend(Date due, int days) {
    Instant from = due == null ? ClockUtil.getCurrentTime().toInstant() : due.toInstant();
    return Date.from(from.plus(Duration.ofDays(days)));
  }

  int maxExtensionDays() {
    return properties.maxExtensionDays();
  }
}
