package org.gridcase.workload;

import java.time.Instant;
import java.util.List;
import org.gridcase.workload.AbsenceRepository.Absence;
import org.gridcase.workload.AbsenceRepository.HandOver;

/** An absence as the API shows it, with the tasks it handed over to backups so far. */
record AbsenceView(long id, String userId, Instant from, Instant until, String reason, String declaredBy,
    Instant declaredAt, Instant cancelledAt, AbsenceStatus status, String statusLabel, List<HandOver> handOvers) {

  static AbsenceView of(Absence absence, Instant now, List<HandOver> handOvers) {
    AbsenceStatus status = AbsenceStatus.of(absence, now);
    return new AbsenceView(absence.id(), absence.personId(), absence.from(), absence.until(), absence.reason(),
        absence.declaredBy(), absence.declaredAt(), absence.cancelledAt(), status, status.label(), handOvers);
  }
}
