package org.gridcase.workload;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the system. Who may declare an absence is decided by the application, and a
 * hand-over or a backup group must happen whoever's action triggered it; the caller's own Camunda
 * authorizations (a grid worker may not reassign other people's tasks) must not stop it. The engine
 * checks authorizations only for an authenticated user, so the caller's authentication is set aside
 * for the call and restored afterwards.
 */
@Component
class SystemCalls {

  private final IdentityService identityService;

  SystemCalls(IdentityService identityService) {
    this.identityService = identityService;
  }

  <T> T call(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      return work.get();
    }
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }
}
