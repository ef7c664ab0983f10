package org.gridcase.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Refuses a new deployment whose processes reference a decision ({@code camunda:decisionRef}) or a Camunda
 * Form ({@code camunda:formRef}) that neither the deployment itself nor the reference's binding can find in the
 * engine, so a one-file deploy from Camunda Modeler cannot leave a process that fails at its first
 * business-rule task or user task. Engine REST answers the {@link ParseException} with 400 and, per BPMN
 * resource, the element ids and what is missing (Modeler shows them). Runs before the engine's own deployers;
 * a deployment read back from the database (cache miss) is not checked again.
 */
class ReferenceCheck implements Deployer {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One reference of one element: what it names and how the engine resolves it. */
  record Reference(String elementId, Kind kind, String key, String binding, String version, String versionTag) {
  }

  enum Kind {
    DECISION("决策", "decision"), FORM("表单", "form");

    private final String label;
    private final String english;

    Kind(String label, String english) {
      this.label = label;
      this.english = english;
    }
  }

  /** A problem in the shape engine REST reports for parse errors. */
  record Missing(String message, String elementId) implements Problem {

    @Override
    public String getMessage() {
      return message;
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public List<String> getElementIds() {
      return List.of(elementId);
    }
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    if (resources == null) {
      return;
    }
    Set<String> decisions = new HashSet<>();
    Set<String> forms = new HashSet<>();
    resources.values().forEach(resource -> collectKeys(resource, decisions, forms));
    CommandContext context = Context.getCommandContext();
    for (ResourceEntity resource : resources.values()) {
      if (!isBpmn(resource.getName())) {
        continue;
      }
      List<Problem> problems = new ArrayList<>();
      for (Reference reference : references(resource)) {
        boolean deployedTogether = (reference.kind() == Kind.DECISION ? decisions : forms).contains(reference.key());
        if (!deployedTogether && !context.runWithoutAuthorization(() -> resolvable(context, reference))) {
          problems.add(new Missing(message(reference), reference.elementId()));
        }
      }
      if (!problems.isEmpty()) {
        throw new ParseException("部署被拒绝：" + resource.getName() + " 引用的决策或表单不存在 (deployment refused: "
            + problems.stream().map(Problem::getMessage).toList() + ")", resource.getName(), problems, List.of());
      }
    }
  }

  /** Every decision and form reference of the BPMN; expressions ({@code ${...}}) cannot be checked here. */
  static List<Reference> references(ResourceEntity resource) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
    } catch (RuntimeException unreadable) {
      return List.of(); // the engine's BPMN parser reports what is wrong with the file
    }
    List<Reference> references = new ArrayList<>();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      add(references, task.getId(), Kind.DECISION, task.getCamundaDecisionRef(), task.getCamundaDecisionRefBinding(),
          task.getCamundaDecisionRefVersion(), task.getCamundaDecisionRefVersionTag());
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      add(references, task.getId(), Kind.FORM, task.getCamundaFormRef(), task.getCamundaFormRefBinding(),
          task.getCamundaFormRefVersion(), null);
    }
    for (StartEvent event : model.getModelElementsByType(StartEvent.class)) {
      add(references, event.getId(), Kind.FORM, event.getCamundaFormRef(), event.getCamundaFormRefBinding(),
          event.getCamundaFormRefVersion(), null);
    }
    return references;
  }

  private static void add(List<Reference> references, String elementId, Kind kind, String key, String binding,
      String version, String versionTag) {
    if (key == null || key.isBlank() || key.contains("${") || key.contains("#{")) {
      return;
    }
    // The engine's default binding for both references is "latest".
    references.add(new Reference(elementId, kind, key, binding == null ? "latest" : binding, version, versionTag));
  }

  /** Whether the engine finds the reference without this deployment, as its binding says. */
  private static boolean resolvable(CommandContext context, Reference reference) {
    String key = reference.key();
    return switch (reference.binding()) {
      case "latest" -> reference.kind() == Kind.DECISION
          ? context.getDecisionDefinitionManager().findLatestDefinitionByKey(key) != null
          : context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
      case "version" -> version(reference) != null && (reference.kind() == Kind.DECISION
          ? context.getDecisionDefinitionManager().findDefinitionByKeyVersionAndTenantId(key, version(reference), null)
          : context.getCamundaFormDefinitionManager().findDefinitionByKeyVersionAndTenantId(key, version(reference),
              null)) != null;
      case "versionTag" -> reference.kind() == Kind.DECISION && reference.versionTag() != null
          && context.getDecisionDefinitionManager()
              .findDefinitionByKeyVersionTagAndTenantId(key, reference.versionTag(), null) != null;
      // "deployment": only what is deployed together counts, and that was looked at already.
      default -> false;
    };
  }

  private static Integer version(Reference reference) {
    try {
      return reference.version() == null ? null : Integer.valueOf(reference.version().strip());
    } catch (NumberFormatException expression) {
      return null;
    }
  }

  private static String message(Reference reference) {
    String what = reference.kind().english + " '" + reference.key() + "'";
    String zh = reference.kind().label + " '" + reference.key() + "'";
    return switch (reference.binding()) {
      case "deployment" -> reference.elementId() + ": " + zh + " 须与流程一同部署 (binding deployment: " + what
          + " is not in this deployment; deploy it together with the process)";
      case "version" -> reference.elementId() + ": " + zh + " 没有版本 " + reference.version() + " (" + what
          + " has no version " + reference.version() + " in the engine)";
      case "versionTag" -> reference.elementId() + ": " + zh + " 没有版本标签 " + reference.versionTag() + " (" + what
          + " has no version tag " + reference.versionTag() + " in the engine)";
      default -> reference.elementId() + ": " + zh + " 尚未部署 (" + what
          + " is deployed neither with this process nor before; deploy it first or together)";
    };
  }

  private static void collectKeys(ResourceEntity resource, Set<String> decisions, Set<String> forms) {
    String name = resource.getName();
    try {
      if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
            .getModelElementsByType(Decision.class).forEach(decision -> decisions.add(decision.getId()));
      } else if (name.endsWith(".form")) {
        JsonNode id = JSON.readTree(resource.getBytes()).get("id");
        if (id != null && id.isTextual()) {
          forms.add(id.asText());
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // the engine's own deployers report an unreadable decision or form
    }
  }

  private static boolean isBpmn(String name) {
    return name != null && (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml"));
  }
}
