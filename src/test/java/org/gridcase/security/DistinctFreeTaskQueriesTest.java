package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CaseFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Task queries lose Camunda's {@code distinct} only where no join can repeat a task. A green handling task has
 * two candidate groups (grid worker and building leader): a query naming both still returns it once, and a
 * supervisor's district-wide query, which now runs without the distinct, returns it once too.
 */
@GridcaseTest
class DistinctFreeTaskQueriesTest {

  static final String WORKERS = "DC-01-01-001.grid-worker";
  static final String BUILDING_LEADERS = "DC-01-01-001.building-leader";

  @Autowired ApplicationContext context;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;

  private ProcessInstance instance;

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    if (instance != null) {
      runtimeService.deleteProcessInstance(instance.getId(), "test over");
    }
  }

  @Test
  void aTaskWithTwoCandidateGroupsIsListedOnceByEveryQuery() {
    instance = new CaseFixtures(context).inHandling("DC-01-01-001", "路灯不亮", "C04", "green");
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();

    List<Task> byBothGroups = taskService.createTaskQuery().taskCandidateGroupIn(List.of(WORKERS, BUILDING_LEADERS))
        .orderByDueDate().asc().list();
    assertThat(byBothGroups).extracting(Task::getId).containsOnlyOnce(taskId).doesNotHaveDuplicates();
    assertThat(taskService.createTaskQuery().taskCandidateGroupIn(List.of(WORKERS, BUILDING_LEADERS)).count())
        .isEqualTo(byBothGroups.size());

    identityService.setAuthentication("supervisor-dc", List.of(AccessGroups.SUPERVISORS));
    List<Task> districtWide = taskService.createTaskQuery().orderByDueDate().asc().list();
    assertThat(districtWide).extracting(Task::getId).containsOnlyOnce(taskId).doesNotHaveDuplicates();
    assertThat(taskService.createTaskQuery().count()).isEqualTo(districtWide.size());
  }

  /**
   * A claimed task grants its assignee and its candidate group: a query with the full authorization check joins
   * both grants and must keep the distinct (the lifecycle over HTTP once saw its task twice).
   */
  @Test
  void aClaimedTaskIsListedOnceUnderTheFullAuthorizationCheck() {
    instance = new CaseFixtures(context).inHandling("DC-01-01-001", "路灯不亮", "C04", "green");
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    taskService.claim(taskId, "worker-01-01-001");
    identityService.setAuthentication("worker-01-01-001", List.of(WORKERS, AccessGroups.HANDLERS));
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).list()).hasSize(1);
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isOne();
  }

  @Test
  void onlyQueriesWithoutRepeatingJoinsLoseTheDistinct() {
    assertThat(DistinctFreeTaskQueries.cannotRepeatTasks(query(taskService.createTaskQuery().orderByDueDate().asc())))
        .isTrue();
    assertThat(DistinctFreeTaskQueries.cannotRepeatTasks(query(taskService.createTaskQuery().dueBefore(new java.util.Date())
        .processVariableValueEquals("colour", "red")))).isTrue();
    assertThat(DistinctFreeTaskQueries.cannotRepeatTasks(query(taskService.createTaskQuery().taskCandidateGroup(WORKERS))))
        .isFalse();
    assertThat(DistinctFreeTaskQueries.cannotRepeatTasks(query(taskService.createTaskQuery().or()
        .taskCandidateUser("worker-01-01-001").taskAssignee("worker-01-01-001").endOr()))).isFalse();
    assertThat(DistinctFreeTaskQueries.cannotRepeatTasks(query(taskService.createTaskQuery()
        .orderByProcessVariable("colour", org.camunda.bpm.engine.variable.type.ValueType.STRING).asc()))).isFalse();
  }

  @Test
  void theRewriteKeepsTheQueryAndOrdersAndBoundsByTheIndexedExpressionOnPostgres() {
    String list = "select distinct\n RES.REV_, RES.ID_ from ACT_RU_TASK RES WHERE RES.DUE_DATE_ < ? order by RES.DUE_DATE_ asc LIMIT ? OFFSET ?";
    assertThat(DistinctFreeTaskQueries.withoutDistinct(list, false))
        .isEqualTo("select RES.REV_, RES.ID_ from ACT_RU_TASK RES WHERE RES.DUE_DATE_ < ? order by RES.DUE_DATE_ asc LIMIT ? OFFSET ?");
    assertThat(DistinctFreeTaskQueries.withoutDistinct(list, true)).isEqualTo("select RES.REV_, RES.ID_ from ACT_RU_TASK RES"
        + " WHERE " + DistinctFreeTaskQueries.DUE_ORDER + " < ? order by " + DistinctFreeTaskQueries.DUE_ORDER
        + " asc LIMIT ? OFFSET ?");
    // Only "due before": an undated task would pass "due after" as 9999-12-31, which its null never did.
    assertThat(DistinctFreeTaskQueries.withoutDistinct("select distinct RES.ID_ from ACT_RU_TASK RES WHERE RES.DUE_DATE_ > ?"
        + " and RES.DUE_DATE_ <= ? and RES.DUE_DATE_ <> ?", true))
        .isEqualTo("select RES.ID_ from ACT_RU_TASK RES WHERE RES.DUE_DATE_ > ? and RES.DUE_DATE_ <= ? and RES.DUE_DATE_ <> ?");
    assertThat(DistinctFreeTaskQueries.withoutDistinct("select count(distinct RES.ID_) from ACT_RU_TASK RES", true))
        .isEqualTo("select count(RES.ID_) from ACT_RU_TASK RES");
    assertThat(DistinctFreeTaskQueries.withoutDistinct(
        "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ \n from ACT_RU_TASK RES WHERE ( 1 = 1 ) ) countDistinct", true))
        .isEqualTo("SELECT COUNT(*) FROM (SELECT RES.ID_ \n from ACT_RU_TASK RES WHERE ( 1 = 1 ) ) countDistinct");
    assertThat(DistinctFreeTaskQueries.withoutDistinct("select distinct RES.ID_ from ACT_RU_TASK RES order by RES.NAME_ desc", true))
        .isEqualTo("select RES.ID_ from ACT_RU_TASK RES order by RES.NAME_ desc");
  }

  private static TaskQueryImpl query(org.camunda.bpm.engine.task.TaskQuery query) {
    return (TaskQueryImpl) query;
  }
}
