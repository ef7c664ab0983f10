package org.gridcase.intake;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The requester as a given person may see them on a task form, by the rule of {@link CaseAccess}: in full for
 * the grid workers of the case's grid, the reviewers of its community and administrators, masked (138****5678,
 * 王**) for everyone else. The form only opens for someone the engine already lets read the task.
 */
@Component
public class RequesterAccess {

  private final CaseAccess caseAccess;
  private final SystemAccess system;
  private final IdentityService identity;

  RequesterAccess(CaseAccess caseAccess, SystemAccess system, @Lazy IdentityService identity) {
    this.caseAccess = caseAccess;
    this.system = system;
    this.identity = identity;
  }

  /** The requester as someone may see them. Personal data: never log it. */
  public record Requester(String name, String phone, String email, boolean masked) {

    static Requester of(RequestView request, CaseAccess.Level level) {
      if (level == CaseAccess.Level.FULL) {
        return new Requester(request.requesterName(), request.requesterPhone(), request.requesterEmail(), false);
      }
      return new Requester(Masking.name(request.requesterName()), Masking.phone(request.requesterPhone()),
          Masking.email(request.requesterEmail()), true);
    }
  }

  public Requester requesterFor(String user, RequestView request) {
    List<String> groups = system.call(() -> identity.createGroupQuery().groupMember(user).list()).stream()
        .map(Group::getId).toList();
    return Requester.of(request, caseAccess.of(request, groups));
  }
}
