package org.gridcase.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_TRIAGE;

import java.time.Duration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.Browser;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CaseFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Tasklist in headless Chromium: a grid leader completes a triage form that the server refuses, and reads
 * every field's Chinese message instead of "An error happened"; the task stays open.
 */
@GridcaseTest
class TaskFormErrorsBrowserTest {

  static final String GRID = "DC-01-01-001";
  static final String LEADER = "leader-01-01-001";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired TaskService taskService;

  @Test
  void tasklistShowsEveryFieldsMessageOfARefusedForm() throws Exception {
    ProcessInstance instance = new CaseFixtures(context).submit(GRID, "小区门口污水外溢", "C04");
    Task triage = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_TRIAGE)
        .singleResult();
    taskService.setAssignee(triage.getId(), LEADER);

    try (Browser browser = Browser.open(port, 1100)) {
      browser.signIn("tasklist", LEADER, "demo");
      browser.go("/camunda/app/tasklist/default/#/?task=" + triage.getId());
      // Decline without a reason or a note, in a grid that does not exist: only the server can tell.
      click(browser, labelled(browser, "不予受理（仍将反馈群众）"));
      WebElement grid = labelled(browser, "网格编码");
      click(browser, grid);
      grid.sendKeys(Keys.END);
      grid.sendKeys(Keys.BACK_SPACE.toString().repeat(grid.getDomProperty("value").length()));
      // Leaving the field hands form-js its (debounced) value.
      grid.sendKeys("DC-99-99-999", Keys.TAB);
      assertThat(grid.getDomProperty("value")).isEqualTo("DC-99-99-999");
      click(browser, browser.await(By.cssSelector("button[ng-click='complete()']:not([disabled])")));

      WebElement error = new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
          .withMessage("no error notification in Tasklist")
          .until(driver -> driver.findElements(By.cssSelector(".notifications .alert, .page-notifications .alert"))
              .stream().filter(alert -> Browser.text(alert).contains("请")).findFirst().orElse(null));
      browser.screenshot("tasklist-form-error");
      assertThat(Browser.text(error)).contains("gridCode: 请填写有效的网格编码").contains("declineReason: 请选择")
          .contains("triageNote: 不予受理时请写明理由");
    }
    assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).as("the task stays open").isOne();
  }

  /** Tasklist's task pane scrolls on its own: an element below its fold is brought into view first. */
  private static void click(Browser browser, WebElement element) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'});", element);
    element.click();
  }

  /**
   * The form field whose label reads {@code text} (a required field's label ends in "*"): a form-js label
   * names its input with {@code for}.
   */
  private static WebElement labelled(Browser browser, String text) {
    WebElement label = browser.await(By.xpath("//label[normalize-space()='" + text + "' or normalize-space()='"
        + text + "*']"));
    return browser.driver().findElement(By.id(label.getDomAttribute("for")));
  }
}
