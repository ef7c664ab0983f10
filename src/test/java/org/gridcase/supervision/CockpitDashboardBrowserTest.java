package org.gridcase.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.gridcase.Browser;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisors' dashboard in Cockpit, in headless Chromium: a supervisor signs in, opens 网格督查 from the
 * dashboard card, picks July 2024 (no other test has cases then) and sees the hand-computed numbers of five
 * cases, drills down to a street, and finds the overdue case on the board. Saves the README screenshot.
 */
@GridcaseTest
class CockpitDashboardBrowserTest {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Gradings gradings;

  /**
   * District: received 5, accepted 4, declined 1 → 受理率 80.0 %; closed 3 → 办结率 75.0 %; on time 2 of 3 →
   * 66.7 %; reached at review 2 (one unreachable), satisfied 1 → 满意率 50.0 %; 1 open, overdue.
   * Street 西湖街道 (DC-02) has UI-01…04: 受理率 3/4, 办结率 2/3, on time 1/2, 满意率 1/2.
   */
  private void fixtures() {
    if (jdbc.sql("select count(*) from gc_request where tracking_number like 'UI-%'").query(Integer.class).single() > 0) {
      return;
    }
    record Case(String number, String grid, String status, String colour, Integer handledDay, String satisfaction,
        String declineReason, String instance) {
    }
    List<Case> cases = List.of(
        new Case("UI-01", "DC-02-01-001", "CLOSED", "green", 11, "satisfied", null, null),
        new Case("UI-02", "DC-02-01-001", "CLOSED", "yellow", 13, "unsatisfied", null, null),
        new Case("UI-03", "DC-02-01-002", "IN_HANDLING", "red", null, null, null, "ui-test-instance-03"),
        new Case("UI-04", "DC-02-01-001", "DECLINED", null, null, null, "duplicate", null),
        new Case("UI-05", "DC-03-02-001", "CLOSED", "green", 10, "unreachable", null, null));
    for (Case c : cases) {
      boolean accepted = c.declineReason() == null;
      boolean open = c.status().equals("IN_HANDLING");
      jdbc.sql("insert into gc_request (tracking_number, grid_code, description, channel, received_at, status, colour,"
              + " accepted_at, due_at, handled_at, handling_minutes, satisfaction, decline_reason, escalation_count,"
              + " reopen_count, closed_at, process_instance_id) values (?, ?, '界面测试', 'hotline', ?, ?, ?, ?, ?, ?, ?,"
              + " ?, ?, ?, 0, ?, ?)")
          .params(c.number(), c.grid(), july(2, 9), c.status(), c.colour(), accepted ? july(2, 10) : null,
              accepted ? (open ? july(20, 9) : july(12, 9)) : null, c.handledDay() == null ? null : july(c.handledDay(), 9),
              c.handledDay() == null ? null : 480, c.satisfaction(), c.declineReason(), open ? 1 : 0,
              open ? null : july(15, 9), c.instance())
          .update();
    }
  }

  @Test
  void aSupervisorSeesTheDistrictDrillsDownAndFindsTheOverdueCase() throws Exception {
    try (Browser browser = Browser.open(port, 1700)) {
      fixtures();
      gradings.compute("2024-07", "test");
      browser.signIn("cockpit", "supervisor-dc", "demo");

      browser.await(By.cssSelector("#gc-card [data-kpi=acceptanceRate]"));
      browser.await(By.linkText("进入网格督查 →")).click();
      new Select(browser.await(By.id("gc-year"))).selectByValue("2024");
      new Select(browser.await(By.id("gc-month"))).selectByValue("7");
      browser.awaitText(By.id("gc-period"), "2024年7月");

      browser.awaitText(tile("acceptanceRate"), "80.0%");
      browser.awaitText(tile("completionRate"), "75.0%");
      browser.awaitText(tile("satisfactionRate"), "50.0%");
      browser.awaitText(tile("onTimeRate"), "66.7%");
      browser.awaitText(tile("received"), "5");
      browser.awaitText(tile("closed"), "3");
      browser.awaitText(tile("open"), "1");
      browser.awaitText(tile("overdue"), "1");
      browser.awaitText(By.cssSelector("#gc-grading [data-grade=好] .gc-tile-value"), "29");
      browser.awaitText(By.cssSelector("#gc-grading [data-grade=差] .gc-tile-value"), "29");

      assertThat(cells(browser.await(By.cssSelector("#gc-drill tr[data-key='DC-02']"))))
          .containsExactly("西湖街道", "4", "75.0%", "66.7%", "50.0%", "50.0%", "1", "1", "0", "1");
      assertThat(cells(browser.await(By.cssSelector("#gc-drill tr[data-key='DC-03']"))))
          .as("nobody reached at review: no satisfaction rate")
          .containsExactly("南山街道", "1", "100.0%", "100.0%", "—", "100.0%", "0", "0", "0", "0");

      browser.await(By.cssSelector("#gc-drill tr[data-key='DC-02']")).click();
      browser.awaitText(By.cssSelector("#gc-drill .gc-crumb.active"), "西湖街道");
      assertThat(cells(browser.await(By.cssSelector("#gc-drill tr[data-key='DC-02-01']"))))
          .containsExactly("西湖社区", "4", "75.0%", "66.7%", "50.0%", "50.0%", "1", "1", "0", "1");
      assertThat(browser.driver().findElements(By.cssSelector("#gc-drill tr[data-key='DC-03-02']")))
          .as("only the street's communities").isEmpty();
      browser.await(By.cssSelector("#gc-drill .gc-chart svg"));

      assertThat(Browser.text(new Select(browser.await(By.id("gc-overdue-area"))).getFirstSelectedOption()))
          .as("the board follows the drill-down").isEqualTo("西湖街道");
      WebElement overdue = browser.await(By.cssSelector("#gc-overdue tr[data-key='UI-03']"));
      assertThat(cells(overdue).subList(0, 4)).containsExactly("UI-03", "西湖社区第2网格", "红", "办理中");
      assertThat(overdue.findElement(By.tagName("a")).getAttribute("href"))
          .endsWith("#/process-instance/ui-test-instance-03/runtime");
      browser.await(By.cssSelector("#gc-escalations table"));
      browser.await(By.cssSelector("#gc-emergencies table, #gc-emergencies .gc-none"));
      assertThat(browser.driver().findElements(By.cssSelector(".gc-page .gc-error"))).as("every panel loaded").isEmpty();

      new Actions(browser.driver()).moveToElement(browser.await(By.id("gc-period"))).perform(); // no row hover
      browser.screenshot("cockpit-dashboard");
      browser.await(By.cssSelector("#gc-drill .gc-crumb a")).click();
      browser.awaitText(By.cssSelector("#gc-drill .gc-crumb.active"), "大川区");
    }
  }

  private static By tile(String field) {
    return By.cssSelector("#gc-summary [data-kpi=" + field + "] .gc-tile-value");
  }

  private static List<String> cells(WebElement row) {
    return row.findElements(By.tagName("td")).stream().map(Browser::text).toList();
  }

  private static Timestamp july(int day, int hour) {
    return Timestamp.from(LocalDateTime.of(2024, 7, day, hour, 0).atZone(CHINA).toInstant());
  }
}
