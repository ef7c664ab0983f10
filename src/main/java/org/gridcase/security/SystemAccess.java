package org.gridcase.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Work the system does on behalf of a case, whoever triggered it: escalating to a leader the handler
 * cannot see, reassigning a task, finding whom to notify. Runs in the caller's transaction (or a new one)
 * with Camunda's authorization checks off for that work only.
 */
@Component
public class SystemAccess {

  private final ProcessEngineConfigurationImpl engine;
  private final IdentityService identity;

  SystemAccess(@Lazy ProcessEngineConfigurationImpl engine, @Lazy IdentityService identity) {
    this.engine = engine;
    this.identity = identity;
  }

  public <T> T call(Supplier<T> work) {
    CommandContext current = Context.getCommandContext();
    return current != null ? callIn(current, work)
        : engine.getCommandExecutorTxRequired().execute(context -> callIn(context, work));
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /** The user ids of the members of these groups, distinct, in group order. */
  public List<String> membersOf(Collection<String> groupIds) {
    return call(() -> {
      LinkedHashSet<String> users = new LinkedHashSet<>();
      for (String group : groupIds) {
        identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
            .map(User::getId).forEach(users::add);
      }
      return List.copyOf(users);
    });
  }

  private static <T> T callIn(CommandContext context, Supplier<T> work) {
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      return work.get();
    } finally {
      if (checking) {
        context.enableAuthorizationCheck();
      }
    }
  }
}
