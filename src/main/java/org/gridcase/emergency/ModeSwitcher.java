package org.gridcase.emergency;

import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_MODE;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.intake.Requests;
import org.gridcase.intake.Requests.ModeChange;
import org.gridcase.intake.Requests.OpenCase;
import org.gridcase.sla.ServiceLevels;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Switches running cases to a mode, inside the caller's transaction: the mode variable, then every timer and
 * task due date re-evaluated from the model's own expressions (which read the mode), so the model stays the one
 * place that says what is due when.
 *
 * <p>A page of cases is read in four queries (their executions, variables, tasks and timers) and its case
 * records written in two batched statements, instead of a handful of round trips per case: a district's emergency re-times
 * thousands of cases while intake goes on. The executions and variables are handed to the engine as it restores
 * a process instance itself ({@link ExecutionEntity#restoreProcessInstance}), so evaluating the expressions reads
 * nothing more.
 */
@Component
class ModeSwitcher {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final ServiceLevels serviceLevels;
  private final Requests requests;

  ModeSwitcher(@Lazy RuntimeService runtime, @Lazy TaskService tasks, @Lazy ManagementService management,
      ServiceLevels serviceLevels, Requests requests) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.serviceLevels = serviceLevels;
    this.requests = requests;
  }

  /**
   * Switches each case to its mode; returns how many were switched (a case that ended meanwhile is skipped, one
   * completing concurrently makes the caller's job retry).
   */
  long switchAll(Map<OpenCase, String> modes) {
    if (modes.isEmpty()) {
      return 0;
    }
    Set<String> ids = new LinkedHashSet<>();
    modes.keySet().forEach(openCase -> ids.add(openCase.processInstanceId()));
    Map<String, ExecutionEntity> instances = restore(ids);
    Map<String, List<TaskEntity>> tasksByCase = new HashMap<>();
    for (Task task : tasks.createTaskQuery().processInstanceIdIn(ids.toArray(String[]::new)).list()) {
      tasksByCase.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add((TaskEntity) task);
    }
    Map<String, List<String>> timersByCase = new HashMap<>();
    for (Job timer : management.createJobQuery().processInstanceIds(ids).timers().list()) {
      timersByCase.computeIfAbsent(timer.getProcessInstanceId(), id -> new ArrayList<>()).add(timer.getId());
    }
    List<ModeChange> changes = new ArrayList<>();
    modes.forEach((openCase, mode) -> {
      ExecutionEntity instance = instances.get(openCase.processInstanceId());
      if (instance == null) {
        return;
      }
      runtime.setVariable(instance.getId(), SLA_MODE.name(), mode);
      tasksByCase.getOrDefault(instance.getId(), List.of()).forEach(task -> retime(task, mode));
      timersByCase.getOrDefault(instance.getId(), List.of())
          .forEach(timer -> management.recalculateJobDuedate(timer, false));
      Date handlingDue = serviceLevels.handlingDueOrNull(instance);
      changes.add(new ModeChange(openCase.id(), mode, handlingDue == null ? null : handlingDue.toInstant()));
    });
    requests.recordModes(changes);
    return changes.size();
  }

  private void retime(TaskEntity task, String mode) {
    Expression due = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getDueDateExpression();
    boolean changed = EmergencyTaskNames.rename(task, mode);
    if (due != null && due.getValue(task.getExecution()) instanceof Date dueAt) {
      task.setDueDate(dueAt);
      changed = true;
    }
    if (changed) {
      tasks.saveTask(task);
    }
  }

  /** The running process instances among the ids, each with its execution tree and variables in memory. */
  private Map<String, ExecutionEntity> restore(Set<String> ids) {
    List<String> names = new ArrayList<>();
    var query = runtime.createNativeExecutionQuery();
    for (String id : ids) {
      String name = "p" + names.size();
      names.add("#{" + name + "}");
      query.parameter(name, id);
    }
    List<Execution> executions = query.sql("select RES.* from " + management.getTableName(ExecutionEntity.class)
        + " RES where RES.PROC_INST_ID_ in (" + String.join(", ", names) + ")").list();
    Map<String, List<ExecutionEntity>> executionsByCase = new HashMap<>();
    executions.forEach(execution -> executionsByCase.computeIfAbsent(execution.getProcessInstanceId(),
        id -> new ArrayList<>()).add((ExecutionEntity) execution));
    Map<String, List<VariableInstanceEntity>> variablesByCase = new HashMap<>();
    for (VariableInstance variable : runtime.createVariableInstanceQuery().processInstanceIdIn(ids.toArray(String[]::new))
        .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
      variablesByCase.computeIfAbsent(variable.getProcessInstanceId(), id -> new ArrayList<>())
          .add((VariableInstanceEntity) variable);
    }
    Map<String, ExecutionEntity> instances = new HashMap<>();
    executionsByCase.forEach((id, tree) -> tree.stream().filter(ExecutionEntity::isProcessInstanceExecution)
        .findFirst().ifPresent(instance -> {
          instance.restoreProcessInstance(tree, null, variablesByCase.getOrDefault(id, List.of()), null, null, null,
              null);
          instances.put(id, instance);
        }));
    return instances;
  }
}
