package org.gridcase.emergency;

import java.time.Instant;

/** An emergency declaration over an area, as the REST API shows it. */
record Emergency(long id, String areaCode, String areaName, String reason, String declaredBy, Instant declaredAt,
    String liftedBy, Instant liftedAt, String liftReason) {

  boolean active() {
    return liftedAt == null;
  }
}
