package org.gridcase.handling;

import static org.gridcase.intake.CitizenRequestProcess.Variables.COLOUR;
import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLING_DUE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.intake.Requests;
import org.gridcase.matters.Colour;
import org.springframework.stereotype.Component;

/** When handling is due, on the engine's clock (process tests move it). */
@Component
public class HandlingDeadlines {

  private final HandlingProperties properties;
  private final Requests requests;

  HandlingDeadlines(HandlingProperties properties, Requests requests) {
    this.properties = properties;
    this.requests = requests;
  }

  /** A reopened case (重办, 督办 rehandle) is due again from now, by its colour. */
  public void restartHandling(VariableScope scope) {
    Date due = dueFromNow(Colour.ofKey(COLOUR.get(scope)).orElseThrow());
    HANDLING_DUE.set(scope, due);
    requests.recordDue(REQUEST_ID.get(scope), due.toInstant());
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
