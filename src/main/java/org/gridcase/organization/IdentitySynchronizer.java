package org.gridcase.organization;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.gridcase.organization.OrganizationRepository.PersonState;
import org.gridcase.organization.OrganizationRepository.RoleRow;
import org.gridcase.security.AccessGroups;
import org.gridcase.security.TasklistFilters;
import org.springframework.context.annotation.Lazy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes Camunda's users, groups and memberships follow the organisation tables: one user per active
 * person, one group per (unit, role) as named by {@link CandidateGroups}, and the functional groups of
 * {@link AccessGroups}. It only writes differences, so running it at every start-up is cheap.
 *
 * <p>It touches only what the organisation owns: users that are (or were) people of the dataset and
 * groups named like candidate groups or functional groups. Other users, such as the demo admin, stay.
 */
@Component
class IdentitySynchronizer {

  private static final Logger log = LoggerFactory.getLogger(IdentitySynchronizer.class);
  static final String ROLE_GROUP_TYPE = "WORKFLOW";

  private final IdentityService identityService;
  private final OrganizationRepository repository;
  private final OrganizationProperties properties;
  private final JdbcClient jdbc;
  private final TasklistFilters filters;

  IdentitySynchronizer(IdentityService identityService, OrganizationRepository repository,
      OrganizationProperties properties, JdbcClient jdbc, @Lazy TasklistFilters filters) {
    this.identityService = identityService;
    this.repository = repository;
    this.properties = properties;
    this.jdbc = jdbc;
    this.filters = filters;
  }

  record Changes(int users, int groups, int memberships) {
  }

  @Transactional
  Changes synchronize() {
    List<PersonState> people = repository.findPeople();
    Map<String, GroupSpec> desiredGroups = desiredGroups();
    Set<Membership> desiredMemberships = desiredMemberships();

    int users = synchronizeUsers(people);
    int groups = synchronizeGroups(desiredGroups);
    int memberships = synchronizeMemberships(people, desiredGroups.keySet(), desiredMemberships);
    log.info("Identity sync: {} users, {} groups, {} memberships changed", users, groups, memberships);
    if (groups > 0) {
      // New role groups (a new grid, say) get their Tasklist filters now, not at the next restart.
      filters.share();
    }
    return new Changes(users, groups, memberships);
  }

  private int synchronizeUsers(List<PersonState> people) {
    Map<String, User> existing = identityService.createUserQuery().list().stream()
        .collect(Collectors.toMap(User::getId, Function.identity()));
    int changed = 0;
    for (PersonState person : people) {
      User user = existing.get(person.id());
      if (!person.active()) {
        if (user != null) {
          identityService.deleteUser(person.id());
          changed++;
        }
        continue;
      }
      if (user == null) {
        user = identityService.newUser(person.id());
        if (properties.hasInitialPassword()) {
          user.setPassword(properties.initialPassword());
        }
      } else if (Objects.equals(user.getFirstName(), person.name()) && Objects.equals(user.getEmail(), person.email())) {
        continue;
      }
      // Chinese names are written family name first and not split; Tasklist shows first + last name.
      user.setFirstName(person.name());
      user.setLastName("");
      user.setEmail(person.email());
      identityService.saveUser(user);
      changed++;
    }
    return changed;
  }

  private int synchronizeGroups(Map<String, GroupSpec> desired) {
    Map<String, Group> existing = identityService.createGroupQuery().list().stream()
        .collect(Collectors.toMap(Group::getId, Function.identity()));
    int changed = 0;
    for (GroupSpec wanted : desired.values()) {
      Group group = existing.get(wanted.id());
      if (group != null && Objects.equals(group.getName(), wanted.name())
          && Objects.equals(group.getType(), wanted.type())) {
        continue;
      }
      if (group == null) {
        group = identityService.newGroup(wanted.id());
      }
      group.setName(wanted.name());
      group.setType(wanted.type());
      identityService.saveGroup(group);
      changed++;
    }
    for (String id : existing.keySet()) {
      if (isRoleGroup(id) && !desired.containsKey(id)) {
        identityService.deleteGroup(id);
        changed++;
      }
    }
    return changed;
  }

  private int synchronizeMemberships(List<PersonState> people, Set<String> managedGroups, Set<Membership> desired) {
    Set<String> managedUsers = people.stream().filter(PersonState::active).map(PersonState::id)
        .collect(Collectors.toSet());
    // One read of the membership table instead of a query per group: thousands of groups in a district.
    Set<Membership> existing = new HashSet<>(jdbc.sql("select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP")
        .query((rs, row) -> new Membership(rs.getString(1), rs.getString(2))).list());
    int changed = 0;
    for (Membership membership : desired) {
      if (!existing.contains(membership)) {
        identityService.createMembership(membership.userId(), membership.groupId());
        changed++;
      }
    }
    for (Membership membership : existing) {
      if (managedUsers.contains(membership.userId()) && managedGroups.contains(membership.groupId())
          && !desired.contains(membership)) {
        identityService.deleteMembership(membership.userId(), membership.groupId());
        changed++;
      }
    }
    return changed;
  }

  private Map<String, GroupSpec> desiredGroups() {
    Map<String, GroupSpec> groups = new HashMap<>();
    put(groups, AccessGroups.HANDLERS, "办件人员 (Tasklist)", Groups.GROUP_TYPE_SYSTEM);
    put(groups, AccessGroups.SUPERVISORS, "督查人员 (Cockpit)", Groups.GROUP_TYPE_SYSTEM);
    put(groups, AccessGroups.ADMINISTRATORS, "Camunda BPM Administrators", Groups.GROUP_TYPE_SYSTEM);
    for (UnitView unit : repository.findActiveUnits()) {
      for (Role role : Role.values()) {
        if (role.hasCandidateGroup() && role.heldAt(unit.level())) {
          put(groups, CandidateGroups.of(unit.code(), role), unit.name() + " " + role.label(), ROLE_GROUP_TYPE);
        }
      }
    }
    return groups;
  }

  private Set<Membership> desiredMemberships() {
    Set<Membership> memberships = new HashSet<>();
    for (RoleRow assignment : repository.findRoleAssignments()) {
      Role role = assignment.role();
      if (role.hasCandidateGroup()) {
        memberships.add(new Membership(assignment.personId(), CandidateGroups.of(assignment.unitCode(), role)));
      }
      String functional = switch (role.access()) {
        case HANDLER -> AccessGroups.HANDLERS;
        case SUPERVISOR -> AccessGroups.SUPERVISORS;
        case ADMINISTRATOR -> AccessGroups.ADMINISTRATORS;
      };
      memberships.add(new Membership(assignment.personId(), functional));
    }
    return memberships;
  }

  private static void put(Map<String, GroupSpec> groups, String id, String name, String type) {
    groups.put(id, new GroupSpec(id, name, type));
  }

  private record GroupSpec(String id, String name, String type) {
  }

  /** Groups named {@code <unit code>.<role key>} belong to the organisation; others are left alone. */
  static boolean isRoleGroup(String groupId) {
    return CandidateGroups.parse(groupId).isPresent();
  }

  private record Membership(String userId, String groupId) {
  }
}
