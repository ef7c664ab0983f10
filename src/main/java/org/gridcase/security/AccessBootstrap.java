package org.gridcase.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
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

  private final AuthorizationService authorizations;
  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentityService identityService;

  AccessBootstrap(AuthorizationService authorizations, FilterService filterService, TaskService taskService,
      IdentityService identityService) {
    this.authorizations = authorizations;
    this.filterService = filterService;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    grant(AccessGroups.HANDLERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Start forms in Tasklist: read the definitions and create instances; not READ_TASK or READ_INSTANCE.
    grant(AccessGroups.HANDLERS, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(AccessGroups.HANDLERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
    grant(AccessGroups.HANDLERS, Resources.USER, ANY, Permissions.READ);
    grant(AccessGroups.HANDLERS, Resources.GROUP, ANY, Permissions.READ);

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

    // Tasklist lists nothing without a filter. Which tasks appear is still decided by the task
    // authorizations of the user's groups; a filter only narrows and orders them.
    List<String> everyone = List.of(AccessGroups.HANDLERS, AccessGroups.SUPERVISORS);
    shareFilter("我的待办", 10, "assigned to me", everyone,
        mine().taskAssigneeExpression("${currentUser()}"));
    shareFilter("本组待办", 20, "my groups' tasks, assigned or not", everyone, ofMyGroups().includeAssignedTasks());
    shareFilter("本网格待认领", 30, "my groups' tasks nobody has claimed", everyone, ofMyGroups().taskUnassigned());
    shareFilter("一天内到期", 40, "due within a day", everyone, ofMyGroups().includeAssignedTasks()
        .dueBeforeExpression("${dateTime().plusDays(1).toDate()}"));
    shareFilter("已超期", 50, "past their due date", everyone, ofMyGroups().includeAssignedTasks()
        .dueBeforeExpression("${now()}"));
    List<String> groups = identityService.createGroupQuery().list().stream().map(Group::getId).toList();
    List<String> redListGroups = new java.util.ArrayList<>(groupsOfRoles(groups, "district-liaison-leader",
        "community-party-secretary", "street-party-secretary"));
    redListGroups.add(AccessGroups.SUPERVISORS);
    shareFilter("红色清单", 60, "red list (红)", redListGroups, ofMyGroups().includeAssignedTasks()
        .processVariableValueEquals("colour", "red"));
    shareFilter("待回访", 70, "satisfaction reviews (满意度回访)", groupsOfRoles(groups, "community-reviewer"),
        ofMyGroups().includeAssignedTasks().taskDefinitionKey("Task_SatisfactionReview"));
  }

  private TaskQuery mine() {
    return (TaskQuery) taskService.createTaskQuery().orderByDueDate().asc();
  }

  private TaskQuery ofMyGroups() {
    return mine().taskCandidateGroupInExpression("${currentUserGroups()}");
  }

  /** The candidate groups of these roles, at every unit: {@code <unit>.<role key>}. */
  private static List<String> groupsOfRoles(List<String> groups, String... roleKeys) {
    return groups.stream().filter(group -> java.util.Arrays.stream(roleKeys).anyMatch(key -> group.endsWith("." + key)))
        .toList();
  }

  /**
   * Creates or updates a shared filter: the tracking number, category and colour as columns, due date order,
   * readable by the given groups only.
   */
  private void shareFilter(String name, int priority, String description, List<String> groups, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).list().stream().findFirst()
        .orElseGet(() -> filterService.newTaskFilter(name));
    java.util.Map<String, Object> properties = new java.util.HashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("variables", List.of(column("trackingNumber", "受理编号"), column("categoryName", "事项类别"),
        column("colourLabel", "颜色")));
    filter.setProperties(properties);
    filter.setQuery(query);
    filter = filterService.saveFilter(filter);
    for (String group : groups) {
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }

  private static java.util.Map<String, String> column(String variable, String label) {
    return java.util.Map.of("name", variable, "label", label);
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

  private Authorization newGrant(String groupId, Resource resource, String resourceId) {
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }
}
