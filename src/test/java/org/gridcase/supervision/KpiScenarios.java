package org.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.gridcase.supervision.Gradings.Grading;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * KPIs of a hand-made district in June 2025 (no other test writes that month), computed by hand below,
 * at every level; and the 1:3:5:1 grading of all 287 grid leaders. Runs on H2 and on PostgreSQL.
 */
abstract class KpiScenarios {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final LocalDate FROM = LocalDate.of(2025, 6, 1);
  static final LocalDate TO = LocalDate.of(2025, 6, 30);
  static final String GRID_A = "DC-04-07-001";
  static final String GRID_B = "DC-04-07-002";
  static final String GRID_C = "DC-03-01-001";

  @Autowired Kpis kpis;
  @Autowired Gradings gradings;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

  @BeforeEach
  void fixtures() {
    if (jdbc.sql("select count(*) from gc_request where tracking_number like 'KPI-%'").query(Integer.class).single() > 0) {
      return;
    }
    // Grid A: closed on time and satisfied; closed late, basically satisfied, reopened once; closed, unreachable;
    // open and overdue with two escalations; declined as a duplicate; declined as not the grid's matter (禁入).
    insert("KPI-01", GRID_A, "CLOSED", true, 600, true, "satisfied", null, 0, 0, false);
    insert("KPI-02", GRID_A, "CLOSED", true, 1200, false, "basically-satisfied", null, 1, 0, false);
    insert("KPI-03", GRID_A, "CLOSED", true, 300, true, "unreachable", null, 0, 0, false);
    insert("KPI-04", GRID_A, "IN_HANDLING", true, null, false, null, null, 0, 2, true);
    insert("KPI-05", GRID_A, "DECLINED", false, null, false, null, "duplicate", 0, 0, false);
    insert("KPI-06", GRID_A, "DECLINED", false, null, false, null, "not-admitted", 0, 0, false);
    // Grid B: closed on time but unsatisfied after 督办, reopened and escalated once; open, not yet due.
    insert("KPI-07", GRID_B, "CLOSED", true, 900, true, "unsatisfied", null, 1, 1, false);
    insert("KPI-08", GRID_B, "IN_HANDLING", true, null, false, null, null, 0, 0, false);
    // Grid C, another street: closed on time, satisfied.
    insert("KPI-09", GRID_C, "CLOSED", true, 120, true, "satisfied", null, 0, 0, false);
    // No grid yet (an address only), waiting for triage.
    insert("KPI-10", null, "TRIAGE", false, null, false, null, null, 0, 0, false);
    long seven = jdbc.sql("select id from gc_request where tracking_number = 'KPI-07'").query(Long.class).single();
    jdbc.sql("insert into gc_department_report (request_id, department_code, lead, requested_at, reported_at)"
        + " values (?, 'D-CG', true, ?, ?)").params(seven, june(3, 10), june(4, 10)).update();
  }

  @Test
  void gridRatesAreExactlyAsComputedByHand() {
    Kpi a = one(Level.GRID, GRID_A, null);
    assertThat(a.received()).isEqualTo(6);
    assertThat(a.accepted()).isEqualTo(4);
    assertThat(a.declined()).as("禁入 is not counted against acceptance").isEqualTo(1);
    assertThat(a.acceptanceRate()).isEqualTo(0.8);
    assertThat(a.closed()).isEqualTo(3);
    assertThat(a.completionRate()).isEqualTo(0.75);
    assertThat(a.closedOnTime()).isEqualTo(2);
    assertThat(a.onTimeRate()).isEqualTo(0.6667);
    assertThat(a.reviewed()).as("unreachable is not reviewed").isEqualTo(2);
    assertThat(a.satisfactionRate()).isEqualTo(1.0);
    assertThat(a.avgHandlingHours()).isEqualTo(11.67);
    assertThat(a.p90HandlingHours()).as("300, 600, 1200 minutes").isEqualTo(18.0);
    assertThat(a.open()).isEqualTo(1);
    assertThat(a.overdue()).isEqualTo(1);
    assertThat(a.reopened()).isEqualTo(1);
    assertThat(a.escalations()).isEqualTo(2);

    Kpi b = one(Level.GRID, GRID_B, null);
    assertThat(List.of(b.acceptanceRate(), b.completionRate(), b.onTimeRate(), b.satisfactionRate()))
        .containsExactly(1.0, 0.5, 1.0, 0.0);
    assertThat(b.overdue()).isZero();
  }

  @Test
  void communityStreetAndDistrictAddUpTheRequestsNotTheRates() {
    Kpi community = one(Level.COMMUNITY, "DC-04-07", null);
    assertThat(List.of(community.received(), community.accepted(), community.closed(), community.reviewed()))
        .containsExactly(8L, 6L, 4L, 3L);
    assertThat(List.of(community.acceptanceRate(), community.completionRate(), community.onTimeRate(),
        community.satisfactionRate())).containsExactly(0.8571, 0.6667, 0.75, 0.6667);
    assertThat(community.avgHandlingHours()).isEqualTo(12.5);
    assertThat(community.p90HandlingHours()).isEqualTo(18.5);
    assertThat(one(Level.STREET, "DC-04", null)).usingRecursiveComparison().ignoringFields("unitCode", "unitName",
        "level").isEqualTo(community);

    Kpi district = one(Level.DISTRICT, "DC", null);
    assertThat(List.of(district.received(), district.accepted(), district.closed(), district.open()))
        .containsExactly(10L, 7L, 5L, 3L);
    assertThat(List.of(district.acceptanceRate(), district.completionRate(), district.onTimeRate(),
        district.satisfactionRate())).containsExactly(0.875, 0.7143, 0.8, 0.75);
    assertThat(district.p90HandlingHours()).isEqualTo(18.0);

    assertThat(kpis.of(Level.GRID, FROM, TO, "DC-04-07")).extracting(Kpi::unitCode).contains(GRID_A, GRID_B)
        .doesNotContain(GRID_C).as("every grid of the community, with or without requests").hasSizeGreaterThan(5);
    Kpi department = one(Level.DEPARTMENT, "D-CG", null);
    assertThat(List.of(department.received(), department.closed())).containsExactly(1L, 1L);
  }

  @Test
  void supervisorsGetJsonAndCsvOthersAreRefused() {
    ResponseEntity<JsonNode> json = rest.withBasicAuth("supervisor-dc", "demo").getForEntity(
        "/api/kpis?level=community&parent=DC-04&from=2025-06-01&to=2025-06-30", JsonNode.class);
    assertThat(json.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode community = null;
    for (JsonNode node : json.getBody()) {
      if (node.get("unitCode").asText().equals("DC-04-07")) {
        community = node;
      }
    }
    assertThat(community.get("acceptanceRate").asDouble()).isEqualTo(0.8571);
    String csv = rest.withBasicAuth("supervisor-dc", "demo").getForObject(
        "/api/kpis?level=grid&parent=DC-04-07&from=2025-06-01&to=2025-06-30&format=csv", String.class);
    assertThat(csv).startsWith("\uFEFF单位编码,").contains(GRID_A + ",").contains(",0.8,");
    assertThat(rest.withBasicAuth("worker-04-07-001", "demo").getForEntity(
        "/api/kpis?from=2025-06-01&to=2025-06-30", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> bad = rest.withBasicAuth("supervisor-dc", "demo").getForEntity(
        "/api/kpis?level=planet&from=2025-06-01&to=2025-06-30", JsonNode.class);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("level");
  }

  @Test
  void gradingOf287GridLeadersIs29_86_143_29AndDeterministic() {
    Grading quiet = gradings.compute("2024-01", "test");
    assertThat(quiet.results()).hasSize(287);
    assertThat(quiet.counts()).containsExactly(Map.entry("好", 29), Map.entry("较好", 86), Map.entry("一般", 143),
        Map.entry("差", 29));
    assertThat(quiet.results().get(0).gridCode()).as("equal scores: grid code order").isEqualTo("DC-01-01-001");
    assertThat(gradings.compute("2024-01", "test").results()).as("the same again")
        .extracting(Gradings.Result::leaderId).isEqualTo(quiet.results().stream().map(Gradings.Result::leaderId).toList());

    Grading june = gradings.compute("2025-05", "test");
    assertThat(june.results().get(0).gridCode()).as("perfect grid C first").isEqualTo(GRID_C);
    Gradings.Result b = june.results().stream().filter(r -> r.gridCode().equals(GRID_B)).findFirst().orElseThrow();
    assertThat(b.grade()).isEqualTo("POOR");
    assertThat(b.satisfactionRate()).as("inputs kept").isEqualTo(0.0);
    assertThat(rest.withBasicAuth("supervisor-dc", "demo").getForObject("/api/gradings/2025-05", JsonNode.class)
        .get("counts").get("好").asInt()).isEqualTo(29);
  }

  @Test
  void theOverdueBoardListsOpenCasesPastDueOldestFirst() {
    JsonNode board = rest.withBasicAuth("supervisor-dc", "demo")
        .getForObject("/api/supervision/overdue?area=DC-04-07", JsonNode.class);
    List<String> numbers = new java.util.ArrayList<>();
    board.forEach(row -> numbers.add(row.get("trackingNumber").asText()));
    assertThat(numbers).contains("KPI-04").doesNotContain("KPI-08", "KPI-01");
    assertThat(board.get(0).get("escalations").asInt()).isEqualTo(2);
    assertThat(rest.withBasicAuth("supervisor-dc", "demo").getForEntity("/api/supervision/escalations",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theMonthlyBulletinRanksTheStreetsAndIsMailedToTheLeaders() {
    JsonNode published = rest.withBasicAuth("supervisor-dc", "demo").postForObject("/api/bulletins?month=2025-06",
        null, JsonNode.class);
    assertThat(published.size()).as("the district and its four streets").isEqualTo(5);
    long district = published.get(0).get("id").asLong();
    String html = rest.withBasicAuth("supervisor-dc", "demo").getForObject("/api/bulletins/" + district, String.class);
    assertThat(html).contains("大川区2025年6月网格工作通报", "受理率 87.5%", "满意率 75.0%", "北岭街道", "KPI-04");
    assertThat(jdbc.sql("select count(*) from gc_notification where notice = 'MONTHLY_BULLETIN' and user_id in"
        + " ('supervisor-dc', 'street-secretary-04') and event_key like 'bulletin:2025-06:%'").query(Integer.class)
        .single()).isEqualTo(2);
  }

  @Test
  void bulletinsGoOutOnTheFirstWorkingMorningOfTheMonth() {
    var management = processEngine.getManagementService();
    var start = management.createJobQuery().processDefinitionKey("monthly-bulletin").activityId("StartEvent_MonthBegins")
        .singleResult();
    try {
      // 1–7 October 2026 are the National Day holidays, so the bulletin waits for Thursday the 8th.
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
          LocalDateTime.of(2026, 10, 1, 0, 5).atZone(CHINA).toInstant()));
      management.executeJob(start.getId());
      var instance = processEngine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("monthly-bulletin").orderByProcessInstanceId().desc().list().get(0);
      var morning = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
      assertThat(morning.getDuedate().toInstant())
          .isEqualTo(LocalDateTime.of(2026, 10, 8, 8, 30).atZone(CHINA).toInstant());
      assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), "month")).isEqualTo("2026-09");
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
          LocalDateTime.of(2026, 10, 8, 8, 31).atZone(CHINA).toInstant()));
      management.executeJob(morning.getId());
      management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
      assertThat(jdbc.sql("select count(*) from gc_bulletin where report_month = '2026-09'").query(Integer.class).single())
          .isEqualTo(5);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  private Kpi one(Level level, String code, String parent) {
    return kpis.of(level, FROM, TO, parent).stream().filter(kpi -> kpi.unitCode().equals(code)).findFirst()
        .orElseThrow();
  }

  private static Timestamp june(int day, int hour) {
    return Timestamp.from(LocalDateTime.of(2025, 6, day, hour, 0).atZone(CHINA).toInstant());
  }

  private void insert(String trackingNumber, String grid, String status, boolean accepted, Integer minutes,
      boolean onTime, String satisfaction, String declineReason, int reopened, int escalations, boolean overdue) {
    boolean closed = status.equals("CLOSED") || status.equals("DECLINED");
    Timestamp due = overdue ? june(20, 9) : status.equals("IN_HANDLING") ? Timestamp.valueOf("2099-01-01 00:00:00")
        : june(12, 9);
    Timestamp handled = minutes == null ? null : onTime ? june(11, 9) : june(13, 9);
    jdbc.sql("insert into gc_request (tracking_number, grid_code, description, channel, received_at, status,"
            + " accepted_at, handled_at, handling_minutes, due_at, satisfaction, decline_reason, reopen_count,"
            + " escalation_count, closed_at) values (?, ?, '测试', 'hotline', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(trackingNumber, grid, june(2, 9), status, accepted ? june(2, 10) : null, handled, minutes,
            accepted ? due : null, satisfaction, declineReason, reopened, escalations, closed ? june(15, 9) : null)
        .update();
  }
}
