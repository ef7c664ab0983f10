package org.gridcase.notification;

import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.workload.TaskAssigned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * 您有新的待办: a task was assigned to a person by someone else (a leader, a hand-over to the backup, the
 * system). Claiming a task oneself tells nobody. The event comes from inside the engine's command, so the
 * task and its case are read from that command's cache, even before they reach the database.
 */
@Component
class AssignmentNotices {

  private final Notifications notifications;
  private final WorkingTime workingTime;

  AssignmentNotices(Notifications notifications, WorkingTime workingTime) {
    this.notifications = notifications;
    this.workingTime = workingTime;
  }

  @EventListener
  void assigned(TaskAssigned event) {
    if (event.assignee() == null || event.assignee().equals(event.assignedBy())) {
      return;
    }
    String trackingNumber = "—";
    String dueAt = "—";
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      TaskEntity task = command.getTaskManager().findTaskById(event.taskId());
      if (task != null && task.getDueDate() != null) {
        dueAt = workingTime.display(task.getDueDate().toInstant());
      }
      ExecutionEntity instance = event.processInstanceId() == null ? null
          : command.getExecutionManager().findExecutionById(event.processInstanceId());
      if (instance != null && instance.getBusinessKey() != null) {
        trackingNumber = instance.getBusinessKey();
      }
    }
    notifications.notify("assigned:" + event.taskId() + ":" + event.assignee(), event.assignee(),
        Notice.TASK_ASSIGNED, Map.of("taskName", event.taskName() == null ? "待办" : event.taskName(),
            "trackingNumber", trackingNumber, "dueAt", dueAt));
  }
}
