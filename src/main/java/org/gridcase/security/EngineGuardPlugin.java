package org.gridcase.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Installs the engine-level guards: {@link EngineCommandGuard} on every command executor (after the
 * command context exists, so it sees the caller's authentication and whether authorization checks are
 * on), {@link PersonalDataHistoryFilter} in front of the history writer, the writer itself without
 * ACT_HI_DETAIL's variable rows unless gridcase.security.variable-details, and {@link OwnUserReadOnly} for the
 * authorizations of new users.
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

  private final EngineGuardProperties properties;
  private final FormFields forms;

  EngineGuardPlugin(EngineGuardProperties properties, FormFields forms) {
    this.properties = properties;
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineCommandGuard guard = new EngineCommandGuard(new QueryGuard(properties.maxOrQueries()), forms);
    configuration.setCustomPostCommandInterceptorsTxRequired(
        append(configuration.getCustomPostCommandInterceptorsTxRequired(), guard));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), guard));
    configuration.setResourceAuthorizationProvider(new OwnUserReadOnly());
    if (!properties.variableDetails()) {
      configuration.setEnableDefaultDbHistoryEventHandler(false);
      List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
          : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
      handlers.add(0, new WithoutVariableDetails());
      configuration.setCustomHistoryEventHandlers(handlers);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new PersonalDataHistoryFilter(configuration.getHistoryEventHandler(),
        properties.personalVariableNames(), properties.unhistoricVariableNames(),
        Set.copyOf(properties.unrecordedProcesses()), Set.copyOf(properties.unrecordedActivityTypes()),
        properties.unrecordedJobLogStateCodes()));
  }

  /**
   * The engine's history writer without the per-change variable rows of ACT_HI_DETAIL (form property updates
   * and everything else are written as before).
   */
  private static final class WithoutVariableDetails extends DbHistoryEventHandler {
    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return false;
    }
  }

  private static List<CommandInterceptor> append(List<CommandInterceptor> interceptors, CommandInterceptor guard) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(guard);
    return all;
  }
}
