package org.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The map's API (一张图) over one grid no other test writes (DC-03-06-003) in March 2024, with the clock driven:
 * two open cases (one overdue), one closed and satisfied, one declined; personal data in every row, none of it
 * on the map. Runs on H2 and on PostgreSQL.
 */
abstract class MapScenarios {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String GRID = "DC-03-06-003";
  static final String PERIOD = "from=2024-03-01&to=2024-03-31";
  /** The clock stands here; MAP-01 was due a day before, MAP-02 is due in three days. */
  static final Instant NOW = LocalDateTime.of(2024, 3, 20, 10, 0).atZone(CHINA).toInstant();
  static final String SECRET_NAME = "欧阳秘密";
  static final String SECRET_PHONE = "13912345678";
  static final String SECRET_TEXT = "邻居家的私事不该上地图";

  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired DistrictMap map;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void fixtures() {
    ClockUtil.setCurrentTime(java.util.Date.from(NOW));
    jdbc.sql("delete from gc_request where tracking_number like 'MAP-%'").update(); // a database kept from an aborted run
    insert("MAP-01", "red", "C04", "hotline", NOW.minus(Duration.ofDays(1)), null, null, "map-instance-01",
        107.48612345, 31.22456789);
    insert("MAP-02", "green", "C01", "patrol", NOW.plus(Duration.ofDays(3)), null, null, "map-instance-02",
        107.4872, 31.2251);
    insert("MAP-03", "green", "C01", "hotline", NOW.minus(Duration.ofDays(5)), "CLOSED", "satisfied", null,
        107.4851, 31.2241);
    insert("MAP-04", null, null, "web", null, "DECLINED", null, null, null, null);
  }

  /** The cases go again, so that their old due dates leave other tests' overdue lists alone. */
  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    jdbc.sql("delete from gc_request where tracking_number like 'MAP-%'").update();
  }

  private void insert(String number, String colour, String category, String channel, Instant due, String status,
      String satisfaction, String instance, Double longitude, Double latitude) {
    boolean closed = status != null;
    boolean declined = "DECLINED".equals(status);
    Timestamp received = Timestamp.from(LocalDateTime.of(2024, 3, 10, 9, 0).atZone(CHINA).toInstant());
    jdbc.sql("insert into gc_request (tracking_number, grid_code, description, channel, received_at, status, colour,"
            + " category_code, accepted_at, due_at, satisfaction, decline_reason, closed_at, process_instance_id,"
            + " requester_name, requester_phone, requester_email, address, latitude, longitude, escalation_count,"
            + " reopen_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)")
        .params(number, GRID, SECRET_TEXT, channel, received, closed ? status : "IN_HANDLING", colour, category,
            declined ? null : received, due == null ? null : Timestamp.from(due), satisfaction,
            declined ? "duplicate" : null, closed ? received : null, instance, SECRET_NAME, SECRET_PHONE,
            "secret@example.org", "杨柳路31号", latitude, longitude)
        .update();
  }

  @Test
  void theGridsComeAsGeoJsonWithEveryGridsFiguresAndTheBorders() throws Exception {
    JsonNode grids = get("/api/map/grids?" + PERIOD + "&layer=acceptanceRate");
    assertThat(grids.path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(grids.path("features")).hasSize(287);
    JsonNode grid = feature(grids, GRID);
    assertThat(grid.path("geometry").path("type").asText()).isEqualTo("Polygon");
    assertThat(grid.path("geometry").path("coordinates").get(0)).as("a closed ring of the four corners").hasSize(5);
    JsonNode p = grid.path("properties");
    assertThat(p.path("name").asText()).as("ECharts' region key").isEqualTo(GRID);
    assertThat(p.path("gridName").asText()).isEqualTo("杨柳村第3网格");
    assertThat(p.path("community").asText()).isEqualTo("DC-03-06");
    assertThat(p.path("street").asText()).isEqualTo("DC-03");
    assertThat(p.path("open").asLong()).isEqualTo(2);
    assertThat(p.path("overdue").asLong()).isEqualTo(1);
    assertThat(p.path("received").asLong()).isEqualTo(4);
    assertThat(p.path("acceptanceRate").asDouble()).as("3 accepted, 1 declined").isEqualTo(0.75);
    assertThat(p.path("completionRate").asDouble()).as("1 of 3 closed").isEqualTo(0.3333);
    assertThat(p.path("satisfactionRate").asDouble()).isEqualTo(1.0);

    List<String> borders = new ArrayList<>();
    grids.path("borders").forEach(border -> borders.add(border.path("level").asText() + ":" + border.path("code").asText()));
    assertThat(borders).hasSize(1 + 4 + 28).contains("district:DC", "street:DC-03", "community:DC-03-06");
    JsonNode village = border(grids, "DC-03-06");
    assertThat(village.path("name").asText()).isEqualTo("杨柳村");
    assertThat(village.path("segments").size()).as("its outline only, not the edges between its grids")
        .isLessThan(10 * 4).isGreaterThanOrEqualTo(4);
    assertThat(grids.path("baseMapUrl").isNull()).as("no base map unless configured").isTrue();
    assertThat(grids.path("bounds")).hasSize(4);

    JsonNode counts = feature(get("/api/map/grids?" + PERIOD), GRID).path("properties");
    assertThat(counts.path("open").asLong()).isEqualTo(2);
    assertThat(counts.path("received").isNull()).as("the count layers leave the period's requests unread").isTrue();
  }

  @Test
  void filtersNarrowTheFiguresAndTheOverdueCountFollowsTheClock() throws Exception {
    JsonNode red = feature(get("/api/map/grids?" + PERIOD + "&colour=red"), GRID).path("properties");
    assertThat(red.path("open").asLong()).isEqualTo(1);
    assertThat(red.path("overdue").asLong()).isEqualTo(1);
    JsonNode patrol = feature(get("/api/map/grids?" + PERIOD + "&channel=patrol&category=C01"), GRID).path("properties");
    assertThat(patrol.path("open").asLong()).isEqualTo(1);
    assertThat(patrol.path("overdue").asLong()).isZero();

    ClockUtil.setCurrentTime(java.util.Date.from(NOW.plus(Duration.ofDays(4))));
    assertThat(feature(get("/api/map/grids?" + PERIOD), GRID).path("properties").path("overdue").asLong())
        .as("four days on, MAP-02 is overdue too").isEqualTo(2);
  }

  @Test
  void openCasesArePointsWithRoundedCoordinatesAndNoPersonalData() throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("supervisor-dc", "demo").getForEntity("/api/map/cases",
        String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).doesNotContain(SECRET_NAME, SECRET_PHONE, SECRET_TEXT, "secret@example.org", "杨柳路");
    JsonNode points = json.readTree(response.getBody());
    List<String> fields = new ArrayList<>();
    points.path("fields").forEach(field -> fields.add(field.asText()));
    assertThat(fields).containsExactly("trackingNumber", "gridCode", "longitude", "latitude", "colour", "overdue",
        "categoryCode", "dueAt", "processInstanceId");
    JsonNode first = row(points, "MAP-01");
    assertThat(first.get(1).asText()).isEqualTo(GRID);
    assertThat(first.get(2).asDouble()).as("4 decimals").isEqualTo(107.4861);
    assertThat(first.get(3).asDouble()).isEqualTo(31.2246);
    assertThat(first.get(4).asText()).isEqualTo("red");
    assertThat(first.get(5).asBoolean()).isTrue();
    assertThat(first.get(6).asText()).isEqualTo("C04");
    assertThat(first.get(8).asText()).isEqualTo("map-instance-01");
    assertThat(row(points, "MAP-02").get(5).asBoolean()).isFalse();
    assertThat(row(points, "MAP-03")).as("closed cases are not on the map").isNull();
    assertThat(row(get("/api/map/cases?colour=green"), "MAP-01")).isNull();
  }

  @Test
  void aClickedGridShowsItsLeadersNameItsFiguresAndItsOpenCases() throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("supervisor-dc", "demo")
        .getForEntity("/api/map/grids/" + GRID + "?" + PERIOD, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).doesNotContain(SECRET_NAME, SECRET_PHONE, SECRET_TEXT, "leader-03-06-003");
    JsonNode grid = json.readTree(response.getBody());
    assertThat(grid.path("name").asText()).isEqualTo("杨柳村第3网格");
    assertThat(grid.path("communityName").asText()).isEqualTo("杨柳村");
    assertThat(grid.path("streetName").asText()).isEqualTo("南山街道");
    assertThat(grid.path("leaders").get(0).asText()).as("the name, not the login").isEqualTo("邓红梅");
    assertThat(grid.path("figures").path("open").asLong()).isEqualTo(2);
    assertThat(grid.path("figures").path("overdue").asLong()).isEqualTo(1);
    JsonNode cases = grid.path("openCases");
    assertThat(cases).hasSize(2);
    assertThat(cases.get(0).path("trackingNumber").asText()).as("earliest due first").isEqualTo("MAP-01");
    assertThat(cases.get(0).path("overdue").asBoolean()).isTrue();
    assertThat(cases.get(0).path("categoryName").asText()).isEqualTo("路灯井盖等市政设施损坏");
    assertThat(cases.get(0).path("processInstanceId").asText()).isEqualTo("map-instance-01");
    assertThat(cases.get(1).path("trackingNumber").asText()).isEqualTo("MAP-02");
    assertThat(cases.get(1).path("overdue").asBoolean()).isFalse();

    assertThat(rest.withBasicAuth("supervisor-dc", "demo").getForEntity("/api/map/grids/DC-99-99-999?" + PERIOD,
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theHeatLayerCountsThePeriodsRequestsPerCell() throws Exception {
    JsonNode heat = get("/api/map/heat?" + PERIOD);
    double requests = 0;
    for (JsonNode cell : heat.path("cells")) {
      if (cell.get(0).asDouble() > 107.484 && cell.get(0).asDouble() < 107.488 && cell.get(1).asDouble() > 31.223
          && cell.get(1).asDouble() < 31.226) {
        requests += cell.get(2).asDouble();
      }
    }
    assertThat(requests).as("three of the four have coordinates").isEqualTo(3);
    assertThat(get("/api/map/heat?from=2024-03-01&to=2024-03-31&category=C04").path("cells")).hasSize(1);
  }

  @Test
  void handlersAreRefusedAndBadParametersAreNamed() {
    for (String path : List.of("/api/map/grids?" + PERIOD, "/api/map/cases", "/api/map/heat?" + PERIOD,
        "/api/map/grids/" + GRID + "?" + PERIOD)) {
      assertThat(rest.withBasicAuth("worker-03-06-003", "demo").getForEntity(path, String.class).getStatusCode())
          .as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.withBasicAuth("leader-03-06-003", "demo").getForEntity(path, String.class).getStatusCode())
          .as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    ResponseEntity<String> colour = rest.withBasicAuth("supervisor-dc", "demo")
        .getForEntity("/api/map/grids?" + PERIOD + "&colour=purple", String.class);
    assertThat(colour.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(colour.getBody()).contains("\"field\":\"colour\"");
    ResponseEntity<String> category = rest.withBasicAuth("supervisor-dc", "demo")
        .getForEntity("/api/map/cases?category=C01' or '1'='1", String.class);
    assertThat(category.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(category.getBody()).contains("\"field\":\"category\"");
    assertThat(rest.withBasicAuth("supervisor-dc", "demo").getForEntity("/api/map/grids?from=2024-03-31&to=2024-03-01",
        String.class).getBody()).contains("\"field\":\"to\"");
    assertThat(rest.withBasicAuth("supervisor-dc", "demo").getForEntity("/api/map/grids?" + PERIOD + "&layer=names",
        String.class).getBody()).contains("\"field\":\"layer\"");
  }

  JsonNode get(String path) throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("supervisor-dc", "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  static JsonNode feature(JsonNode grids, String code) {
    for (JsonNode feature : grids.path("features")) {
      if (feature.path("id").asText().equals(code)) {
        return feature;
      }
    }
    throw new AssertionError("no feature " + code);
  }

  static JsonNode border(JsonNode grids, String code) {
    for (JsonNode border : grids.path("borders")) {
      if (border.path("code").asText().equals(code)) {
        return border;
      }
    }
    throw new AssertionError("no border " + code);
  }

  static JsonNode row(JsonNode points, String trackingNumber) {
    for (JsonNode row : points.path("rows")) {
      if (row.get(0).asText().equals(trackingNumber)) {
        return row;
      }
    }
    return null;
  }
}
