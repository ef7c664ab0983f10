package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.gridcase.Browser;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A grid worker on patrol starts a case with Tasklist's start form, as in the field: the engine guards let
 * the form's own fields through, and the requester's phone ends up in the case file, in no engine table.
 */
@GridcaseTest
class TasklistStartFormBrowserTest {

  private static final String WORKER = "worker-01-04-002";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void theStartFormCreatesACaseAndLeavesThePhoneInNoEngineTable() throws Exception {
    String phone = "137" + (10_000_000 + Math.abs(UUID.randomUUID().hashCode() % 89_999_999));
    try (Browser browser = Browser.open(port, 900)) {
      browser.signIn("tasklist", WORKER, "demo");
      browser.go("/camunda/app/tasklist/default/#/?processStart=citizen-request");
      browser.await(By.cssSelector("input[id$='Field_GridCode']")).sendKeys("DC-01-04-002");
      browser.driver().findElement(By.cssSelector("textarea[id$='Field_Description']")).sendKeys("路灯不亮，夜间行人不便");
      browser.driver().findElement(By.cssSelector("input[id$='Field_RequesterPhone']")).sendKeys(phone);
      browser.screenshot("tasklist-start-form");
      browser.driver().findElement(By.cssSelector("button[ng-click='startProcessInstance()']")).click();
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(
          ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button[ng-click='startProcessInstance()']")));
      browser.screenshot("tasklist-start-form-submitted");
    }
    assertThat(jdbc.sql("select count(*) from gc_request where requester_phone = ? and reported_by = ?")
        .params(phone, WORKER).query(Long.class).single()).as("the case file keeps the phone").isEqualTo(1);
    assertThat(EngineTables.containing(jdbc, phone)).as("engine tables holding the phone").isEmpty();
  }
}
