package org.gridcase.escalation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The open tasks of a case and the people they are with, seen by the system (timers run unauthenticated). */
@Component
class CaseTasks {

  private final TaskService tasks;
  private final SystemAccess system;

  CaseTasks(@Lazy TaskService tasks, SystemAccess system) {
    this.tasks = tasks;
    this.system = system;
  }

  List<TaskEntity> open(String processInstanceId, List<String> definitionKeys) {
    return system.call(() -> {
      var query = tasks.createTaskQuery().processInstanceId(processInstanceId);
      if (definitionKeys != null) {
        query = query.taskDefinitionKeyIn(definitionKeys.toArray(String[]::new));
      }
      return query.list().stream().map(TaskEntity.class::cast).toList();
    });
  }

  /** The variable scope a task's expressions (due date, timers) are evaluated in. */
  static ExecutionEntity scopeOf(TaskEntity task) {
    return task.getExecution();
  }

  /** The assignee, or else the candidate users and the members of the candidate groups. */
  List<String> peopleOf(Task task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    return system.call(() -> {
      List<String> groups = new ArrayList<>();
      List<String> people = new ArrayList<>();
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
          if (link.getGroupId() != null) {
            groups.add(link.getGroupId());
          } else if (link.getUserId() != null) {
            people.add(link.getUserId());
          }
        }
      }
      system.membersOf(groups).stream().filter(user -> !people.contains(user)).forEach(people::add);
      return people;
    });
  }
}
