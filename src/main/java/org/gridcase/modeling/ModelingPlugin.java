package org.gridcase.modeling;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ReferenceCheck} before the engine's deployers, has decisions evaluated through {@link
 * LiteralFeelShortcuts}, and deploys the release once the engine is built, at the point where the starter's
 * auto-deployment (switched off: {@code camunda.bpm.auto-deployment-enabled}) would have run.
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
    useLiteralFeelShortcuts(configuration);
  }

  /**
   * The engine completes this DMN configuration (custom FEEL functions, legacy switch) when it builds its DMN
   * engine, and only then asks the factory for the FEEL engine, so the interpreter is built with those settings.
   */
  static void useLiteralFeelShortcuts(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
        ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(() -> {
      if (dmn.isEnableFeelLegacyBehavior()) {
        return new FeelEngineFactoryImpl().createInstance();
      }
      List<FeelCustomFunctionProvider> functions = dmn.getFeelCustomFunctionProviders();
      return new LiteralFeelShortcuts(new ScalaFeelEngineFactory(functions == null ? List.of() : functions)
          .createInstance());
    });
    configuration.setDmnEngineConfiguration(dmn);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    release.deploy(processEngine);
  }
}
