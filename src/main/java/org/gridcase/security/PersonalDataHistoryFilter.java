package org.gridcase.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Drops the history events of personal variables (gridcase.security.personal-variables) before they are
 * written: their variable updates (ACT_HI_VARINST, ACT_HI_DETAIL) and form property updates
 * (ACT_HI_DETAIL). The start form hands these values to the process for a moment, the intake listener
 * stores them in gc_request and removes them in the same transaction, so ACT_RU_VARIABLE never sees
 * them either. Everything else, including who did what when, is recorded as before.
 */
class PersonalDataHistoryFilter implements HistoryEventHandler {

  private final HistoryEventHandler next;
  private final Set<String> personal;

  PersonalDataHistoryFilter(HistoryEventHandler next, Set<String> personal) {
    this.next = next;
    this.personal = personal;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isPersonal(event)) {
      next.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    next.handleEvents(events.stream().filter(event -> !isPersonal(event)).toList());
  }

  boolean isPersonal(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return personal.contains(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity property) {
      return personal.contains(property.getPropertyId());
    }
    return false;
  }
}
