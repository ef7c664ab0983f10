package org.gridcase.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The user the REST authentication filter identified for this request. */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String id() {
    return authentication().getUserId();
  }

  /** The caller's id, or empty when no user is authenticated (engine jobs, start-up). */
  public java.util.Optional<String> idIfAuthenticated() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return java.util.Optional.ofNullable(authentication).map(Authentication::getUserId);
  }

  /** Who completed a task: the authenticated caller, else (engine-internal completion) its assignee. */
  public String actorOf(org.camunda.bpm.engine.delegate.DelegateTask task) {
    return idIfAuthenticated().orElse(task.getAssignee());
  }

  /** The caller's Camunda groups, as the authentication filter found them. */
  public List<String> groupIds() {
    List<String> groups = authentication().getGroupIds();
    return groups == null ? List.of() : List.copyOf(groups);
  }

  public boolean isAdministrator() {
    return isMemberOf(AccessGroups.ADMINISTRATORS);
  }

  /** Whether the caller is in gridcase-supervisors. */
  public boolean isSupervisor() {
    return isMemberOf(AccessGroups.SUPERVISORS);
  }

  private boolean isMemberOf(String groupId) {
    List<String> groups = authentication().getGroupIds();
    return groups != null && groups.contains(groupId);
  }

  /** The caller's id; fails with 403 unless the caller is a supervisor or an administrator. */
  public String requireSupervisor() {
    String user = id();
    if (!isSupervisor() && !isAdministrator()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "需要督查权限 (supervisors only)");
    }
    return user;
  }

  /** Fails with 403 unless the caller is in camunda-admin. */
  public void requireAdministrator() {
    if (!isAdministrator()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "需要管理员权限 (administrator role required)");
    }
  }

  private Authentication authentication() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
    }
    return authentication;
  }
}
