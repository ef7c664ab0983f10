package org.gridcase.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants the functional groups what their web application needs, at every start-up (idempotently).
 * Handlers see a task only through the engine's default task authorizations for its candidate groups
 * and assignee, so a grid worker sees the tasks of their own grid and nothing else.
 */
@Component
// After the organisation import: the filters are shared with its role groups.
@org.springframework.core.annotation.Order(10)
class AccessBootstrap implements ApplicationRunner {

  /** The one process handlers start: a case collected on patrol (processes/citizen-request.bpmn). */
  private static final String CITIZEN_REQUEST = "citizen-request";

  private final AuthorizationService authorizations;
  private final TasklistFilters filters;

  AccessBootstrap(AuthorizationService authorizations, TasklistFilters filters) {
    this.authorizations = authorizations;
    this.filters = filters;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    grant(AccessGroups.HANDLERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Task forms in Tasklist read the definitions; not READ_TASK or READ_INSTANCE.
    grant(AccessGroups.HANDLERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    // Handlers start citizen requests (the Tasklist start form) and no other process. Databases of
    // earlier versions granted CREATE_INSTANCE on every definition: taken back here.
    revoke(AccessGroups.HANDLERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(AccessGroups.HANDLERS, Resources.PROCESS_DEFINITION, CITIZEN_REQUEST,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(AccessGroups.HANDLERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    // No listing of all users with their e-mails: a handler reads their own profile (granted per user).
    revoke(AccessGroups.HANDLERS, Resources.USER, ANY, Permissions.READ);
    grant(AccessGroups.HANDLERS, Resources.GROUP, ANY, Permissions.READ);
    ownProfilesReadOnly();
    openTasksWorkedNotEdited();

    grant(AccessGroups.SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(AccessGroups.SUPERVISORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(AccessGroups.SUPERVISORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(AccessGroups.SUPERVISORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(AccessGroups.SUPERVISORS, Resources.TASK, ANY, TaskPermissions.READ);
    grant(AccessGroups.SUPERVISORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(AccessGroups.SUPERVISORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(AccessGroups.SUPERVISORS, Resources.USER, ANY, Permissions.READ);
    grant(AccessGroups.SUPERVISORS, Resources.GROUP, ANY, Permissions.READ);

    filters.share();
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .list().stream().findFirst()
        .orElseGet(() -> newGrant(groupId, resource, resourceId));
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /** Takes permissions back from a group's grant; the grant goes when nothing is left. Idempotent. */
  private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
    for (Authorization authorization : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list()) {
      boolean granted = false;
      for (Permission permission : permissions) {
        if (authorization.isPermissionGranted(permission)) {
          authorization.removePermission(permission);
          granted = true;
        }
      }
      if (!granted) {
        continue;
      }
      boolean nothingLeft = java.util.Arrays.stream(Permissions.values())
          .filter(p -> p != Permissions.NONE && p != Permissions.ALL).noneMatch(authorization::isPermissionGranted);
      if (nothingLeft) {
        authorizations.deleteAuthorization(authorization.getId());
      } else {
        authorizations.saveAuthorization(authorization);
      }
    }
  }

  /**
   * Camunda grants every new user ALL on their own user, so anyone could change their e-mail (which the
   * organisation dataset owns). New users get READ only ({@link OwnUserReadOnly}); existing ones are cut
   * back here.
   */
  private void ownProfilesReadOnly() {
    for (Authorization authorization : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(Resources.USER).list()) {
      boolean own = authorization.getUserId() != null && authorization.getUserId().equals(authorization.getResourceId());
      boolean more = authorization.isPermissionGranted(Permissions.UPDATE)
          || authorization.isPermissionGranted(Permissions.DELETE);
      if (own && more) {
        authorization.removePermission(Permissions.ALL);
        authorization.addPermission(Permissions.READ);
        authorizations.saveAuthorization(authorization);
      }
    }
  }

  /**
   * New tasks grant their candidates and assignee TASK_WORK (claim, complete) instead of UPDATE (see
   * default-user-permission-name-for-task); tasks created before that are brought in line here.
   */
  private void openTasksWorkedNotEdited() {
    // A page at a time, only the grants still holding UPDATE: a district has a million task authorizations.
    int kept = 0;
    while (true) {
      List<Authorization> page = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
          .resourceType(Resources.TASK).hasPermission(TaskPermissions.UPDATE).listPage(kept, 500);
      if (page.isEmpty()) {
        return;
      }
      for (Authorization authorization : page) {
        if (ANY.equals(authorization.getResourceId())) {
          kept++; // a grant on every task (supervisors') is not a candidate's and stays as it is
        } else {
          authorization.removePermission(TaskPermissions.UPDATE);
          authorization.addPermission(TaskPermissions.TASK_WORK);
          authorizations.saveAuthorization(authorization);
        }
      }
    }
  }

  private Authorization newGrant(String groupId, Resource resource, String resourceId) {
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }
}
