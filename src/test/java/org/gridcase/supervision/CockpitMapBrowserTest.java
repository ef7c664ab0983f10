package org.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.Browser;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 一张图 in headless Chromium: supervisor-dc opens the map from the header, sees all 287 demo grids, the community
 * in emergency mode outlined, clicks 杨柳村第4网格 (two open cases, one overdue as the driven clock stands) and a
 * case point, and shades the grids by overdue cases. A grid worker gets no map. Saves the README screenshot.
 */
@GridcaseTest
class CockpitMapBrowserTest {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final String GRID = "DC-03-06-004";
  private static final String EMERGENCY_AREA = "DC-03-06";
  /** The clock stands here: MAPUI-01 was due two days before, MAPUI-02 is due in three days. */
  private static final Instant NOW = LocalDateTime.of(2024, 2, 20, 10, 0).atZone(CHINA).toInstant();
  /** Grids other tests write cases into (or near, for duplicates) keep only their own. */
  private static final List<String> TAKEN = List.of("DC-03-01", "DC-03-02", "DC-03-05", "DC-04-02", "DC-04-07",
      "DC-03-04-002", "DC-03-06-003", GRID);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  /** The cases go again, so that their old due dates leave other tests' overdue lists alone. */
  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    jdbc.sql("delete from gc_request where tracking_number like 'MAPUI-%'").update();
  }

  private void fixtures() {
    ClockUtil.setCurrentTime(java.util.Date.from(NOW));
    jdbc.sql("delete from gc_request where tracking_number like 'MAPUI-%'").update(); // a database kept from an aborted run
    insert("MAPUI-01", GRID, "red", "C04", NOW.minus(Duration.ofDays(2)), 107.4890, 31.2250);
    insert("MAPUI-02", GRID, "green", "C01", NOW.plus(Duration.ofDays(3)), 107.4910, 31.2240);
    // Some more open cases over the south and north of the district, so the map looks like a working day.
    List<Map<String, Object>> grids = jdbc.sql("select grid_code, min_longitude, max_longitude, min_latitude,"
        + " max_latitude from gc_grid_area where grid_code like 'DC-03-%' or grid_code like 'DC-04-%' order by grid_code")
        .query().listOfRows().stream()
        .filter(row -> TAKEN.stream().noneMatch(taken -> ((String) row.get("grid_code")).startsWith(taken))).toList();
    String[] colours = {"green", "yellow", "green", "red", "green", "yellow"};
    String[] categories = {"C01", "C03", "C04", "C02"};
    for (int i = 0; i < 48; i++) {
      Map<String, Object> grid = grids.get(i * 7 % grids.size());
      double lon = number(grid, "min_longitude") + (number(grid, "max_longitude") - number(grid, "min_longitude")) * (0.3 + 0.4 * (i % 3) / 2);
      double lat = number(grid, "min_latitude") + (number(grid, "max_latitude") - number(grid, "min_latitude")) * (0.3 + 0.4 * (i % 2));
      insert(String.format("MAPUI-D%02d", i), (String) grid.get("grid_code"), colours[i % colours.length],
          categories[i % categories.length], NOW.plus(Duration.ofDays(i % 5 == 0 ? -1 : 2 + i % 4)), lon, lat);
    }
  }

  private static double number(Map<String, Object> row, String column) {
    return ((Number) row.get(column)).doubleValue();
  }

  private void insert(String number, String grid, String colour, String category, Instant due, double lon, double lat) {
    Timestamp received = Timestamp.from(LocalDateTime.of(2024, 2, 5, 9, 0).atZone(CHINA).toInstant());
    jdbc.sql("insert into gc_request (tracking_number, grid_code, description, channel, received_at, status, colour,"
            + " category_code, accepted_at, due_at, process_instance_id, latitude, longitude, escalation_count,"
            + " reopen_count) values (?, ?, '地图测试', 'patrol', ?, 'IN_HANDLING', ?, ?, ?, ?, ?, ?, ?, 0, 0)")
        .params(number, grid, received, colour, category, received, Timestamp.from(due),
            "map-ui-" + number.toLowerCase(), lat, lon)
        .update();
  }

  @Test
  void aSupervisorSeesTheDistrictOnOneMapAndDrillsIntoAGrid() throws Exception {
    fixtures();
    long emergency = declareEmergency();
    try (Browser browser = Browser.open(port, 1250)) {
      browser.signIn("cockpit", "supervisor-dc", "demo");
      browser.await(By.linkText("一张图")).click();
      WebElement chart = browser.await(By.cssSelector("#gc-map-chart[data-state=ready]"));
      assertThat(chart.getDomAttribute("data-grids")).as("every demo grid drawn").isEqualTo("287");
      assertThat(script(browser, "return echarts.getInstanceByDom(arguments[0]).getOption().geo[0].regions.length",
          chart)).isEqualTo(287L);
      assertThat(chart.getDomAttribute("data-emergency").split(",")).as("the community in emergency mode is outlined")
          .contains(EMERGENCY_AREA);
      assertThat(script(browser, "return echarts.getInstanceByDom(arguments[0]).getOption().series"
          + ".find(s => s.id === 'emergency-outlines').data.length", chart)).as("its outline's edges")
          .isEqualTo(outlineEdges(EMERGENCY_AREA));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(d -> chart.getDomAttribute("data-render-ms") != null);
      System.out.println("一张图 rendered (287 grids) in " + chart.getDomAttribute("data-render-ms") + " ms");

      new Select(browser.await(By.id("gc-map-year"))).selectByValue("2024");
      new Select(browser.await(By.id("gc-map-month"))).selectByValue("2");
      browser.awaitText(By.id("gc-map-period"), "2024年2月");
      browser.await(By.cssSelector("#gc-map-chart[data-state=ready]"));

      click(browser, chart, 107.4914, 31.2255);
      browser.awaitText(By.cssSelector("#gc-map-detail [data-grid='" + GRID + "'] .gc-map-name"), "杨柳村第4网格");
      assertThat(Browser.text(browser.await(By.cssSelector("#gc-map-detail .gc-map-leader")))).isEqualTo("王俊杰");
      assertThat(Browser.text(browser.await(By.cssSelector("#gc-map-detail [data-figure=open] .gc-tile-value"))))
          .isEqualTo("2");
      assertThat(Browser.text(browser.await(By.cssSelector("#gc-map-detail [data-figure=overdue] .gc-tile-value"))))
          .isEqualTo("1");
      WebElement overdue = browser.await(By.cssSelector("#gc-map-detail tr[data-key='MAPUI-01']"));
      assertThat(cells(overdue)).containsExactly("MAPUI-01", "路灯井盖等市政设施损坏", "红", "2024/02/18 10:00（超期）");
      assertThat(overdue.findElement(By.tagName("a")).getDomAttribute("href"))
          .isEqualTo("#/process-instance/map-ui-mapui-01/runtime");
      assertThat(cells(browser.await(By.cssSelector("#gc-map-detail tr[data-key='MAPUI-02']"))))
          .containsExactly("MAPUI-02", "环境卫生", "绿", "2024/02/23 10:00");

      assertThat(areaColour(browser, chart, GRID)).as("open cases shade the grid").isNotEqualTo("#eef1f5");
      new Select(browser.await(By.id("gc-map-layer"))).selectByValue("acceptanceRate");
      browser.await(By.cssSelector("#gc-map-chart[data-layer=acceptanceRate][data-state=ready]"));
      assertThat(areaColour(browser, chart, GRID)).as("受理率 100%: the best class").isEqualTo("#3c9a4a");
      assertThat(areaColour(browser, chart, "DC-03-05-001")).as("no requests in the period: no rate")
          .isEqualTo("#dcdfe4");
      new Select(browser.await(By.id("gc-map-layer"))).selectByValue("overdue");
      browser.await(By.cssSelector("#gc-map-chart[data-layer=overdue][data-state=ready]"));
      assertThat(areaColour(browser, chart, GRID)).as("the overdue layer shades the grid").isNotEqualTo("#eef1f5");
      assertThat(areaColour(browser, chart, "DC-03-06-002")).as("a grid without overdue cases stays blank")
          .isEqualTo("#eef1f5");

      browser.await(By.id("gc-map-heat")).click();
      // The heat layer holds February's requests with coordinates: at least the 50 above.
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> ((Number) script(browser,
          "const s = echarts.getInstanceByDom(arguments[0]).getOption().series.find(s => s.id === 'heat');"
              + " return s ? s.data.reduce((sum, cell) => sum + cell[2], 0) : -1", chart)).longValue() >= 50);
      browser.await(By.id("gc-map-heat")).click();
      browser.await(By.cssSelector("#gc-map-chart[data-state=ready]"));

      click(browser, chart, 107.4890, 31.2250);
      browser.await(By.cssSelector("#gc-map-detail [data-case='MAPUI-01']"));
      assertThat(Browser.text(browser.await(By.cssSelector("#gc-map-detail [data-case] h5 a")))).isEqualTo("MAPUI-01");
      browser.await(By.cssSelector("#gc-map-detail [data-case] a:not([href*='process-instance'])")).click();
      browser.awaitText(By.cssSelector("#gc-map-detail [data-grid='" + GRID + "'] .gc-map-name"), "杨柳村第4网格");
      assertThat(browser.driver().findElements(By.cssSelector(".gc-page .gc-error"))).as("everything loaded").isEmpty();

      new Actions(browser.driver()).moveToElement(browser.await(By.id("gc-map-period"))).perform();
      Path shot = browser.screenshot("cockpit-map");
      Path docs = Path.of(".docs", "cockpit-map.png");
      if (Files.isDirectory(docs.getParent())) {
        Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      rest.withBasicAuth("supervisor-dc", "demo").postForEntity("/api/emergencies/" + emergency + "/lift",
          Map.of("reason", "测试结束"), String.class);
    }
  }

  @Test
  void aGridWorkerGetsNoMap() throws Exception {
    try (Browser browser = Browser.open(port, 900)) {
      browser.signIn("tasklist", "worker-03-06-004", "demo");
      browser.go("/camunda/app/cockpit/default/#/gridcase-map");
      // Cockpit itself refuses a signed-in user without access to it, before any plugin loads.
      assertThat(Browser.text(browser.await(By.tagName("body")))).contains("status=403");
      assertThat(browser.driver().findElements(By.id("gc-map-chart"))).as("no map for handlers").isEmpty();
      Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[0];"
          + " fetch('/api/map/grids?from=2024-01-01&to=2024-12-31', {credentials: 'same-origin'})"
          + ".then(r => done(r.status), e => done(String(e)))");
      assertThat(status).as("the worker's own session gets no map data").isEqualTo(403L);
    }
  }

  private long declareEmergency() {
    ResponseEntity<Map> declared = rest.withBasicAuth("supervisor-dc", "demo").postForEntity("/api/emergencies",
        Map.of("areaCode", EMERGENCY_AREA, "reason", "山洪预警（地图测试）"), Map.class);
    assertThat(declared.getStatusCode()).as(String.valueOf(declared.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) declared.getBody().get("id")).longValue();
  }

  /** The number of edges of an area's outline, as the API gives it. */
  private long outlineEdges(String area) throws Exception {
    String from = "from=2024-02-01&to=2024-02-29";
    var grids = new com.fasterxml.jackson.databind.ObjectMapper().readTree(rest.withBasicAuth("supervisor-dc", "demo")
        .getForEntity("/api/map/grids?" + from, String.class).getBody());
    return MapScenarios.border(grids, area).path("segments").size();
  }

  /** A real click on the chart where a WGS 84 point is drawn (Selenium offsets are from the element's centre). */
  private static void click(Browser browser, WebElement chart, double lon, double lat) {
    @SuppressWarnings("unchecked")
    List<Number> offset = (List<Number>) script(browser, "const node = arguments[0];"
        + " const [x, y] = echarts.getInstanceByDom(node).convertToPixel({geoIndex: 0}, [arguments[1], arguments[2]]);"
        + " const box = node.getBoundingClientRect(); node.scrollIntoView({block: 'center'});"
        + " return [Math.round(x - box.width / 2), Math.round(y - box.height / 2)];", chart, lon, lat);
    new Actions(browser.driver()).moveToElement(chart, offset.get(0).intValue(), offset.get(1).intValue()).click()
        .perform();
  }

  private static String areaColour(Browser browser, WebElement chart, String grid) {
    return (String) script(browser, "return echarts.getInstanceByDom(arguments[0]).getOption().geo[0].regions"
        + ".find(r => r.name === arguments[1]).itemStyle.areaColor", chart, grid);
  }

  private static Object script(Browser browser, String script, Object... arguments) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(Browser::text).toList();
  }
}
