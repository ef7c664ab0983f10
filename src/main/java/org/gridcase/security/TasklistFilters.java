package org.gridcase.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gridcase.matters.Colour;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared Tasklist filters, each readable by the groups it is for. Run at start-up and again after an
 * organisation import created groups, so a new grid's people see their filters at once.
 */
@Service
public class TasklistFilters {

  private final AuthorizationService authorizations;
  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final TasklistColumns columns;

  TasklistFilters(AuthorizationService authorizations, FilterService filterService, TaskService taskService,
      IdentityService identityService, TasklistColumns columns) {
    this.authorizations = authorizations;
    this.filterService = filterService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.columns = columns;
  }

  /** Creates or updates every filter and grants it (idempotently) to its groups. */
  @Transactional
  public void share() {
    // Tasklist lists nothing without a filter. Which tasks appear is still decided by the task
    // authorizations of the user's groups; a filter only narrows and orders them.
    List<String> everyone = List.of(AccessGroups.HANDLERS, AccessGroups.SUPERVISORS);
    shareFilter("我的待办", 10, "分配给我的任务", everyone,
        mine().taskAssigneeExpression("${currentUser()}"));
    shareFilter("本组待办", 20, "我所在组的全部任务（含已认领）", everyone, ofMyGroups().includeAssignedTasks());
    shareFilter("本网格待认领", 30, "我所在组尚无人认领的任务", everyone, ofMyGroups().taskUnassigned());
    shareFilter("一天内到期", 40, "一天内到期的任务", everyone, ofMyGroups().includeAssignedTasks()
        .dueBeforeExpression("${dateTime().plusDays(1).toDate()}"));
    shareFilter("已超期", 50, "已超过到期日的任务", everyone, ofMyGroups().includeAssignedTasks()
        .dueBeforeExpression("${now()}"));
    List<String> groups = identityService.createGroupQuery().list().stream().map(Group::getId).toList();
    List<String> redListGroups = new java.util.ArrayList<>(groupsOfRoles(groups, "district-liaison-leader",
        "community-party-secretary", "street-party-secretary"));
    redListGroups.add(AccessGroups.SUPERVISORS);
    // A red case's tasks carry the red priority: a task column, where the colour variable is probed per task.
    shareFilter("红色清单", 60, "红色清单：红色诉求的任务", redListGroups, ofMyGroups().includeAssignedTasks()
        .taskPriority(Colour.RED.taskPriority()));
    shareFilter("待回访", 70, "待做的满意度回访", groupsOfRoles(groups, "community-reviewer"),
        ofMyGroups().includeAssignedTasks().taskDefinitionKey("Task_SatisfactionReview"));
    // District-wide views for supervisors, who may read every task (the task authorizations decide, not the filter).
    List<String> supervisors = List.of(AccessGroups.SUPERVISORS);
    shareFilter("全区待办", 80, "全区所有未办结的任务", supervisors, mine());
    shareFilter("全区已超期", 90, "全区已超过到期日的任务", supervisors, mine().dueBeforeExpression("${now()}"));
    shareFilter("全区红色清单", 100, "全区红色诉求的任务", supervisors, mine()
        .taskPriority(Colour.RED.taskPriority()));
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
   * Creates or updates a shared filter: the case columns (tracking number, category, colour), due date order,
   * readable by the given groups only.
   */
  private void shareFilter(String name, int priority, String description, List<String> groups, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).list().stream().findFirst()
        .orElseGet(() -> filterService.newTaskFilter(name));
    java.util.Map<String, Object> properties = new java.util.HashMap<>();
    properties.put("priority", priority);
    properties.put("description", description); // Tasklist shows it as the tooltip
    properties.put("refresh", true);
    properties.put("variables", columns.columns().stream()
        .map(column -> java.util.Map.of("name", column.variable(), "label", column.label())).toList());
    filter.setProperties(properties);
    filter.setQuery(query);
    filter = filterService.saveFilter(filter);
    for (String group : groups) {
      grant(group, filter.getId());
    }
  }


  private void grant(String groupId, String filterId) {
    boolean granted = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId)
        .resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
    if (!granted) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizations.saveAuthorization(authorization);
    }
  }
}
