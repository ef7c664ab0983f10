package org.gridcase.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.calendar.WorkingTimeTest.at;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Task due dates and duration timers of a deployed model count working time on the real engine. */
@GridcaseTest
class WorkingCalendarEngineTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired ProcessEngineConfigurationImpl configuration;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    deploymentId = repositoryService.createDeployment().name("working-time-test")
        .addClasspathResource("calendar/working-time-test.bpmn").deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    repositoryService.deleteDeployment(deploymentId, true);
    ClockUtil.reset();
  }

  @Test
  void aFridayAfternoonTaskIsDueOnMondayAndItsTimerFiresMondayMorning() {
    assertStartedAt("2026-03-13T16:00", "2026-03-16T16:00", "2026-03-16T09:00");
  }

  @Test
  void aMakeUpSaturdayCountsAsTheNextWorkingDay() {
    assertStartedAt("2026-05-08T16:00", "2026-05-09T16:00", "2026-05-09T09:00");
  }

  @Test
  void datesCyclesAndTheWallClockKeepTheEnginesMeaning() {
    ClockUtil.setCurrentTime(Date.from(at("2026-03-13T16:00")));
    BusinessCalendarManager calendars = configuration.getBusinessCalendarManager();
    // An offset keeps the test independent of the JVM's zone, in which the engine reads dates without one.
    assertThat(calendars.getBusinessCalendar("dueDate").resolveDuedate("2026-12-01T10:00:00+08:00"))
        .isEqualTo(Date.from(at("2026-12-01T10:00")));
    assertThat(calendars.getBusinessCalendar("dueDate").resolveDuedate("P1D"))
        .isEqualTo(Date.from(at("2026-03-16T16:00")));
    assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("P1D"))
        .isEqualTo(Date.from(at("2026-03-16T16:00")));
    assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("PT1H", Date.from(at("2026-03-13T17:00"))))
        .isEqualTo(Date.from(at("2026-03-16T09:00")));
    assertThat(calendars.getBusinessCalendar("wall-clock").resolveDuedate("P1D"))
        .isEqualTo(Date.from(at("2026-03-14T16:00")));
    assertThat(calendars.getBusinessCalendar("cycle")).isExactlyInstanceOf(CycleBusinessCalendar.class);
  }

  private void assertStartedAt(String now, String taskDue, String timerDue) {
    ClockUtil.setCurrentTime(Date.from(at(now)));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("working-time-test");

    Instant due = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Handle")
        .singleResult().getDueDate().toInstant();
    assertThat(due).isEqualTo(at(taskDue));
    Instant timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult()
        .getDuedate().toInstant();
    assertThat(timer).isEqualTo(at(timerDue));
  }
}
