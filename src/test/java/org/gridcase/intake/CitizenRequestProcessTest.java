package org.gridcase.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.gridcase.intake.CitizenRequestProcess.Variables.DESCRIPTION;
import static org.gridcase.intake.CitizenRequestProcess.Variables.GRID_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.HANDLING_NOTE;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.VariableMap;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The deployed {@code citizen-request} on the real engine, driven through its services. */
@GridcaseTest
class CitizenRequestProcessTest {

  private static final String GRID = "DC-03-02-005";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void bindAssertions() {
    AbstractAssertions.init(engine);
  }

  @Test
  void collectedRequestIsHandledByTheGridWorkersAndClosed() {
    ProcessInstance instance = start(GRID, "<p>12号楼<b>路灯</b>不亮</p><script>alert('x')</script>");

    assertThat(instance).isStarted().isWaitingAt(Elements.TASK_HANDLE);
    assertThat(instance.getBusinessKey()).matches("GC-\\d{4}-\\d{6}");
    assertThat(task()).hasCandidateGroup(GRID + ".grid-worker").hasName("办理诉求 " + instance.getBusinessKey());
    assertThat(runtimeService.getVariables(instance.getId())).as("only ids and routing facts")
        .containsOnlyKeys("gridCode", "requestId", "trackingNumber");
    Map<String, Object> stored = row(instance.getBusinessKey());
    assertThat(stored.get("description")).isEqualTo("12号楼路灯不亮");
    assertThat(stored.get("grid_code")).isEqualTo(GRID);
    assertThat(stored.get("process_instance_id")).isEqualTo(instance.getId());

    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    taskService.claim(task.getId(), "worker-03-02-005");
    taskService.complete(task.getId(), HANDLING_NOTE.asMap("已联系物业更换灯泡"));

    assertThat(instance).hasPassed(Elements.END_EVENT).isEnded();
    Map<String, Object> closed = row(instance.getBusinessKey());
    assertThat(closed.get("handled_by")).isEqualTo("worker-03-02-005");
    assertThat(closed.get("handling_note")).isEqualTo("已联系物业更换灯泡");
    assertThat(closed.get("closed_at")).isNotNull();
  }

  @Test
  void unknownGridIsRefusedAndNothingIsStored() {
    int before = countRequests();
    assertThatThrownBy(() -> start("DC-09-09-999", "路灯不亮"))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("gridCode"));
    assertThat(countRequests()).isEqualTo(before);
  }

  @Test
  void descriptionIsRequiredAndBounded() {
    assertThatThrownBy(() -> start(GRID, "<script>only markup</script>"))
        .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("description:");
    assertThatThrownBy(() -> start(GRID, "长".repeat(RequestIntake.MAX_DESCRIPTION + 1)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("4000");
  }

  @Test
  void handlingNeedsANote() {
    ProcessInstance instance = start(GRID, "垃圾未清运");
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> taskService.complete(task.getId(), HANDLING_NOTE.asMap(" ")))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("handlingNote:");
    assertThat(instance).isWaitingAt(Elements.TASK_HANDLE);
    runtimeService.deleteProcessInstance(instance.getId(), "test cleanup");
  }

  private ProcessInstance start(String gridCode, String description) {
    VariableMap variables = GRID_CODE.asMap(gridCode);
    DESCRIPTION.putIn(variables, description);
    return runtimeService.startProcessInstanceByKey(CitizenRequestProcess.KEY, variables);
  }

  private Map<String, Object> row(String trackingNumber) {
    return jdbc.sql("select * from gc_request where tracking_number = ?").param(trackingNumber)
        .query().singleRow().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue() == null ? "" : e.getValue()))
        .entrySet().stream().filter(e -> !"".equals(e.getValue()))
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private int countRequests() {
    return jdbc.sql("select count(*) from gc_request").query(Integer.class).single();
  }
}
