package org.gridcase.intake;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.gridcase.organization.Role;
import org.gridcase.security.AccessGroups;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who may see a requester's contact in full: the roles that take requests in and call back (grid workers),
 * reviewers and administrators; everyone else who handles cases sees it masked (138****5678, 王**).
 * The one place of that rule, for the requester API and the task forms.
 */
@Component
public class RequesterAccess {

  /** Roles that see the requester's contact in full. */
  static final Set<Role> FULL_VIEW = Set.of(Role.GRID_WORKER, Role.PART_TIME_GRID_WORKER, Role.COMMUNITY_REVIEWER);

  private final SystemAccess system;
  private final IdentityService identity;

  RequesterAccess(SystemAccess system, @Lazy IdentityService identity) {
    this.system = system;
    this.identity = identity;
  }

  /** The requester as {@code user} may see them. Personal data: never log it. */
  public record Requester(String name, String phone, String email, boolean masked) {
  }

  public Requester requesterFor(String user, RequestView request) {
    if (mayReadInFull(user)) {
      return new Requester(request.requesterName(), request.requesterPhone(), request.requesterEmail(), false);
    }
    return new Requester(Masking.name(request.requesterName()), Masking.phone(request.requesterPhone()),
        Masking.email(request.requesterEmail()), true);
  }

  private boolean mayReadInFull(String user) {
    List<Group> groups = system.call(() -> identity.createGroupQuery().groupMember(user).list());
    return groups.stream().map(Group::getId).anyMatch(group -> AccessGroups.ADMINISTRATORS.equals(group)
        || FULL_VIEW.stream().anyMatch(role -> group.endsWith("." + role.key())));
  }
}
