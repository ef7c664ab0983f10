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
}
