package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.Browser;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CaseFixtures;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Tasklist as handlers see it, in headless Chromium: Camunda's chrome in Chinese (our locale), the role filters'
 * case columns filled in and sorted by due date, the tracking number after a start form, form-js messages in
 * Chinese. Screenshots in target/screenshots (tasklist-filters and tasklist-in-chinese are in the README).
 */
@GridcaseTest
class TasklistInChineseBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtime;

  @Test
  void aGridWorkerFindsTasklistInChineseWithTheCaseColumns() throws Exception {
    ProcessInstance instance = new CaseFixtures(context).inHandling("DC-01-01-001", "楼道灯不亮，晚上看不见台阶", "C04",
        "green");
    String trackingNumber = instance.getBusinessKey();
    try (Browser browser = Browser.open(port, 760)) {
      browser.signIn("tasklist", "worker-01-01-001", "demo");
      WebDriver driver = browser.driver();
      browser.await(By.cssSelector(".task-filter .name a"));
      assertThat(driver.findElements(By.cssSelector(".task-filter .name a"))).extracting(
          TasklistInChineseBrowserTest::ownText).containsExactly("我的待办", "本组待办", "本网格待认领", "一天内到期", "已超期");
      assertThat(browser.await(By.cssSelector(".task-filter h4.name")).getAttribute("uib-tooltip"))
          .as("filter description").isEqualTo("分配给我的任务");
      filter(browser, "本组待办").click();

      WebElement card = card(browser, trackingNumber);
      assertThat(Browser.text(browser.await(By.cssSelector(".sorting-choice .sort-by")))).isEqualTo("到期日");
      assertThat(browser.await(By.cssSelector(".sorting-choice .sort-direction")).getAttribute("class"))
          .contains("glyphicon-menu-up");
      assertThat(Browser.text(browser.await(By.cssSelector(".sorting-label")))).isEqualTo("排序方式");
      card.findElement(By.cssSelector("a.glyphicon-menu-down")).click();
      assertThat(columns(card)).containsEntry("受理编号", trackingNumber).containsEntry("颜色", "绿")
          .hasEntrySatisfying("事项类别", category -> assertThat(category).isNotBlank().doesNotContain("C04"));
      assertThat(Browser.text(driver.findElement(By.cssSelector("li.start-process-action")))).isEqualTo("发起流程");
      assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).as("end-of-life banner")
          .isNotEmpty().noneMatch(WebElement::isDisplayed);
      browser.screenshot("tasklist-filters");

      card.findElement(By.cssSelector("h4 a")).click();
      By claim = By.xpath("//*[contains(@class,'task-details')]//*[normalize-space(text())='认领']");
      until(driver, ExpectedConditions.elementToBeClickable(claim)).click();
      until(driver, ExpectedConditions.invisibilityOfElementLocated(claim));
      until(driver, ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space(.)='完成']")));
      browser.screenshot("tasklist-in-chinese");
      assertThat(driver.findElement(By.tagName("body")).getText()).contains("设置跟进日期", "添加备注", "表单", "历史",
          "流程图", "描述", "保存", "王芳").doesNotContain("Claim", "Complete", "Set follow-up date", "Form", "History");

      // The Welcome page, where everyone lands after signing in: Chinese too, without the end-of-life banner.
      browser.go("/camunda/app/welcome/default/");
      until(driver, ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "修改密码"));
      assertThat(driver.findElements(By.cssSelector(".ce-eol-banner"))).as("end-of-life banner on Welcome")
          .isNotEmpty().noneMatch(WebElement::isDisplayed);
      browser.screenshot("welcome-in-chinese");
    }
  }

  @Test
  void aDepartmentOfficerSeesTheCaseColumnsOfAWhistle() throws Exception {
    CaseFixtures cases = new CaseFixtures(context);
    ProcessInstance instance = cases.inHandling("DC-01-01-001", "人行道被占道经营摊位堵死", "C04", "green");
    cases.complete(instance, Elements.TASK_HANDLE_GREEN, "worker-01-01-001", Map.of("handlingAction", "whistle",
        "handlingNote", "占道经营，请城管到场", "whistleDepartments", "D-CG", "leadDepartment", "D-CG"));
    try (Browser browser = Browser.open(port, 760)) {
      browser.signIn("tasklist", "officer-cg-1", "demo");
      filter(browser, "本组待办").click();
      WebElement card = card(browser, instance.getBusinessKey());
      card.findElement(By.cssSelector("a.glyphicon-menu-down")).click();
      assertThat(columns(card)).containsEntry("受理编号", instance.getBusinessKey()).containsEntry("颜色", "绿")
          .containsKey("事项类别");
      assertThat(Browser.text(browser.await(By.cssSelector(".sorting-choice .sort-by")))).isEqualTo("到期日");
      browser.screenshot("tasklist-department-officer");
    }
  }

  @Test
  void aSupervisorFindsARedCaseInTheDistrictWideLists() throws Exception {
    CaseFixtures cases = new CaseFixtures(context);
    // Due before every other test's cases, so both lead the district-wide lists (sorted by due date).
    ClockUtil.setCurrentTime(CaseFixtures.at("2023-03-06T09:00"));
    ProcessInstance red;
    ProcessInstance green;
    try {
      red = cases.inHandling("DC-02-03-004", "小区配电箱冒烟，有焦糊味", "C04", "red");
      green = cases.inHandling("DC-03-05-001", "路灯不亮", "C04", "green");
    } finally {
      ClockUtil.reset();
    }
    try (Browser browser = Browser.open(port, 760)) {
      browser.signIn("tasklist", "supervisor-dc", "demo");
      WebDriver driver = browser.driver();
      browser.await(By.cssSelector(".task-filter .name a"));
      assertThat(driver.findElements(By.cssSelector(".task-filter .name a"))).extracting(
          TasklistInChineseBrowserTest::ownText).contains("全区待办", "全区已超期", "全区红色清单");

      filter(browser, "全区红色清单").click();
      WebElement card = card(browser, red.getBusinessKey());
      card.findElement(By.cssSelector("a.glyphicon-menu-down")).click();
      assertThat(columns(card)).containsEntry("受理编号", red.getBusinessKey()).containsEntry("颜色", "红")
          .containsKey("事项类别");
      assertThat(driver.findElements(By.xpath("//span[contains(@class,'variable-value') and normalize-space(.)='"
          + green.getBusinessKey() + "']"))).as("a green case is not on the red list").isEmpty();
      assertThat(Browser.text(browser.await(By.cssSelector(".sorting-choice .sort-by")))).isEqualTo("到期日");
      browser.screenshot("tasklist-supervisor-red-list");

      filter(browser, "全区待办").click();
      card(browser, green.getBusinessKey());
      card(browser, red.getBusinessKey());
      browser.screenshot("tasklist-supervisor-all-open");
    }
  }

  @Test
  void theCollectorSeesTheTrackingNumberAfterTheStartForm() throws Exception {
    try (Browser browser = Browser.open(port, 760)) {
      browser.signIn("tasklist", "worker-01-01-001", "demo");
      WebDriver driver = browser.driver();
      until(driver, ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='发起流程']"))).click();
      until(driver, ExpectedConditions.elementToBeClickable(By.xpath(
          "//div[contains(@class,'modal')]//a[normalize-space(.)='民生诉求办理']"))).click();
      WebElement description = field(driver, "诉求描述");
      WebElement start = until(driver, ExpectedConditions.elementToBeClickable(By.xpath(
          "//div[contains(@class,'modal')]//button[normalize-space(.)='发起']")));

      start.click();
      until(driver, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form-field-error"),
          "此项为必填项。"));
      assertThat(driver.findElements(By.cssSelector(".fjs-form-field-error li"))).extracting(Browser::text)
          .isNotEmpty().allMatch("此项为必填项。"::equals);

      field(driver, "网格编码").sendKeys("DC-01-01-001");
      description.sendKeys("3号楼下水道堵塞，污水外溢");
      start.click();
      WebElement notice = until(driver, ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".gridcase-tracking-notice")));
      Matcher number = Pattern.compile("已受理，受理编号 (GC-\\d{4}-\\d{6})").matcher(Browser.text(notice));
      assertThat(number.find()).as(Browser.text(notice)).isTrue();
      ProcessInstance started = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number.group(1))
          .singleResult();
      assertThat(started).as("the case the notice names").isNotNull();
      assertThat(runtime.getVariable(started.getId(), "gridCode")).isEqualTo("DC-01-01-001");
      browser.screenshot("tasklist-tracking-number");

      // It stays (Tasklist's own toast has gone by then) until the collector closes it.
      By toast = By.xpath("//*[normalize-space(text())='流程已发起。']");
      until(driver, ExpectedConditions.visibilityOfElementLocated(toast));
      until(driver, ExpectedConditions.invisibilityOfElementLocated(toast));
      assertThat(notice.isDisplayed()).isTrue();
      notice.findElement(By.cssSelector("button")).click();
      until(driver, ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".gridcase-tracking-notice")));
    }
  }

  private static WebElement filter(Browser browser, String name) {
    browser.await(By.cssSelector(".task-filter .name a"));
    return browser.driver().findElements(By.cssSelector(".task-filter .name a")).stream()
        .filter(link -> link.getText().strip().startsWith(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no filter " + name));
  }

  /** A filter's name: the link's text without the task count Tasklist adds to the focused filter. */
  private static String ownText(WebElement link) {
    String counter = link.findElements(By.cssSelector(".counter")).stream().map(WebElement::getText)
        .findFirst().orElse("");
    String text = link.getText().strip();
    return counter.isEmpty() ? text : text.substring(0, text.length() - counter.length()).strip();
  }

  /** The list's card of the case, once the list shows it with its tracking number. */
  private static WebElement card(Browser browser, String trackingNumber) {
    return until(browser.driver(), ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//li[contains(@class,'task')][.//span[contains(@class,'variable-value') and normalize-space(.)='"
            + trackingNumber + "']]")));
  }

  /** Heading → value of the card's case columns. */
  private static Map<String, String> columns(WebElement card) {
    Map<String, String> columns = new java.util.LinkedHashMap<>();
    for (WebElement item : card.findElements(By.cssSelector(".variable-item"))) {
      String label = Browser.text(item.findElement(By.cssSelector(".variable-label"))).replaceAll("[:：]$", "");
      List<WebElement> value = item.findElements(By.cssSelector(".variable-value"));
      columns.put(label, value.isEmpty() ? "" : Browser.text(value.get(0)));
    }
    return columns;
  }

  /** The input of the form-js field with this label. */
  private static WebElement field(WebDriver driver, String label) {
    WebElement labelElement = until(driver, ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//label[contains(@class,'fjs-form-field-label') and contains(normalize-space(.),'" + label + "')]")));
    return driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  /** Waits; on giving up, saves the page as target/screenshots/tasklist-failure.png and .html. */
  private static <T> T until(WebDriver driver, org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    try {
      return new WebDriverWait(driver, PATIENCE).until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      try {
        Path shot = Path.of("target", "screenshots", "tasklist-failure.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        Files.writeString(shot.resolveSibling("tasklist-failure.html"), driver.getPageSource());
      } catch (java.io.IOException | RuntimeException ignored) {
        // The timeout says what failed.
      }
      throw e;
    }
  }
}
