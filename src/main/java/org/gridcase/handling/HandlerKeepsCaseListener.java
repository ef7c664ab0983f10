package org.gridcase.handling;

import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLER;
import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLING_ACTION;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Creation of a handling task after an extension decision or a whistle round: the case goes back to the
 * handler who asked, not to the group's pool, as long as they are still in one of the task's candidate
 * groups (a handler who moved on leaves it to the pool). The form starts without the last action, so a
 * whistle or an extension is never offered again by default.
 */
@Component("handlerKeepsCaseListener")
class HandlerKeepsCaseListener implements TaskListener {

  private final SystemAccess system;
  private final IdentityService identity;

  HandlerKeepsCaseListener(SystemAccess system, @Lazy IdentityService identity) {
    this.system = system;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    HANDLING_ACTION.remove(task);
    String handler = HANDLER.getOrNull(task);
    if (handler == null) {
      return;
    }
    HANDLER.remove(task);
    List<String> groups = task.getCandidates().stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
    boolean stillCandidate = system.call(() -> groups.stream()
        .anyMatch(group -> identity.createUserQuery().userId(handler).memberOfGroup(group).count() > 0));
    if (stillCandidate && task.getAssignee() == null) {
      task.setAssignee(handler);
    }
  }
}
