package org.gridcase.emergency;

import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_MODE;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.intake.Requests;
import org.gridcase.intake.Requests.OpenCase;
import org.gridcase.sla.ServiceLevels;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Switches one running case to a mode, inside the caller's transaction: the mode variable, then every
 * timer and task due date re-evaluated from the model's own expressions (which read the mode), so the model
 * stays the one place that says what is due when.
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

  /** Returns false when the case ended meanwhile; a case completing concurrently makes the batch retry. */
  boolean switchTo(OpenCase openCase, String mode) {
    ExecutionEntity instance = Context.getCommandContext().getExecutionManager()
        .findExecutionById(openCase.processInstanceId());
    if (instance == null) {
      return false;
    }
    runtime.setVariable(openCase.processInstanceId(), SLA_MODE.name(), mode);
    for (Task task : tasks.createTaskQuery().processInstanceId(openCase.processInstanceId()).list()) {
      TaskEntity entity = (TaskEntity) task;
      Expression due = entity.getTaskDefinition() == null ? null : entity.getTaskDefinition().getDueDateExpression();
      boolean changed = EmergencyTaskNames.rename(entity, mode);
      if (due != null && due.getValue(entity.getExecution()) instanceof Date dueAt) {
        entity.setDueDate(dueAt);
        changed = true;
      }
      if (changed) {
        tasks.saveTask(entity);
      }
    }
    for (Job timer : management.createJobQuery().processInstanceId(openCase.processInstanceId()).timers().list()) {
      management.recalculateJobDuedate(timer.getId(), false);
    }
    Date handlingDue = serviceLevels.handlingDueOrNull(instance);
    requests.recordMode(openCase.id(), mode, handlingDue == null ? null : handlingDue.toInstant());
    return true;
  }
}
