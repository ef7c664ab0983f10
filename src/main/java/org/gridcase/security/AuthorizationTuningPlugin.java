package org.gridcase.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.gridcase.common.EngineSessions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Puts {@link InboxAuthorizationManager} in place of the engine's authorization manager. */
@Component
@EnableConfigurationProperties(AuthorizationTuningProperties.class)
class AuthorizationTuningPlugin extends AbstractProcessEnginePlugin {

  private final AuthorizationTuningProperties tuning;

  AuthorizationTuningPlugin(AuthorizationTuningProperties tuning) {
    this.tuning = tuning;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, AuthorizationManager.class, () -> new InboxAuthorizationManager(tuning));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (tuning.distinctFreeTaskQueries()) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new DistinctFreeTaskQueries(
          "postgres".equals(configuration.getDatabaseType())));
    }
  }
}
