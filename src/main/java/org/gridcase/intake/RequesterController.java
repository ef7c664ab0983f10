package org.gridcase.intake;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.gridcase.organization.Role;
import org.gridcase.security.CurrentUser;
import org.gridcase.security.SystemAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/requests/{trackingNumber}/requester}: who to call back. In full for the roles that take
 * requests in and call back (grid workers) and for reviewers; masked for everyone else who handles cases.
 */
@RestController
class RequesterController {

  /** Roles that see the requester's contact in full. */
  static final Set<Role> FULL_VIEW = Set.of(Role.GRID_WORKER, Role.PART_TIME_GRID_WORKER, Role.COMMUNITY_REVIEWER);

  private final Requests requests;
  private final CurrentUser currentUser;
  private final SystemAccess system;
  private final IdentityService identity;

  RequesterController(Requests requests, CurrentUser currentUser, SystemAccess system, @Lazy IdentityService identity) {
    this.requests = requests;
    this.currentUser = currentUser;
    this.system = system;
    this.identity = identity;
  }

  record Requester(String name, String phone, String email, boolean masked) {
  }

  @GetMapping("/api/requests/{trackingNumber}/requester")
  Requester requester(@PathVariable String trackingNumber) {
    String user = currentUser.id();
    RequestView request = requests.findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown tracking number"));
    if (mayReadInFull(user)) {
      return new Requester(request.requesterName(), request.requesterPhone(), request.requesterEmail(), false);
    }
    return new Requester(Masking.name(request.requesterName()), Masking.phone(request.requesterPhone()),
        Masking.email(request.requesterEmail()), true);
  }

  private boolean mayReadInFull(String user) {
    if (currentUser.isAdministrator()) {
      return true;
    }
    List<Group> groups = system.call(() -> identity.createGroupQuery().groupMember(user).list());
    return groups.stream().map(Group::getId)
        .anyMatch(group -> FULL_VIEW.stream().anyMatch(role -> group.endsWith("." + role.key())));
  }
}
