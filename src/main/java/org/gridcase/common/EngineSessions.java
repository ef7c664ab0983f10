package org.gridcase.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** Puts a session of our own (a manager) in place of one of the engine's, from a plugin's {@code preInit}. */
public final class EngineSessions {

  private EngineSessions() {
  }

  /** The engine's custom session factories come after its own, so this one replaces the engine's of that type. */
  public static void replace(ProcessEngineConfigurationImpl configuration, Class<? extends Session> sessionType,
      Supplier<? extends Session> session) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return sessionType;
      }

      @Override
      public Session openSession() {
        return session.get();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }
}
