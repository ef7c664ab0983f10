package org.gridcase.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Drops the history events of personal variables (gridcase.security.personal-variables) before they are
 * written: their variable updates (ACT_HI_VARINST, ACT_HI_DETAIL) and form property updates
 * (ACT_HI_DETAIL), and the inputs of a decision that reads one of them (ACT_HI_DEC_IN: the triage rules
 * read the start of the description). The start form hands these values to the process for a moment, the
 * intake listener stores them in gc_request and removes them in the same transaction, so ACT_RU_VARIABLE
 * never sees them either. Technical variables nobody audits (gridcase.security.unrecorded-variables) are
 * dropped the same way, to keep the history small (issue 12), and so is everything the unrecorded processes
 * (gridcase.security.unrecorded-processes) do, but their incidents and failed job runs, and the activity rows
 * of gateways (gridcase.security.unrecorded-activity-types), and the job log rows of a job's creation and
 * deletion (gridcase.security.unrecorded-job-log-states). Everything else,
 * including who did what when, is recorded as before. A dropped start leaves the engine's later update of
 * the same row nothing to update, which it skips (skipHistoryOptimisticLockingExceptions, on by default).
 */
class PersonalDataHistoryFilter implements HistoryEventHandler {

  private final HistoryEventHandler next;
  private final Set<String> personal;
  private final Set<String> unhistoric;
  private final Set<String> unrecordedProcesses;
  private final Set<String> unrecordedActivityTypes;
  private final Set<Integer> unrecordedJobLogStates;

  /**
   * {@code personal} leave no trace at all, {@code unhistoric} (a superset) no variable history, and the
   * {@code unrecordedProcesses} (definition keys) no history but incidents and failures, the
   * {@code unrecordedActivityTypes} (BPMN element types such as {@code exclusiveGateway}) no activity rows,
   * and no job log row is written in the {@code unrecordedJobLogStates} (JOB_STATE_ codes).
   */
  PersonalDataHistoryFilter(HistoryEventHandler next, Set<String> personal, Set<String> unhistoric,
      Set<String> unrecordedProcesses, Set<String> unrecordedActivityTypes, Set<Integer> unrecordedJobLogStates) {
    this.next = next;
    this.personal = personal;
    this.unhistoric = unhistoric;
    this.unrecordedProcesses = unrecordedProcesses;
    this.unrecordedActivityTypes = unrecordedActivityTypes;
    this.unrecordedJobLogStates = unrecordedJobLogStates;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isDropped(event)) {
      next.handleEvent(withoutPersonalInputs(event));
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    next.handleEvents(events.stream().filter(event -> !isDropped(event)).map(this::withoutPersonalInputs).toList());
  }

  /** A decision's evaluation without the inputs whose expression is a personal variable. */
  private HistoryEvent withoutPersonalInputs(HistoryEvent event) {
    if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
      dropPersonalInputs(evaluation.getRootHistoricDecisionInstance());
      if (evaluation.getRequiredHistoricDecisionInstances() != null) {
        evaluation.getRequiredHistoricDecisionInstances().forEach(this::dropPersonalInputs);
      }
    }
    return event;
  }

  private void dropPersonalInputs(HistoricDecisionInstanceEntity decision) {
    if (decision == null || decision.getInputs() == null || decision.getInputs().isEmpty()) {
      return;
    }
    Set<String> personalClauses = personalClauses(decision.getDecisionDefinitionId());
    if (!personalClauses.isEmpty()) {
      List<HistoricDecisionInputInstance> kept = decision.getInputs().stream()
          .filter(input -> !personalClauses.contains(input.getClauseId())).toList();
      decision.setInputs(new java.util.ArrayList<>(kept));
    }
  }

  /** The ids of the decision table's inputs that read a personal variable. */
  private Set<String> personalClauses(String decisionDefinitionId) {
    DecisionDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedDecisionDefinitionById(decisionDefinitionId);
    if (!(definition.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
      return Set.of();
    }
    return table.getInputs().stream()
        .filter(input -> personal.contains(input.getInputVariable()) || input.getExpression() != null
            && personal.contains(String.valueOf(input.getExpression().getExpression()).strip()))
        .map(DmnDecisionTableInputImpl::getId).collect(java.util.stream.Collectors.toSet());
  }

  boolean isDropped(HistoryEvent event) {
    if (event.getProcessDefinitionKey() != null && unrecordedProcesses.contains(event.getProcessDefinitionKey())) {
      return !(event instanceof HistoricIncidentEventEntity)
          && !(event instanceof HistoricJobLogEvent log && log.getState() == JobState.FAILED.getStateCode());
    }
    if (event instanceof HistoricJobLogEvent log) {
      return unrecordedJobLogStates.contains(log.getState());
    }
    if (event instanceof HistoricActivityInstanceEventEntity activity) {
      return unrecordedActivityTypes.contains(activity.getActivityType());
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return unhistoric.contains(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity property) {
      return personal.contains(property.getPropertyId());
    }
    return false;
  }
}
