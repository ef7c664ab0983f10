package org.gridcase.jobs;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.gridcase.common.EngineSessions;
import org.springframework.stereotype.Component;

/** Puts {@link LoadedJobManager} in place of the engine's job manager. */
@Component
class LoadedJobsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.replace(configuration, JobManager.class, LoadedJobManager::new);
  }
}
