package org.gridcase.intake;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.intake.RequestIntake.Submission;
import org.springframework.context.ApplicationContext;

/** Cases for tests of other modules: submitted through intake, worked through the engine's task service. */
public class CaseFixtures {

  private final RequestIntake intake;
  private final Requests requests;
  private final RuntimeService runtime;
  private final TaskService tasks;

  public CaseFixtures(ApplicationContext context) {
    this.intake = context.getBean(RequestIntake.class);
    this.requests = context.getBean(Requests.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.tasks = context.getBean(TaskService.class);
  }

  /** A hotline request in a grid, without e-mail (feedback by phone). */
  public ProcessInstance submit(String gridCode, String description, String categoryCode) {
    long id = intake.submit(new Submission(description, categoryCode, gridCode, null, "李女士", "13700001111", null,
        "hotline", null), "operator").request().id();
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(
        requests.get(id).trackingNumber()).singleResult();
  }

  /** Submits and accepts at triage with the given colour: the case waits in handling. */
  public ProcessInstance inHandling(String gridCode, String description, String categoryCode, String colour) {
    ProcessInstance instance = submit(gridCode, description, categoryCode);
    complete(instance, CitizenRequestProcess.Elements.TASK_TRIAGE, "leader",
        Map.of("triageDecision", "accept", "gridCode", gridCode, "categoryCode", categoryCode, "colour", colour));
    return instance;
  }

  public Task task(ProcessInstance instance, String element) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(element).singleResult();
  }

  public void complete(ProcessInstance instance, String element, String user, Map<String, Object> variables) {
    Task task = task(instance, element);
    if (task == null) {
      throw new AssertionError("no open task " + element + " in " + instance.getBusinessKey());
    }
    tasks.setAssignee(task.getId(), user);
    tasks.complete(task.getId(), variables);
  }
}
