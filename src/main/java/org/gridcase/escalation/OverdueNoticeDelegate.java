package org.gridcase.escalation;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_STAGE;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.intake.Requests;
import org.gridcase.notification.Notice;
import org.gridcase.security.SystemAccess;
import org.gridcase.sla.ServiceLevel;
import org.gridcase.sla.ServiceLevels;
import org.springframework.stereotype.Component;

/**
 * 超时上报 outside handling: a task passed its due date. The breach is recorded and reported to the level
 * the service level names ({@code escalateTo}), and to the people the task is with; the task stays where
 * it is. Each task's breach is reported once.
 */
@Component("overdueNoticeDelegate")
class OverdueNoticeDelegate implements JavaDelegate {

  private final CaseTasks caseTasks;
  private final ServiceLevels serviceLevels;
  private final Ladder ladder;
  private final SystemAccess system;
  private final Requests requests;
  private final CaseNotices notices;

  OverdueNoticeDelegate(CaseTasks caseTasks, ServiceLevels serviceLevels, Ladder ladder, SystemAccess system,
      Requests requests, CaseNotices notices) {
    this.caseTasks = caseTasks;
    this.serviceLevels = serviceLevels;
    this.ladder = ladder;
    this.system = system;
    this.requests = requests;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    for (TaskEntity task : caseTasks.open(execution.getProcessInstanceId(), null)) {
      ExecutionEntity scope = CaseTasks.scopeOf(task);
      String stage = scope == null ? null : SLA_STAGE.getOrNull(scope);
      if (stage == null) {
        continue;
      }
      Date due = serviceLevels.dueAt(scope);
      if (due.after(now)) {
        continue;
      }
      ServiceLevel level = serviceLevels.levelOf(scope, stage);
      List<String> people = new ArrayList<>(caseTasks.peopleOf(task));
      String levelLabel = null;
      if (level.escalateTo() != null) {
        levelLabel = ladder.roleOf(level.escalateTo()).label();
        system.membersOf(List.of(ladder.groupOf(level.escalateTo(), scope))).stream()
            .filter(user -> !people.contains(user)).forEach(people::add);
      }
      if (notices.send("overdue:" + task.getId(), people, Notice.ESCALATED, scope, task.getName(), due, levelLabel)) {
        requests.recordOverdue(REQUEST_ID.get(execution), stage);
      }
    }
  }
}
