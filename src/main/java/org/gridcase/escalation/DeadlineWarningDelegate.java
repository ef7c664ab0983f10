package org.gridcase.escalation;

import static org.gridcase.intake.CitizenRequestProcess.Variables.SLA_STAGE;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.notification.Notice;
import org.gridcase.sla.ServiceLevels;
import org.springframework.stereotype.Component;

/**
 * 临期提醒: a warning timer fired. Every open task of the case that passed its warning threshold and is
 * not yet due reminds its assignee, or its candidates; each task's reminder goes out once.
 */
@Component("deadlineWarningDelegate")
class DeadlineWarningDelegate implements JavaDelegate {

  private final CaseTasks caseTasks;
  private final ServiceLevels serviceLevels;
  private final CaseNotices notices;

  DeadlineWarningDelegate(CaseTasks caseTasks, ServiceLevels serviceLevels, CaseNotices notices) {
    this.caseTasks = caseTasks;
    this.serviceLevels = serviceLevels;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    for (TaskEntity task : caseTasks.open(execution.getProcessInstanceId(), null)) {
      ExecutionEntity scope = CaseTasks.scopeOf(task);
      if (scope == null || SLA_STAGE.getOrNull(scope) == null) {
        continue;
      }
      Date warnAt = serviceLevels.warnAt(scope);
      Date due = serviceLevels.dueAt(scope);
      if (!warnAt.after(now) && due.after(now)) {
        notices.send("warning:" + task.getId(), caseTasks.peopleOf(task), Notice.DEADLINE_WARNING, scope,
            task.getName(), due, null);
      }
    }
  }
}
