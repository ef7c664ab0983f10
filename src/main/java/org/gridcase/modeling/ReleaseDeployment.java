package org.gridcase.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The release's BPMN, DMN and forms ({@code camunda.bpm.deployment-resource-pattern}) deployed as one set, in
 * place of the starter's auto-deployment. The starter compares the files with its own last deployment by name
 * only, so after someone deployed another version from Camunda Modeler a restart left that version current.
 * Here the comparison is with what the engine runs: when the latest version of any process, decision or form
 * of the release differs from the release's file, the whole set is deployed again (all files together, so every
 * reference resolves), unless {@code gridcase.modeling.restore-release-on-start} is false.
 */
@Component
class ReleaseDeployment {

  static final String NAME = "gridcase-release";
  static final String SOURCE = "Gridcase release";
  private static final Logger LOG = LoggerFactory.getLogger(ReleaseDeployment.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelingProperties properties;
  private final List<String> patterns;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  ReleaseDeployment(ModelingProperties properties, CamundaBpmProperties camunda) {
    this.properties = properties;
    this.patterns = Arrays.asList(camunda.getDeploymentResourcePattern());
  }

  /** A file of the release: its deployment name (folder/file) and content. */
  record Model(String name, byte[] content) {
  }

  /**
   * Deploys the release when the engine does not run it (see the class comment); returns the deployment's id,
   * or empty when the engine runs the release already.
   */
  Optional<String> deploy(ProcessEngine engine) {
    List<Model> release = release();
    if (release.isEmpty()) {
      return Optional.empty();
    }
    RepositoryService repository = engine.getRepositoryService();
    DeploymentBuilder builder = repository.createDeployment().name(NAME).source(SOURCE);
    release.forEach(model -> builder.addInputStream(model.name(), new ByteArrayInputStream(model.content())));
    if (properties.restoreReleaseOnStart()) {
      List<String> outdated = release.stream().filter(model -> !current(engine, model)).map(Model::name).toList();
      if (outdated.isEmpty()) {
        return Optional.empty();
      }
      LOG.info("Deploying the release's models: the engine runs other versions of {}", outdated);
    } else {
      // Camunda's own filter: the whole set when any file changed since the last deployment of this name.
      builder.enableDuplicateFiltering(false);
    }
    return Optional.of(builder.deploy().getId());
  }

  /** Whether the engine's latest version of every definition in the file came from this very content. */
  boolean current(ProcessEngine engine, Model model) {
    List<Optional<? extends ResourceDefinition>> latest = new ArrayList<>();
    RepositoryService repository = engine.getRepositoryService();
    try {
      if (model.name().endsWith(".bpmn")) {
        Bpmn.readModelFromStream(new ByteArrayInputStream(model.content())).getModelElementsByType(Process.class)
            .stream().filter(Process::isExecutable).forEach(process -> latest.add(Optional.ofNullable(
                repository.createProcessDefinitionQuery().processDefinitionKey(process.getId()).withoutTenantId()
                    .latestVersion().singleResult())));
      } else if (model.name().endsWith(".dmn")) {
        Dmn.readModelFromStream(new ByteArrayInputStream(model.content())).getModelElementsByType(Decision.class)
            .forEach(decision -> latest.add(Optional.ofNullable(repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decision.getId()).withoutTenantId().latestVersion().singleResult())));
      } else if (model.name().endsWith(".form")) {
        JsonNode id = JSON.readTree(model.content()).get("id");
        if (id != null) {
          ProcessEngineConfigurationImpl configuration =
              (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
          latest.add(Optional.ofNullable(configuration.getCommandExecutorTxRequired().execute(context ->
              context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(id.asText()))));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return false; // deploying it lets the engine say what is wrong
    }
    return latest.stream().allMatch(definition -> definition.isPresent()
        && Arrays.equals(model.content(), content(repository, definition.get())));
  }

  private static byte[] content(RepositoryService repository, ResourceDefinition definition) {
    try (InputStream in = repository.getResourceAsStream(definition.getDeploymentId(),
        definition.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files the patterns find, named by their folder and file name (processes/triage.dmn). */
  List<Model> release() {
    Map<String, Model> models = new LinkedHashMap<>();
    for (String pattern : patterns) {
      String folder = pattern.replaceFirst("^classpath\\*?:", "").split("/")[0];
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          if (resource.isReadable() && resource.getFilename() != null) {
            String name = folder + "/" + resource.getFilename();
            try (InputStream in = resource.getInputStream()) {
              models.putIfAbsent(name, new Model(name, in.readAllBytes()));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the release's models at " + pattern, e);
      }
    }
    return List.copyOf(models.values());
  }
}
