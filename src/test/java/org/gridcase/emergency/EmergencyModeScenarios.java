package org.gridcase.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_COMMUNITY_COMMITTEE_REPORT;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_EMERGENCY_DISPATCH;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_FEEDBACK_CALL;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_GRID_PARTY_REPORT;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_GREEN;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_SUPERVISE_EMERGENCY_OVERDUE;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_TRIAGE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import com.fasterxml.jackson.databind.JsonNode;
import static org.gridcase.intake.CaseFixtures.at;

import org.gridcase.benchmark.StatementCounter;
import org.gridcase.intake.CaseFixtures;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.UnitView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 平急转换 on the real engine: the mode switch of an area's open cases, the "1+2" dispatch and the REST
 * API, on H2 and on PostgreSQL.
 */
abstract class EmergencyModeScenarios {

  @Autowired ApplicationContext context;
  @Autowired Emergencies emergencies;
  @Autowired OrganizationDirectory organization;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  CaseFixtures cases;

  /** Open cases in the street under emergency. */
  static final int CASES_IN_STREET = 1000;

  @BeforeEach
  void fixtures() {
    cases = new CaseFixtures(context);
  }

  @AfterEach
  void liftAndResetClock() {
    emergencies.active().forEach(emergency -> emergencies.lift(emergency.id(), "测试结束", "test"));
    runSwitches();
    ClockUtil.reset();
  }

  @Test
  void anEmergencyOverAStreetSwitchesItsOpenCasesAndLiftingRestoresThem() {
    Date start = at("2026-11-23T09:00");
    ClockUtil.setCurrentTime(start);
    List<String> streetGrids = grids("DC-01");
    List<ProcessInstance> inStreet = new ArrayList<>();
    for (int i = 0; i < CASES_IN_STREET; i++) {
      inStreet.add(cases.inHandling(streetGrids.get(i % streetGrids.size()), "路灯不亮 " + i, "C04", "green"));
    }
    List<ProcessInstance> elsewhere = new ArrayList<>();
    for (String grid : grids("DC-02").subList(0, 20)) {
      elsewhere.add(cases.inHandling(grid, "路灯不亮", "C04", "green"));
    }
    Date normalDue = at("2026-11-26T09:00");
    Map<String, Date> normalTimers = timers(inStreet.get(0));

    ClockUtil.setCurrentTime(at("2026-11-23T10:00"));
    long declaration = emergencies.declare("DC-01", "台风“海燕”过境", "liaison-01-01").id();
    // Between the declaration and its switch: one case closes, one new case arrives.
    ProcessInstance arrived = cases.inHandling(streetGrids.get(0), "树木倒伏", "C01", "green");
    StatementCounter.start();
    int jobs = runSwitches();
    StatementCounter.stop();
    System.out.println("SQL of switching " + CASES_IN_STREET + " cases:\n" + StatementCounter.describe());
    // A page's cases are read together: reads per page, not per case (about seven per case read one by one), and
    // their grids' modes at once (five reads a grid asked one by one); re-timing a timer reads it no more.
    long caseReads = java.util.stream.Stream.of("ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_RU_TASK", "GC_UNIT",
            "GC_EMERGENCY", "ACT_RU_JOB")
        .mapToLong(table -> StatementCounter.byKindAndTable().getOrDefault("select " + table, 0L)).sum();
    assertThat(caseReads).as(StatementCounter.describe()).isLessThan(CASES_IN_STREET / 4);

    assertThat(jobs).as("bounded batches of 100").isGreaterThanOrEqualTo(CASES_IN_STREET / 100);
    Date emergencyDue = Date.from(start.toInstant().plus(Duration.ofHours(24)));
    for (ProcessInstance instance : inStreet) {
      assertThat(handlingDue(instance)).as(instance.getBusinessKey()).isEqualTo(emergencyDue);
      assertThat(timer(instance, "StartEvent_HandlingOverdue")).isEqualTo(emergencyDue);
    }
    assertThat(timer(inStreet.get(0), "StartEvent_HandlingWarning"))
        .as("50 % of PT24H on the wall clock").isEqualTo(Date.from(start.toInstant().plus(Duration.ofHours(12))));
    assertThat(modes("DC-01")).containsOnlyKeys("emergency");
    for (ProcessInstance instance : elsewhere) {
      assertThat(handlingDue(instance)).as("other streets untouched").isEqualTo(normalDue);
      assertThat(timer(instance, "StartEvent_HandlingOverdue")).isEqualTo(normalDue);
    }
    assertThat(handlingDue(arrived)).as("a case arriving during the switch starts in emergency mode")
        .isEqualTo(Date.from(at("2026-11-23T10:00").toInstant().plus(Duration.ofHours(24))));

    emergencies.lift(declaration, "台风已过", "liaison-01-01");
    runSwitches();
    for (ProcessInstance instance : inStreet) {
      assertThat(handlingDue(instance)).as(instance.getBusinessKey()).isEqualTo(normalDue);
    }
    assertThat(timers(inStreet.get(0))).isEqualTo(normalTimers);
    assertThat(modes("DC-01")).containsOnlyKeys("normal");
  }

  /**
   * Pages wait for each other and the last one to finish releases them all, in one job: no closing job per page.
   * Exclusive closing jobs of one instance were acquired one at a time, behind whatever notice sends filled the
   * executor's queue: 37 s of a 105 s switch in the benchmark.
   */
  @Test
  void theLastPageToFinishClosesEveryPageAtOnce() throws Exception {
    List<String> communityGrids = grids("DC-03-01");
    for (int i = 0; i < 250; i++) {
      cases.inHandling(communityGrids.get(i % communityGrids.size()), "路灯不亮 " + i, "C04", "green");
    }
    long declaration = emergencies.declare("DC-03-01", "燃气管网抢修", "liaison-03-01").id();
    String switchId = jdbc.sql("select switch_process_instance_id from gc_emergency where id = ?")
        .param(declaration).query(String.class).single();
    managementService.executeJob(switchJobs(AreaModeSwitchProcess.Elements.TASK_PLAN_PAGES).get(0).getId());
    List<Job> pages = switchJobs(AreaModeSwitchProcess.Elements.TASK_SWITCH_BATCH);
    assertThat(pages).as("three pages or more").hasSizeGreaterThan(2);

    // The pages finish in an order of their own: here the first and the last page last, at the same moment.
    for (Job page : pages.subList(1, pages.size() - 1)) {
      managementService.executeJob(page.getId());
    }
    assertThat(runtimeService.createExecutionQuery().processInstanceId(switchId)
        .activityId(AreaModeSwitchProcess.Elements.EVENT_ALL_PAGES_SWITCHED).count())
        .as("the finished pages wait").isEqualTo(pages.size() - 2);
    assertThat(managementService.createJobQuery().processInstanceId(switchId).count())
        .as("no closing job per page, only the two pages left").isEqualTo(2);
    ExecutorService together = Executors.newFixedThreadPool(2);
    CountDownLatch ready = new CountDownLatch(2);
    List<Future<?>> lastTwo = new ArrayList<>();
    for (Job page : List.of(pages.get(0), pages.get(pages.size() - 1))) {
      lastTwo.add(together.submit(() -> {
        ready.countDown();
        ready.await();
        managementService.executeJob(page.getId());
        return null;
      }));
    }
    for (Future<?> page : lastTwo) {
      page.get(1, TimeUnit.MINUTES);
    }
    together.shutdown();
    assertThat(switchJobs(AreaModeSwitchProcess.Elements.EVENT_RELEASE_PAGES)).as("one release for all pages")
        .hasSize(1);
    runSwitches();

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(switchId).count())
        .as("the switch ended with the release").isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(switchId)
        .activityId(AreaModeSwitchProcess.Elements.END_EVENT_PAGE_RELEASED).count()).isEqualTo(pages.size() - 1);
    assertThat(modes("DC-03-01")).containsOnlyKeys("emergency");
  }

  private List<Job> switchJobs(String activityId) {
    return managementService.createJobQuery().processDefinitionKey(AreaModeSwitchProcess.KEY)
        .activityId(activityId).list();
  }

  @Test
  void anEmergencyMatterGoesToTheLiaisonLeaderWhoDispatchesBothPartsAtOnce() {
    ClockUtil.setCurrentTime(at("2026-11-23T09:00"));
    emergencies.declare("DC-03-02", "山洪预警", "liaison-03-02");
    String grid = grids("DC-03-02").get(0);
    ProcessInstance instance = cases.submit(grid, "后山滑坡，有一户人家被困", "E01");

    assertThat(cases.task(instance, TASK_TRIAGE)).as("no ordinary triage").isNull();
    assertThat(dispatchDecisions(instance)).as("the dispatch decision is recorded").isOne();
    Task dispatch = cases.task(instance, TASK_EMERGENCY_DISPATCH);
    assertThat(cases.candidateGroups(dispatch)).containsExactly("DC-03-02.district-liaison-leader");
    assertThat(dispatch.getDueDate()).as("acknowledge within 15 minutes")
        .isEqualTo(at("2026-11-23T09:15"));

    cases.complete(instance, TASK_EMERGENCY_DISPATCH, "liaison-03-02", Map.of("dispatchNote", "立即转移群众"));
    Task community = cases.task(instance, TASK_COMMUNITY_COMMITTEE_REPORT);
    Task gridParty = cases.task(instance, TASK_GRID_PARTY_REPORT);
    assertThat(cases.candidateGroups(community)).containsExactly("DC-03-02.community-party-secretary");
    assertThat(cases.candidateGroups(gridParty)).containsExactly(grid + ".grid-leader");
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).messages().count())
        .as("both created in the dispatch's own transaction, no job in between").isZero();

    ClockUtil.setCurrentTime(at("2026-11-23T10:01"));
    cases.executeDueTimers(instance);
    Task supervision = cases.task(instance, TASK_SUPERVISE_EMERGENCY_OVERDUE);
    assertThat(cases.candidateGroups(supervision)).as("straight to the liaison leader, not up the ladder")
        .containsExactly("DC-03-02.district-liaison-leader");

    cases.complete(instance, TASK_COMMUNITY_COMMITTEE_REPORT, "secretary-03-02",
        Map.of("emergencyReportNote", "已转移3户8人"));
    cases.complete(instance, TASK_GRID_PARTY_REPORT, "leader-" + grid.substring(3),
        Map.of("emergencyReportNote", "网格员已到场值守"));
    assertThat(cases.task(instance, TASK_SUPERVISE_EMERGENCY_OVERDUE)).as("ends with the response").isNull();
    assertThat(cases.task(instance, TASK_FEEDBACK_CALL)).isNotNull();
    assertThat(jdbc.sql("select handling_note from gc_request where tracking_number = ?")
        .param(instance.getBusinessKey()).query(String.class).single()).contains("已转移3户8人", "网格员已到场值守");
  }

  @Test
  void anEmergencyMatterInANormalAreaIsTriagedWithoutAskingTheDispatchDecision() {
    ProcessInstance instance = cases.submit(grids("DC-03-02").get(0), "后山有落石", "E01");

    assertThat(cases.task(instance, TASK_TRIAGE)).as("ordinary triage").isNotNull();
    assertThat(cases.task(instance, TASK_EMERGENCY_DISPATCH)).isNull();
    assertThat(dispatchDecisions(instance)).as("normal mode: no direct dispatch to decide").isZero();
    assertThat(runtimeService.getVariable(instance.getId(), "emergencyDispatch")).isNull();
  }

  private long dispatchDecisions(ProcessInstance instance) {
    return historyService.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId())
        .decisionDefinitionKey("emergency-dispatch").count();
  }

  @Test
  void anOrdinaryMatterInAnEmergencyAreaIsTriagedOnTheEmergencyClock() {
    ClockUtil.setCurrentTime(at("2026-11-27T17:00")); // Friday evening: the wall clock does not stop
    emergencies.declare("DC-04", "暴雨红色预警", "supervisor-dc");
    ProcessInstance instance = cases.submit(grids("DC-04").get(0), "邻居装修噪音", "F04");
    assertThat(cases.task(instance, TASK_TRIAGE).getDueDate()).isEqualTo(at("2026-11-27T17:30"));
    assertThat(runtimeService.getVariable(instance.getId(), "slaMode")).isEqualTo("emergency");
  }

  @Test
  void onlyLeadersDeclareAndLiftAndBadInputNamesTheField() {
    var declaration = Map.of("areaCode", "DC-02-05", "reason", "燃气管道爆裂");
    assertThat(rest.withBasicAuth("worker-02-05-001", "demo").postForEntity("/api/emergencies", declaration,
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.postForEntity("/api/emergencies", declaration, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<JsonNode> unknown = rest.withBasicAuth("liaison-02-05", "demo").postForEntity("/api/emergencies",
        Map.of("areaCode", "DC-99", "reason", "x"), JsonNode.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().get("errors").get(0).get("field").asText()).isEqualTo("areaCode");
    ResponseEntity<JsonNode> grid = rest.withBasicAuth("liaison-02-05", "demo").postForEntity("/api/emergencies",
        Map.of("areaCode", "DC-02-05-001", "reason", " "), JsonNode.class);
    assertThat(grid.getBody().get("errors")).extracting(error -> error.get("field").asText())
        .containsExactly("areaCode", "reason");
    assertThat(emergencies.active()).isEmpty();

    ResponseEntity<JsonNode> declared = rest.withBasicAuth("liaison-02-05", "demo").postForEntity("/api/emergencies",
        declaration, JsonNode.class);
    assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = declared.getBody().get("id").asLong();
    assertThat(declared.getBody().get("declaredBy").asText()).isEqualTo("liaison-02-05");
    assertThat(rest.withBasicAuth("liaison-02-05", "demo").postForEntity("/api/emergencies", declaration,
        JsonNode.class).getStatusCode()).as("already in emergency").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.withBasicAuth("worker-02-05-001", "demo").getForObject("/api/emergencies?active=true",
        JsonNode.class).size()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from gc_notification where event_key = ?").param("emergency:" + id)
        .query(Integer.class).single()).as("the area's leaders are told").isGreaterThan(5);

    ResponseEntity<JsonNode> lifted = rest.withBasicAuth("supervisor-dc", "demo").postForEntity(
        "/api/emergencies/" + id + "/lift", Map.of("reason", "已抢修完毕"), JsonNode.class);
    assertThat(lifted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(lifted.getBody().get("liftedBy").asText()).isEqualTo("supervisor-dc");
    assertThat(lifted.getBody().get("liftReason").asText()).isEqualTo("已抢修完毕");
    assertThat(rest.withBasicAuth("supervisor-01", "demo").postForEntity("/api/emergencies/" + id + "/lift",
        Map.of("reason", "x"), String.class).getStatusCode()).as("a street supervisor is not district level")
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  // --- helpers ----------------------------------------------------------------------------------------

  List<String> grids(String area) {
    return organization.subtree(area).stream().filter(unit -> unit.level() == org.gridcase.organization.UnitLevel.GRID)
        .map(UnitView::code).toList();
  }

  /** Runs the switch batches as the job executor would; returns how many batch jobs ran. */
  int runSwitches() {
    int executed = 0;
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().processDefinitionKey(AreaModeSwitchProcess.KEY)
        .executable().list()).isEmpty()) {
      for (Job job : jobs) {
        managementService.executeJob(job.getId());
        executed++;
      }
    }
    return executed;
  }

  Date handlingDue(ProcessInstance instance) {
    return cases.task(instance, TASK_HANDLE_GREEN).getDueDate();
  }

  Date timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult().getDuedate();
  }

  Map<String, Date> timers(ProcessInstance instance) {
    Map<String, Date> timers = new HashMap<>();
    for (String activity : List.of("StartEvent_HandlingWarning", "StartEvent_HandlingUnclaimed",
        "StartEvent_HandlingOverdue")) {
      timers.put(activity, timer(instance, activity));
    }
    return timers;
  }

  /** How many open cases of the area's grids are in each mode. */
  Map<String, Integer> modes(String area) {
    Map<String, Integer> modes = new HashMap<>();
    jdbc.sql("select sla_mode, count(*) from gc_request where closed_at is null and grid_code like ?"
            + " group by sla_mode").param(area + "-%")
        .query((rs, row) -> modes.put(rs.getString(1), rs.getInt(2))).list();
    return modes;
  }

}
