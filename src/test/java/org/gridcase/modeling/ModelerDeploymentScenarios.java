package org.gridcase.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What a modeler does in Camunda Modeler: deploy the one edited file through {@code POST
 * /engine-rest/deployment/create} as an administrator, then citizens keep posting requests. On H2 and PostgreSQL.
 */
abstract class ModelerDeploymentScenarios {

  private static final String PROCESS = "citizen-request";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ReleaseDeployment release;

  /** Whatever a test deployed, the engine runs the release again afterwards, as after a restart. */
  @AfterEach
  void restoreTheRelease() {
    release.deploy(engine);
  }

  @Test
  void aBpmnOnlyDeployFromModelerRoutesNewRequestsAsBefore() throws IOException {
    ProcessInstance before = intake("发布版流程：楼道灯不亮");
    String edited = bpmn().replace("name=\"民生诉求办理\"", "name=\"民生诉求办理（修订）\"");
    ResponseEntity<JsonNode> deployed = deploy("citizen-request.bpmn", edited);
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    ProcessDefinition latest = latest();
    assertThat(latest.getDeploymentId()).isEqualTo(deployed.getBody().get("id").asText());
    assertThat(latest.getName()).isEqualTo("民生诉求办理（修订）");
    assertThat(repositoryService.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult()
        .getSource()).isEqualTo("Camunda Modeler");

    ProcessInstance instance = intake("修订后的流程：楼道灯不亮");
    assertThat(instance.getProcessDefinitionId()).isEqualTo(latest.getId());
    // Both decisions at intake ran (binding latest finds the release's): the same proposal and the same
    // triage group as under the release's version, and the triage task finds its form.
    // (The proposal itself is local to its task; the colour and handler level it set remain.)
    for (String decided : new String[] {"colour", "handlerLevel"}) {
      assertThat(runtimeService.getVariable(instance.getId(), decided)).as(decided).isNotNull()
          .isEqualTo(runtimeService.getVariable(before.getId(), decided));
    }
    Task triage = triageTask(instance);
    assertThat(candidateGroups(triage)).isEqualTo(candidateGroups(triageTask(before)));
    assertThat(formService.getDeployedTaskForm(triage.getId())).isNotNull();
  }

  private Task triageTask(ProcessInstance instance) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Triage");
    return task;
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted()
        .toList();
  }

  @Test
  void aDeployWhoseDecisionOrFormIsNowhereIsRefusedNamingIt() throws IOException {
    String before = latest().getId();
    String edited = bpmn()
        .replace("camunda:decisionRef=\"triage\"", "camunda:decisionRef=\"triage-2027\"")
        .replace("camunda:formRef=\"feedback-call\" camunda:formRefBinding=\"latest\"",
            "camunda:formRef=\"feedback-call\" camunda:formRefBinding=\"deployment\"");
    ResponseEntity<JsonNode> refused = deploy("citizen-request.bpmn", edited);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("type").asText()).isEqualTo("ParseException");
    assertThat(refused.getBody().get("message").asText()).contains("triage-2027", "feedback-call");
    JsonNode errors = refused.getBody().at("/details/citizen-request.bpmn/errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.findValuesAsText("mainElementId")).containsExactlyInAnyOrder("Task_ProposeTriage",
        "Task_FeedbackCall");
    assertThat(latest().getId()).isEqualTo(before);
    assertThat(intake("部署被拒后：井盖松动").getProcessDefinitionId()).isEqualTo(before);
  }

  @Test
  void theMissingDecisionDeployedTogetherIsAccepted() throws IOException {
    String decision = new ClassPathResource("processes/triage.dmn").getContentAsString(StandardCharsets.UTF_8)
        .replace("<decision id=\"triage\"", "<decision id=\"triage-2027\"");
    String edited = bpmn().replace("camunda:decisionRef=\"triage\" camunda:decisionRefBinding=\"latest\"",
        "camunda:decisionRef=\"triage-2027\" camunda:decisionRefBinding=\"deployment\"");
    assertThat(deploy("citizen-request.bpmn", edited, "triage-2027.dmn", decision).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ProcessInstance instance = intake("新决策一同部署：路面塌陷");
    assertThat(runtimeService.getVariable(instance.getId(), "colour")).as("the decision's colour").isNotNull();
  }

  @Test
  void aRestartPutsTheReleaseBackAfterAModelerDeployAndOtherwiseDeploysNothing() throws IOException {
    assertThat(release.deploy(engine)).isEmpty();
    deploy("citizen-request.bpmn", bpmn().replace("name=\"民生诉求办理\"", "name=\"试验版\""));
    assertThat(latest().getName()).isEqualTo("试验版");

    String restored = release.deploy(engine).orElseThrow();
    ProcessDefinition latest = latest();
    assertThat(latest.getDeploymentId()).isEqualTo(restored);
    assertThat(latest.getName()).isEqualTo("民生诉求办理");
    // The whole set, so every process, decision and form of the release is in it.
    assertThat(repositoryService.getDeploymentResourceNames(restored)).contains("processes/citizen-request.bpmn",
        "processes/triage.dmn", "forms/triage-request.form");
    assertThat(release.deploy(engine)).isEmpty();
  }

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion()
        .singleResult();
  }

  private static String bpmn() throws IOException {
    return new ClassPathResource("processes/citizen-request.bpmn").getContentAsString(StandardCharsets.UTF_8);
  }

  /** As Camunda Modeler posts it: one part per file, the deployment named after the file. */
  private ResponseEntity<JsonNode> deploy(String... namesAndContents) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", namesAndContents[0].replace(".bpmn", ""));
    body.add("deployment-source", "Camunda Modeler");
    body.add("deploy-changed-only", "true");
    for (int i = 0; i < namesAndContents.length; i += 2) {
      String filename = namesAndContents[i];
      HttpHeaders part = new HttpHeaders();
      part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
      body.add(filename, new HttpEntity<>(new ByteArrayResource(
          namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8)) {
        @Override
        public String getFilename() {
          return filename;
        }
      }, part));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth("demo", "demo").exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ProcessInstance intake(String description) {
    Map<String, Object> request = new HashMap<>(Map.of("description", description, "gridCode", "DC-01-01-001",
        "categoryCode", "C04", "channel", "hotline"));
    ResponseEntity<JsonNode> response = rest.withBasicAuth("demo", "demo").postForEntity("/api/requests", request,
        JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS)
        .processInstanceBusinessKey(response.getBody().get("trackingNumber").asText()).singleResult();
  }
}
