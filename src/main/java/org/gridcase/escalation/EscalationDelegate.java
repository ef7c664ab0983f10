package org.gridcase.escalation;

import static org.gridcase.intake.CitizenRequestProcess.Variables.ESCALATION_GROUP;
import static org.gridcase.intake.CitizenRequestProcess.Variables.ESCALATION_LEVEL;
import static org.gridcase.intake.CitizenRequestProcess.Variables.NEXT_LEVEL;
import static org.gridcase.intake.CitizenRequestProcess.Variables.REQUEST_ID;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.gridcase.intake.Requests;
import org.gridcase.notification.Notice;
import org.gridcase.security.SystemAccess;
import org.gridcase.sla.ServiceLevels;
import org.springframework.stereotype.Component;

/**
 * 上报一级: the escalation decision named the next level. That level's group gets the supervision task
 * (督办) that follows; it and the people handling the case are told. The level is kept on the escalation's
 * own scope, so the next breach climbs from there and a new round of handling starts at the bottom again.
 */
@Component("escalationDelegate")
class EscalationDelegate implements JavaDelegate {

  private final Ladder ladder;
  private final CaseTasks caseTasks;
  private final SystemAccess system;
  private final ServiceLevels serviceLevels;
  private final Requests requests;
  private final CaseNotices notices;

  EscalationDelegate(Ladder ladder, CaseTasks caseTasks, SystemAccess system, ServiceLevels serviceLevels,
      Requests requests, CaseNotices notices) {
    this.ladder = ladder;
    this.caseTasks = caseTasks;
    this.system = system;
    this.serviceLevels = serviceLevels;
    this.requests = requests;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String level = NEXT_LEVEL.get(execution);
    String group = ladder.groupOf(level, execution);
    execution.setVariableLocal(ESCALATION_LEVEL.name(), level);
    execution.setVariableLocal(ESCALATION_GROUP.name(), group);
    NEXT_LEVEL.remove(execution);
    requests.recordEscalated(REQUEST_ID.get(execution), level, group);

    List<String> people = new ArrayList<>(system.membersOf(List.of(group)));
    String handlingTaskName = null;
    for (TaskEntity task : caseTasks.open(execution.getProcessInstanceId(), Elements.HANDLING_TASKS)) {
      handlingTaskName = task.getName();
      caseTasks.peopleOf(task).stream().filter(user -> !people.contains(user)).forEach(people::add);
    }
    notices.send("escalated:" + execution.getId() + ":" + level, people, Notice.ESCALATED, execution,
        handlingTaskName, serviceLevels.handlingDueOrNull(execution), ladder.roleOf(level).label());
  }
}
