package org.gridcase.security;

import java.util.function.Supplier;

/**
 * Marks an engine call the application makes on a person's behalf after checking it itself (the intake
 * API starts a case with the routing facts it computed): the engine guards let its variables through,
 * while Camunda's authorizations still apply to the caller.
 */
public final class TrustedEngineCalls {

  private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> false);

  private TrustedEngineCalls() {
  }

  public static <T> T call(Supplier<T> work) {
    boolean outer = TRUSTED.get();
    TRUSTED.set(true);
    try {
      return work.get();
    } finally {
      TRUSTED.set(outer);
    }
  }

  static boolean active() {
    return TRUSTED.get();
  }
}
