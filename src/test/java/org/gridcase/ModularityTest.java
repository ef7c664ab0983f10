package org.gridcase;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk to each other only through their public types, and never in cycles. */
class ModularityTest {

  @Test
  void moduleBoundariesHold() {
    ApplicationModules.of(GridcaseApplication.class).verify();
  }
}
