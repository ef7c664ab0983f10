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

  OrganizationDirectory(OrganizationRepository repository) {
    this.repository = repository;
  }

  public Optional<UnitView> findUnit(String code) {
    return repository.findUnit(code);
  }

  /** The active grid with this code, if there is one. */
  public Optional<UnitView> findActiveGrid(String code) {
    return repository.findUnit(code).filter(unit -> unit.active() && unit.level() == UnitLevel.GRID);
  }

  public List<UnitView> children(String code) {
    return repository.findChildren(code);
  }

  /** The community a grid belongs to. */
  public String communityOf(String gridCode) {
    return repository.findUnit(gridCode).map(UnitView::parentCode)
        .orElseThrow(() -> new IllegalArgumentException("unknown grid " + gridCode));
  }

  /** The district's code; a dataset has exactly one district. */
  public String districtCode() {
    return repository.findDistrictCode().orElseThrow(() -> new IllegalStateException("no organisation imported"));
  }

  /** Active departments (包网部门), for the whistle. */
  public List<UnitView> departments() {
    return repository.findActiveUnits(UnitLevel.DEPARTMENT);
  }
}
