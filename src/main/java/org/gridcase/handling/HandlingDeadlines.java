package org.gridcase.handling;

import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLING_EXTENSION_DAYS;
import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLING_STARTED_AT;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.gridcase.intake.Requests;
import org.gridcase.sla.ServiceLevels;
import org.springframework.stereotype.Component;

/**
 * When handling is due. The service level (processes/sla.dmn) counts from the start of handling, plus the
 * extensions granted since; the timers of {@code SubProcess_Handling} read the same through the sla bean.
 */
@Component
public class HandlingDeadlines {

  private final HandlingProperties properties;
  private final ServiceLevels serviceLevels;
  private final Requests requests;

  HandlingDeadlines(HandlingProperties properties, ServiceLevels serviceLevels, Requests requests) {
    this.properties = properties;
    this.serviceLevels = serviceLevels;
    this.requests = requests;
  }

  /** Handling starts now (accepted at triage); returns when it is due. The colour must be set. */
  public Instant startHandling(VariableScope scope) {
    HANDLING_STARTED_AT.set(scope, serviceLevels.now());
    HANDLING_EXTENSION_DAYS.remove(scope);
    return serviceLevels.handlingDueAt(scope);
  }

  /** A reopened case (重办, 督办 rehandle) starts handling again, with the full time of its colour. */
  public void restartHandling(VariableScope scope) {
    requests.recordDue(REQUEST_ID.get(scope), startHandling(scope));
  }

  /** An approved extension: the days are added to the handling time, on the case's clock. */
  Instant extend(VariableScope scope, int days) {
    Long granted = HANDLING_EXTENSION_DAYS.getOrNull(scope);
    HANDLING_EXTENSION_DAYS.set(scope, (granted == null ? 0 : granted) + days);
    return serviceLevels.handlingDueAt(scope);
  }

  int maxExtensionDays() {
    return properties.maxExtensionDays();
  }
}
