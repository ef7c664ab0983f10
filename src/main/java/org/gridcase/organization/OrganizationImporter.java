package org.gridcase.organization;

import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridcase.common.Checksums;
import org.gridcase.organization.Dataset.DepartmentRecord;
import org.gridcase.organization.Dataset.PersonRecord;
import org.gridcase.organization.Dataset.RoleRecord;
import org.gridcase.organization.Dataset.UnitRecord;
import org.gridcase.organization.OrganizationRepository.BuildingRow;
import org.gridcase.organization.OrganizationRepository.PersonRow;
import org.gridcase.organization.OrganizationRepository.RoleRow;
import org.gridcase.organization.OrganizationRepository.UnitRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an organisation dataset in one transaction: tables, then Camunda identity. A file with any
 * problem is rejected before the first write, and a failure later rolls everything back.
 */
@Service
class OrganizationImporter {

  private static final Logger log = LoggerFactory.getLogger(OrganizationImporter.class);

  private final DatasetParser parser = new DatasetParser();
  private final OrganizationRepository repository;
  private final IdentitySynchronizer identity;
  private final UnitCache units;
  private final Clock clock;

  OrganizationImporter(OrganizationRepository repository, IdentitySynchronizer identity, UnitCache units) {
    this.repository = repository;
    this.identity = identity;
    this.units = units;
    this.clock = Clock.systemUTC();
  }

  /** Imports unless the last import had exactly this content. */
  @Transactional
  ImportResult importIfChanged(String source, byte[] content, String importedBy) {
    if (repository.lastImportChecksum().filter(Checksums.sha256(content)::equals).isPresent()) {
      log.info("Organisation dataset {} unchanged since the last import", source);
      return new ImportResult(false, null, 0, 0, 0, 0);
    }
    return importDataset(source, content, importedBy);
  }

  @Transactional
  ImportResult importDataset(String source, byte[] content, String importedBy) {
    Dataset dataset = parser.parse(source,
        new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
    Instant now = clock.instant();

    List<UnitRow> units = new ArrayList<>();
    dataset.units().stream()
        .sorted(Comparator.comparing(UnitRecord::level).thenComparing(UnitRecord::code))
        .forEach(unit -> units.add(new UnitRow(unit.code(), unit.name(), unit.level(), unit.gridType(),
            unit.parentCode())));
    String district = dataset.districtCode();
    for (DepartmentRecord department : dataset.departments()) {
      units.add(new UnitRow(department.code(), department.name(), UnitLevel.DEPARTMENT, null, district));
    }
    repository.replaceUnits(units, now);
    this.units.forget();
    repository.replaceDepartmentGrids(departmentGrids(dataset));

    List<PersonRow> people = new ArrayList<>();
    List<RoleRow> roles = new ArrayList<>();
    for (PersonRecord person : dataset.people()) {
      people.add(new PersonRow(person.id(), person.name(), person.phone(), person.email()));
      for (RoleRecord role : person.roles()) {
        roles.add(new RoleRow(person.id(), role.role(), role.unitCode(), role.backupPersonId()));
      }
    }
    repository.replacePeople(people, roles, now);
    Map<String, GridArea> areas = new java.util.TreeMap<>();
    dataset.units().stream().filter(unit -> unit.area() != null).forEach(unit -> areas.put(unit.code(), unit.area()));
    repository.replaceLocations(dataset.buildings().stream()
        .map(b -> new BuildingRow(b.id(), b.name(), b.address(), b.gridCode())).toList(), areas);
    repository.recordImport(dataset.version(), source, Checksums.sha256(content), importedBy, now,
        units.size(), people.size());
    identity.synchronize();

    log.info("Imported organisation dataset {} (version {}): {} units, {} people, {} role assignments,"
        + " {} buildings, {} grid areas", source, dataset.version(), units.size(), people.size(), roles.size(),
        dataset.buildings().size(), areas.size());
    return new ImportResult(true, dataset.version(), dataset.units().size(), dataset.departments().size(),
        people.size(), roles.size());
  }

  /** Expands each department's street, community or grid codes to the grids below them. */
  private static List<String[]> departmentGrids(Dataset dataset) {
    Map<String, List<UnitRecord>> children = new HashMap<>();
    for (UnitRecord unit : dataset.units()) {
      if (unit.parentCode() != null) {
        children.computeIfAbsent(unit.parentCode(), code -> new ArrayList<>()).add(unit);
      }
    }
    Map<String, UnitLevel> levels = new HashMap<>();
    dataset.units().forEach(unit -> levels.put(unit.code(), unit.level()));
    List<String[]> pairs = new ArrayList<>();
    for (DepartmentRecord department : dataset.departments()) {
      Set<String> grids = new LinkedHashSet<>();
      for (String served : department.serves()) {
        collectGrids(served, levels, children, grids);
      }
      grids.forEach(grid -> pairs.add(new String[] {department.code(), grid}));
    }
    return pairs;
  }

  private static void collectGrids(String code, Map<String, UnitLevel> levels,
      Map<String, List<UnitRecord>> children, Set<String> grids) {
    if (levels.get(code) == UnitLevel.GRID) {
      grids.add(code);
      return;
    }
    for (UnitRecord child : children.getOrDefault(code, List.of())) {
      collectGrids(child.code(), levels, children, grids);
    }
  }
}
