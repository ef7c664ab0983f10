package org.gridcase.workload;

import java.time.Instant;
import org.gridcase.workload.AbsenceRepository.Absence;

/** Where an absence stands at a given time; the label is what a user reads. */
enum AbsenceStatus {
  PLANNED("待开始"),
  ONGOING("请假中"),
  OVER("已结束"),
  CANCELLED("已撤销");

  private final String label;

  AbsenceStatus(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static AbsenceStatus of(Absence absence, Instant now) {
    if (absence.cancelledAt() != null) {
      return CANCELLED;
    }
    if (!absence.until().isAfter(now)) {
      return OVER;
    }
    return absence.from().isAfter(now) ? PLANNED : ONGOING;
  }
}
