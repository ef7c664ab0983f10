package org.gridcase.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
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
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new InboxAuthorizationManager(tuning);
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (tuning.distinctFreeTaskQueries()) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new DistinctFreeTaskQueries(
          "postgres".equals(configuration.getDatabaseType())));
    }
  }
}
