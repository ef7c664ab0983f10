package org.gridcase.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets an {@link InvalidFieldsException} thrown by a listener leave the engine as itself, not wrapped in
 * "Exception while invoking TaskListener": the engine then logs it as a user's mistake (debug, as every
 * {@code BadUserRequestException}) instead of an error with a stack trace, and callers catch an
 * {@link InvalidFieldsException} whose root cause is the listener's own exception.
 * The interceptor runs inside the command context, so the transaction still rolls back.
 */
@Component
class InvalidFieldsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        withUnwrapping(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        withUnwrapping(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withUnwrapping(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(new Unwrapping());
    return all;
  }

  private static final class Unwrapping extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
          if (cause instanceof InvalidFieldsException invalid) {
            // Wraps the engine's wrapper, so the listener's own exception stays the root cause.
            throw new InvalidFieldsException(invalid.fields(), e);
          }
        }
        throw e;
      }
    }
  }
}
