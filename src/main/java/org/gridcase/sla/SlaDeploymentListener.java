package org.gridcase.sla;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Tells {@link ServiceLevels} when a deployment on this node may have brought a new {@code sla} decision. */
@Component
@EnableConfigurationProperties(SlaProperties.class)
class SlaDeploymentListener extends AbstractProcessEnginePlugin implements Deployer {

  private final ServiceLevels serviceLevels;

  SlaDeploymentListener(@Lazy ServiceLevels serviceLevels) {
    this.serviceLevels = serviceLevels;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostDeployers());
    deployers.add(this);
    configuration.setCustomPostDeployers(deployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    serviceLevels.forgetLatestDecision();
  }
}
