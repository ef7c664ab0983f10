package org.gridcase.organization;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a person can hold at a unit. The key is what the dataset and the candidate group ids use
 * (see {@link CandidateGroups}); the levels say where the role may be held.
 */
public enum Role {
  DISTRICT_LIAISON_LEADER("district-liaison-leader", "区级联系领导", Access.HANDLER, UnitLevel.COMMUNITY),
  STREET_PARTY_SECRETARY("street-party-secretary", "街道党工委书记", Access.HANDLER, UnitLevel.STREET),
  GRID_INSTRUCTOR("grid-instructor", "网格指导员", Access.HANDLER, UnitLevel.GRID),
  COMMUNITY_PARTY_SECRETARY("community-party-secretary", "社区党组织书记", Access.HANDLER, UnitLevel.COMMUNITY),
  COMMUNITY_REVIEWER("community-reviewer", "社区回访员", Access.HANDLER, UnitLevel.COMMUNITY),
  GRID_LEADER("grid-leader", "网格长", Access.HANDLER, UnitLevel.GRID),
  GRID_WORKER("grid-worker", "专职网格员", Access.HANDLER, UnitLevel.GRID),
  PART_TIME_GRID_WORKER("part-time-grid-worker", "兼职网格员", Access.HANDLER, UnitLevel.GRID),
  BUILDING_LEADER("building-leader", "楼栋长", Access.HANDLER, UnitLevel.GRID),
  COMMUNITY_POLICE("community-police", "社区民警", Access.HANDLER, UnitLevel.COMMUNITY),
  DEPARTMENT_OFFICER("department-officer", "部门联络员", Access.HANDLER, UnitLevel.DEPARTMENT),
  SUPERVISOR("supervisor", "督查员", Access.SUPERVISOR, UnitLevel.DISTRICT, UnitLevel.STREET),
  ADMINISTRATOR("administrator", "系统管理员", Access.ADMINISTRATOR, UnitLevel.DISTRICT);

  /** Which Camunda web application a holder of the role works in. */
  public enum Access {
    HANDLER, SUPERVISOR, ADMINISTRATOR
  }

  private final String key;
  private final String label;
  private final Access access;
  private final Set<UnitLevel> levels;

  Role(String key, String label, Access access, UnitLevel first, UnitLevel... more) {
    this.key = key;
    this.label = label;
    this.access = access;
    this.levels = EnumSet.of(first, more);
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public Access access() {
    return access;
  }

  public boolean heldAt(UnitLevel level) {
    return levels.contains(level);
  }

  /** Whether the role gets a candidate group per unit; administrators work through camunda-admin only. */
  boolean hasCandidateGroup() {
    return access != Access.ADMINISTRATOR;
  }

  static java.util.List<String> keys() {
    return Arrays.stream(values()).map(Role::key).toList();
  }

  public static Optional<Role> ofKey(String key) {
    return Arrays.stream(values()).filter(role -> role.key.equals(key)).findFirst();
  }
}
