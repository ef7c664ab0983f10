package org.gridcase.notification;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.common.UserTaskListeners;
import org.gridcase.security.CurrentUser;
import org.gridcase.security.SystemAccess;
import org.gridcase.workload.Backups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * 待领取的新待办: a new task offered to groups (no assignee) tells each member of those groups, once per task
 * and person, at once; a department called in by a whistle (部门报到) learns of it without opening Tasklist.
 * Members who are away (AB角, {@code gridcase-absent}) and whoever created the task are not told.
 *
 * <p>Added to every user task of every process as the last create listener, after the model's own, so a
 * task that one of them assigns (the handler keeps the case) is left to {@link AssignmentNotices}.
 */
@Component
class GroupTaskNotices extends AbstractProcessEnginePlugin implements TaskListener {

  private final ObjectProvider<Notifications> notifications;
  private final ObjectProvider<SystemAccess> system;
  private final ObjectProvider<Backups> backups;
  private final ObjectProvider<CurrentUser> currentUser;
  private final ObjectProvider<WorkingTime> workingTime;

  /** The collaborators need the engine, which this plugin configures: they are looked up at the first task. */
  GroupTaskNotices(ObjectProvider<Notifications> notifications, ObjectProvider<SystemAccess> system,
      ObjectProvider<Backups> backups, ObjectProvider<CurrentUser> currentUser,
      ObjectProvider<WorkingTime> workingTime) {
    this.notifications = notifications;
    this.system = system;
    this.backups = backups;
    this.currentUser = currentUser;
    this.workingTime = workingTime;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    UserTaskListeners.onEveryUserTask(configuration,
        definition -> definition.addTaskListener(TaskListener.EVENTNAME_CREATE, this));
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getAssignee() != null) {
      return;
    }
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    if (groups.isEmpty()) {
      return;
    }
    String creator = currentUser.getObject().idIfAuthenticated().orElse(null);
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    Map<String, String> values = Map.of("taskName", task.getName() == null ? "待办" : task.getName(),
        "trackingNumber", businessKey == null ? "—" : businessKey,
        "dueAt", task.getDueDate() == null ? "—" : workingTime.getObject().display(task.getDueDate().toInstant()));
    for (String member : system.getObject().membersOf(groups)) {
      if (!member.equals(creator) && !backups.getObject().isAbsent(member)) {
        notifications.getObject().notify("offered:" + task.getId() + ":" + member, member, Notice.TASK_OFFERED,
            values);
      }
    }
  }
}
