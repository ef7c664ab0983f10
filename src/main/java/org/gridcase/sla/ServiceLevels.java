package org.gridcase.sla;

import static org.gridcase.intake.CitizenRequestProcess.Variables.COLOUR;
import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLING_EXTENSION_DAYS;
import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLING_STARTED_AT;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_MODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_STAGE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_STARTED_AT;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.gridcase.calendar.Clock;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.intake.CitizenRequestProcess;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The {@code sla} bean of the BPMN: {@code camunda:dueDate="${sla.dueAt(execution)}"} and the timers
 * {@code ${sla.warnAt(execution)}}, {@code ${sla.claimBy(execution)}}. A waiting task or sub-process names its
 * stage and start in the local variables {@code slaStage} and {@code slaStartedAt}; handling counts from
 * {@code handlingStartedAt} plus approved extensions. The answer depends on the case's current mode, so
 * re-evaluating the same expressions after a mode switch gives the new dates.
 *
 * <p>The decision is evaluated on the DMN engine directly, not through the DecisionService: it runs for
 * every timer and task, and neither history rows nor the caller's authorizations belong to that.
 */
@Component("sla")
public class ServiceLevels {

  private final ProcessEngineConfigurationImpl engine;
  private final WorkingTime workingTime;
  /** Rows by decision definition id (changes on redeployment), stage, colour and mode. */
  private final Map<String, ServiceLevel> rows = new ConcurrentHashMap<>();
  private final java.time.Duration latestDecisionTtl;
  /**
   * The latest {@code sla} decision and when it was looked up. Finding the latest version is a query, and the
   * table is read for every due date and timer; a deployment on this node forgets it at once
   * ({@link SlaDeploymentListener}), one on another node after {@code latestDecisionTtl}.
   */
  private volatile LatestDecision latest;

  private record LatestDecision(DecisionDefinitionEntity decision, long loadedAtNanos) {
  }

  ServiceLevels(@Lazy ProcessEngineConfigurationImpl engine, WorkingTime workingTime, SlaProperties properties) {
    this.engine = engine;
    this.workingTime = workingTime;
    this.latestDecisionTtl = properties.latestDecisionTtl();
  }

  /** Now, on the engine's clock; input parameter {@code slaStartedAt}. */
  public Date now() {
    return ClockUtil.getCurrentTime();
  }

  public Date dueAt(VariableScope scope) {
    return Date.from(due(scope, stageOf(scope)));
  }

  public Date warnAt(VariableScope scope) {
    String stage = stageOf(scope);
    ServiceLevel level = levelOf(scope, stage);
    Instant warn = workingTime.plusPercent(startOf(scope, stage), level.due(), level.warnPercent(), clockOf(scope));
    return Date.from(plusExtension(scope, stage, warn));
  }

  /**
   * For timers on a multi-instance body, which cannot see its instances' {@code slaStage}: the stage and
   * its start are named in the expression, e.g. {@code ${sla.dueAt(execution, 'report', whistleStartedAt)}}.
   */
  public Date dueAt(VariableScope scope, String stage, Date startedAt) {
    ServiceLevel level = levelOf(scope, stage);
    return Date.from(workingTime.plus(startedAt.toInstant(), level.due(), clockOf(scope)));
  }

  public Date warnAt(VariableScope scope, String stage, Date startedAt) {
    ServiceLevel level = levelOf(scope, stage);
    return Date.from(workingTime.plusPercent(startedAt.toInstant(), level.due(), level.warnPercent(),
        clockOf(scope)));
  }

  /** When an unclaimed task is also offered to the backups; the due date when the stage has no claim window. */
  public Date claimBy(VariableScope scope) {
    String stage = stageOf(scope);
    ServiceLevel level = levelOf(scope, stage);
    if (level.claimWithin() == null) {
      return dueAt(scope);
    }
    return Date.from(workingTime.plus(startOf(scope, stage), level.claimWithin(), clockOf(scope)));
  }

  /** When handling is due, whatever stage the scope is in: for the case file and the status page. */
  public Instant handlingDueAt(VariableScope scope) {
    return due(scope, Values.STAGE_HANDLE);
  }

  /** When the case's current work is due: handling if it started, else the scope's own stage; null if neither. */
  public Date handlingDueOrNull(VariableScope scope) {
    if (HANDLING_STARTED_AT.getOrNull(scope) != null) {
      return Date.from(handlingDueAt(scope));
    }
    return SLA_STAGE.getOrNull(scope) == null ? null : dueAt(scope);
  }

  /** The row of the decision for the stage, the case's colour and its mode. */
  public ServiceLevel levelOf(VariableScope scope, String stage) {
    return level(stage, COLOUR.getOrNull(scope), modeOf(scope));
  }

  public ServiceLevel level(String stage, String colour, String mode) {
    DecisionDefinitionEntity decision = latestDecision();
    return rows.computeIfAbsent(decision.getId() + '|' + stage + '|' + colour + '|' + mode,
        key -> evaluate(decision, stage, colour, mode));
  }

  private Instant due(VariableScope scope, String stage) {
    ServiceLevel level = levelOf(scope, stage);
    Instant due = workingTime.plus(startOf(scope, stage), level.due(), clockOf(scope));
    return plusExtension(scope, stage, due);
  }

  private Instant plusExtension(VariableScope scope, String stage, Instant at) {
    Long days = Values.STAGE_HANDLE.equals(stage) ? HANDLING_EXTENSION_DAYS.getOrNull(scope) : null;
    return days == null || days == 0 ? at : workingTime.plus(at, "P" + days + "D", clockOf(scope));
  }

  private static String stageOf(VariableScope scope) {
    return SLA_STAGE.get(scope);
  }

  private static Instant startOf(VariableScope scope, String stage) {
    Date start = Values.STAGE_HANDLE.equals(stage) ? HANDLING_STARTED_AT.get(scope) : SLA_STARTED_AT.get(scope);
    return start.toInstant();
  }

  private static String modeOf(VariableScope scope) {
    String mode = SLA_MODE.getOrNull(scope);
    return mode == null ? Values.MODE_NORMAL : mode;
  }

  private static Clock clockOf(VariableScope scope) {
    return Values.MODE_EMERGENCY.equals(modeOf(scope)) ? Clock.WALL_CLOCK : Clock.WORKING_TIME;
  }

  /** A deployment happened on this node: look the latest decision up again. */
  void forgetLatestDecision() {
    latest = null;
  }

  private DecisionDefinitionEntity latestDecision() {
    LatestDecision cached = latest;
    if (cached != null && System.nanoTime() - cached.loadedAtNanos() < latestDecisionTtl.toNanos()) {
      return cached.decision();
    }
    DecisionDefinitionEntity decision = findLatestDecision();
    latest = new LatestDecision(decision, System.nanoTime());
    return decision;
  }

  private DecisionDefinitionEntity findLatestDecision() {
    Command<DecisionDefinitionEntity> find = commandContext -> (DecisionDefinitionEntity) engine.getDeploymentCache()
        .findDeployedLatestDecisionDefinitionByKey(CitizenRequestProcess.SLA_DECISION_KEY);
    return Context.getCommandContext() != null ? find.execute(Context.getCommandContext())
        : engine.getCommandExecutorTxRequired().execute(find);
  }

  private ServiceLevel evaluate(DecisionDefinitionEntity decision, String stage, String colour, String mode) {
    DmnDecisionResult result = engine.getDmnEngine().evaluateDecision(decision, Variables.createVariables()
        .putValue(SLA_STAGE.name(), stage).putValue(COLOUR.name(), colour).putValue(SLA_MODE.name(), mode));
    DmnDecisionResultEntries row = result.getFirstResult();
    if (row == null || row.getEntry("due") == null) {
      throw new ProcessEngineException("processes/sla.dmn has no service level for stage '" + stage + "', colour '"
          + colour + "', mode '" + mode + "'");
    }
    Number warn = row.getEntry("warnPercent");
    return new ServiceLevel(row.getEntry("due"), warn == null ? 75 : warn.intValue(), row.getEntry("claimWithin"),
        row.getEntry("escalateTo"));
  }
}
