package org.gridcase.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridcase.organization.CandidateGroups;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.Role;
import org.gridcase.organization.UnitView;
import org.gridcase.security.AccessGroups;
import org.gridcase.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may see a case's people (the requester's name, phone and e-mail) and its files: the people of the
 * case's own units, and nobody else. That is every role held at the case's grid, its community, its street
 * and the district (which makes the district's supervisors, and a street's supervisors for the cases of
 * their street), the departments a whistle on the case called in, and administrators. Grid workers
 * (full-time and part-time) of the case's grid and the reviewers of its community take requests in and
 * call back, so they and administrators see the contact in full; the others see it masked. A case not yet
 * placed in a grid belongs to the district alone.
 */
@Service
public class CaseAccess {

  /** How much of a case's people the caller may see. */
  public enum Level {
    NONE, MASKED, FULL
  }

  private final OrganizationDirectory organization;
  private final Requests requests;
  private final CurrentUser currentUser;

  CaseAccess(OrganizationDirectory organization, Requests requests, CurrentUser currentUser) {
    this.organization = organization;
    this.requests = requests;
    this.currentUser = currentUser;
  }

  /** What the caller may see of this case's people; 401 without a caller. */
  public Level of(RequestView request) {
    return of(request, currentUser.groupIds());
  }

  /** What a member of these groups may see of this case's people. */
  public Level of(RequestView request, Collection<String> groupIds) {
    Set<String> groups = Set.copyOf(groupIds);
    if (groups.contains(AccessGroups.ADMINISTRATORS)) {
      return Level.FULL;
    }
    List<UnitView> units = unitsOf(request);
    String grid = request.gridCode();
    if (grid != null) {
      String community = units.size() > 1 ? units.get(1).code() : null;
      if (groups.contains(CandidateGroups.of(grid, Role.GRID_WORKER))
          || groups.contains(CandidateGroups.of(grid, Role.PART_TIME_GRID_WORKER))
          || community != null && groups.contains(CandidateGroups.of(community, Role.COMMUNITY_REVIEWER))) {
        return Level.FULL;
      }
    }
    for (UnitView unit : units) {
      for (Role role : Role.values()) {
        if (role.heldAt(unit.level()) && groups.contains(CandidateGroups.of(unit.code(), role))) {
          return Level.MASKED;
        }
      }
    }
    boolean calledIn = requests.departmentsCalledIn(request.id()).stream()
        .anyMatch(department -> groups.contains(CandidateGroups.of(department, Role.DEPARTMENT_OFFICER)));
    return calledIn ? Level.MASKED : Level.NONE;
  }

  /** The caller's level for this case; 403 when the caller is none of the case's people. */
  public Level require(RequestView request) {
    Level level = of(request);
    if (level == Level.NONE) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只有本案所属网格、社区、街道、被召集部门和区督查人员可以查看 (not a case of your units)");
    }
    return level;
  }

  /** The case's grid, community, street and district, from the grid up; the district alone without a grid. */
  private List<UnitView> unitsOf(RequestView request) {
    List<UnitView> units = new ArrayList<>();
    Optional<UnitView> unit = Optional.ofNullable(request.gridCode()).flatMap(organization::findUnit);
    // Parents only: a request's grid is a grid, and the chain ends at the district.
    for (int depth = 0; unit.isPresent() && depth < 4; depth++) {
      units.add(unit.get());
      unit = Optional.ofNullable(unit.get().parentCode()).flatMap(organization::findUnit);
    }
    if (units.isEmpty()) {
      organization.findUnit(organization.districtCode()).ifPresent(units::add);
    }
    return units;
  }
}
