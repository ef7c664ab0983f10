package org.gridcase.modeling;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ReferenceCheck} before the engine's deployers and deploys the release once the engine is built,
 * at the point where the starter's auto-deployment (switched off: {@code camunda.bpm.auto-deployment-enabled})
 * would have run.
 */
@Component
class ModelingPlugin extends AbstractProcessEnginePlugin {

  private final ReleaseDeployment release;

  ModelingPlugin(ReleaseDeployment release) {
    this.release = release;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<org.camunda.bpm.engine.impl
        .persistence.deploy.Deployer>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(new ReferenceCheck());
    configuration.setCustomPreDeployers(preDeployers);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    release.deploy(processEngine);
  }
}
