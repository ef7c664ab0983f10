package org.gridcase.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the organisation for other modules. */
@Service
@Transactional(readOnly = true)
public class OrganizationDirectory {

  private final OrganizationRepository repository;
  private final UnitCache units;

  OrganizationDirectory(OrganizationRepository repository, UnitCache units) {
    this.repository = repository;
    this.units = units;
  }

  public Optional<UnitView> findUnit(String code) {
    return units.find(code);
  }

  /** The active grid with this code, if there is one. */
  public Optional<UnitView> findActiveGrid(String code) {
    return units.find(code).filter(unit -> unit.active() && unit.level() == UnitLevel.GRID);
  }

  /** The active grid of a building of the registry ({@code addressId} of a request), if it is known. */
  public Optional<String> gridOfBuilding(String addressId) {
    return addressId == null ? Optional.empty() : repository.findGridOfBuilding(addressId.strip());
  }

  /**
   * The active grid whose polygon holds the point (WGS 84), edges included; empty when the point is outside
   * every polygon. SQL narrows the grids down by bounding box, the exact test runs here. A point on an edge
   * two grids share belongs to the one with the lower grid code.
   */
  public Optional<String> gridAt(double latitude, double longitude) {
    return repository.findAreasAround(latitude, longitude).stream()
        .filter(candidate -> candidate.area().contains(latitude, longitude))
        .map(OrganizationRepository.AreaRow::gridCode)
        .findFirst();
  }

  /** Every active grid's polygon with its community and street, by grid code (grids without one are left out). */
  public List<GridOutline> gridOutlines() {
    return repository.findOutlines();
  }

  /** Names (never logins) of the active holders of a role at a unit, e.g. a grid's leader 网格长. */
  public List<String> holderNames(String unitCode, Role role) {
    return repository.findHolderNames(role, unitCode);
  }

  /**
   * Changes with every import of the organisation dataset, so that data derived from the organisation (a
   * map's geometry) can be cached until the next import.
   */
  public long revision() {
    return repository.lastImportId();
  }

  public List<UnitView> children(String code) {
    return repository.findChildren(code);
  }

  /**
   * The unit and every active unit below it (departments aside), in code order. One query and a walk in
   * memory, for callers that need a whole area: its grids, its leaders, its units at some level.
   */
  public List<UnitView> subtree(String code) {
    UnitView root = units.find(code).orElseThrow(() -> new IllegalArgumentException("unknown unit " + code));
    java.util.Map<String, List<UnitView>> children = repository.findActiveUnits().stream()
        .filter(unit -> unit.parentCode() != null && unit.level() != UnitLevel.DEPARTMENT)
        .collect(java.util.stream.Collectors.groupingBy(UnitView::parentCode));
    List<UnitView> result = new java.util.ArrayList<>();
    java.util.Deque<UnitView> toVisit = new java.util.ArrayDeque<>(List.of(root));
    while (!toVisit.isEmpty()) {
      UnitView unit = toVisit.pop();
      result.add(unit);
      toVisit.addAll(children.getOrDefault(unit.code(), List.of()));
    }
    result.sort(java.util.Comparator.comparing(UnitView::code));
    return result;
  }

  /** The community a grid belongs to. */
  public String communityOf(String gridCode) {
    return units.find(gridCode).map(UnitView::parentCode)
        .orElseThrow(() -> new IllegalArgumentException("unknown grid " + gridCode));
  }

  /** The district's code; a dataset has exactly one district. */
  public String districtCode() {
    return units.districtCode().orElseThrow(() -> new IllegalStateException("no organisation imported"));
  }

  /** Active departments (包网部门), for the whistle. */
  public List<UnitView> departments() {
    return repository.findActiveUnits(UnitLevel.DEPARTMENT);
  }

  /**
   * The A/B partners (AB角) of a candidate group: the candidate groups of the backup persons of the
   * holders of that group's role at that unit, e.g. {@code DC-01-01-001.grid-leader} gives
   * {@code DC-01-01.community-party-secretary}. Distinct, ordered by unit code and role, without the group
   * itself; empty for groups that name no unit role or whose holders have no backup.
   */
  public List<String> backupGroupsOf(String candidateGroupId) {
    return CandidateGroups.parse(candidateGroupId).stream()
        .flatMap(group -> repository.findRolesOfBackups(group.role(), group.unitCode()).stream())
        .filter(held -> held.role().hasCandidateGroup())
        .map(held -> CandidateGroups.of(held.unitCode(), held.role()))
        .filter(group -> !group.equals(candidateGroupId))
        .distinct()
        .toList();
  }

  /**
   * The backup person (AB角) of a person for the role assignment a candidate group names. When the group
   * is null, is not one of the person's role assignments or that assignment names no backup: the backup of
   * their first role assignment that names one (by unit code, then role). Empty when no role has a backup.
   */
  public Optional<String> backupOf(String personId, String candidateGroupId) {
    Optional<String> exact = CandidateGroups.parse(candidateGroupId)
        .flatMap(group -> repository.findBackup(personId, group.role(), group.unitCode()));
    return exact.isPresent() ? exact : repository.findFirstBackup(personId);
  }
}
