package org.gridcase.intake;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.intake.RequestIntake.Submission;
import org.springframework.context.ApplicationContext;

/**
 * Cases for tests of other modules: submitted through intake, worked through the engine's task service,
 * their timers fired as the job executor would once the test has moved the engine's clock.
 */
public class CaseFixtures {

  /** The zone of the working-day calendar: test times are written as local times there. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final RequestIntake intake;
  private final Requests requests;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  public CaseFixtures(ApplicationContext context) {
    this.intake = context.getBean(RequestIntake.class);
    this.requests = context.getBean(Requests.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.tasks = context.getBean(TaskService.class);
    this.management = context.getBean(ManagementService.class);
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

  /** A local time in China, such as {@code 2026-11-23T09:00}. */
  public static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant());
  }

  /** Executes the case's due timers, and the ones they create that are due too, until none is left. */
  public void executeDueTimers(ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).timers().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("timers of " + instance.getBusinessKey() + " keep firing");
  }

  public List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(Objects::nonNull).toList();
  }
}
