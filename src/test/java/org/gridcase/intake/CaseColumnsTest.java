package org.gridcase.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The task-local copies behind the Tasklist columns, and the colour's task priority: written at task creation, and
 * filled in later when missing.
 */
@GridcaseTest
class CaseColumnsTest {

  private static final List<String> COPIES = List.of("listTrackingNumber", "listCategoryName", "listColourLabel");

  @Autowired ApplicationContext context;
  @Autowired TaskService tasks;
  @Autowired ProcessEngine engine;
  @Autowired CaseColumnsPlugin plugin;

  @Test
  void eachTaskCarriesTheCaseColumnsAndOlderTasksGetThemAtStartUp() {
    CaseFixtures cases = new CaseFixtures(context);
    ProcessInstance triage = cases.submit("DC-01-01-001", "小区门口路灯不亮", "C04");
    Task triageTask = cases.task(triage, CitizenRequestProcess.Elements.TASK_TRIAGE);
    assertThat(tasks.getVariablesLocal(triageTask.getId()))
        .as("in triage the case has its tracking number, no category name or colour yet")
        .containsEntry("listTrackingNumber", triage.getBusinessKey()).doesNotContainKey("listColourLabel");

    ProcessInstance handling = cases.inHandling("DC-01-01-001", "楼道灯不亮", "C04", "yellow");
    Task task = cases.task(handling, CitizenRequestProcess.Elements.TASK_HANDLE_YELLOW);
    assertThat(tasks.getVariablesLocal(task.getId())).containsEntry("listTrackingNumber", handling.getBusinessKey())
        .containsEntry("listColourLabel", "黄").containsEntry("listCategoryName",
            tasks.getVariable(task.getId(), "categoryName"));
    assertThat(task.getPriority()).as("yellow").isEqualTo(70);
    assertThat(triageTask.getPriority()).as("no colour yet: Camunda's default").isEqualTo(50);

    // A task created before the copies and the priority existed.
    tasks.removeVariablesLocal(task.getId(), COPIES);
    tasks.setPriority(task.getId(), 50);
    plugin.postProcessEngineBuild(engine);
    assertThat(tasks.getVariablesLocal(task.getId())).containsEntry("listTrackingNumber", handling.getBusinessKey())
        .containsEntry("listColourLabel", "黄");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getPriority()).isEqualTo(70);
    assertThat(tasks.createTaskQuery().taskId(triageTask.getId()).singleResult().getPriority()).isEqualTo(50);
  }
}
