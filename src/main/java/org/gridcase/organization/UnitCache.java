package org.gridcase.organization;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every unit of gc_unit in memory, read in one query and again after {@code gridcase.organization.unit-cache-ttl}.
 * Intake asked for the same few units seven times a case (the grid, its community, the district, the grid's
 * ancestors for the emergency mode), and the units change only with an import: an import on this node forgets
 * them once it commits, one on another node is seen after the time to live. A code the snapshot lacks (a unit
 * written since) is read from the table.
 */
@Component
class UnitCache {

  private final OrganizationRepository repository;
  private final long ttlNanos;
  private volatile Snapshot snapshot;

  private record Snapshot(Map<String, UnitView> units, String districtCode, long loadedAtNanos) {
  }

  UnitCache(OrganizationRepository repository, OrganizationProperties properties) {
    this.repository = repository;
    this.ttlNanos = properties.unitCacheTtl().toNanos();
  }

  Optional<UnitView> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    UnitView unit = current().units().get(code);
    return unit != null ? Optional.of(unit) : repository.findUnit(code);
  }

  Optional<String> districtCode() {
    String code = current().districtCode();
    return code != null ? Optional.of(code) : repository.findDistrictCode();
  }

  /** After an import: forgotten now, and again once the import commits, so no reader keeps what it replaced. */
  void forget() {
    snapshot = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          snapshot = null;
        }
      });
    }
  }

  private Snapshot current() {
    Snapshot current = snapshot;
    if (current == null || System.nanoTime() - current.loadedAtNanos() > ttlNanos) {
      synchronized (this) {
        current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAtNanos() > ttlNanos) {
          current = load();
          snapshot = current;
        }
      }
    }
    return current;
  }

  private Snapshot load() {
    long loadedAt = System.nanoTime();
    Map<String, UnitView> units = new HashMap<>();
    String district = null;
    for (UnitView unit : repository.findAllUnits()) {
      units.put(unit.code(), unit);
      if (unit.level() == UnitLevel.DISTRICT && unit.active()) {
        district = unit.code();
      }
    }
    return new Snapshot(Map.copyOf(units), district, loadedAt);
  }
}
