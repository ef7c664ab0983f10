package org.gridcase.caseform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_DEPARTMENT_REPORT;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_FEEDBACK_CALL;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_GREEN;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_SATISFACTION_REVIEW;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_TRIAGE;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.Browser;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CaseFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A handler's day in Tasklist, in headless Chromium: one green case with phone feedback walked from the start
 * form to the review as each demo role, asserting on every form what the task needs; and a case whose
 * description holds markdown, shown as typed on every form of its lifecycle. Screenshots in
 * target/screenshots/form-*.png (the README's come from here).
 */
@GridcaseTest
class CaseFormsBrowserTest {

  static final String GRID = "DC-01-01-001";
  static final String DESCRIPTION = "幸福小区3号楼北侧有人私搭棚子，占用消防通道，车辆无法通行。";
  static final String PHONE = "13912345678";
  /** Markdown a form-js text template would render: a link, bold, an image. */
  static final String MARKDOWN = "[点我](http://evil.example) **加粗** ![图](http://evil.example/x.png) 路灯不亮";

  static final By START_FORM = By.cssSelector(".modal-body .fjs-form");
  static final By TASK_FORM = By.cssSelector(".task-details .fjs-form");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;

  @Test
  void aGreenCaseWithPhoneFeedbackWalksThroughTasklistAsEachRole() throws Exception {
    // 收集: the collector starts the case from Tasklist's start form.
    String instanceId;
    try (Browser browser = signedIn("worker-01-01-001")) {
      browser.go("/camunda/app/tasklist/default/#/?processStart=citizen-request");
      browser.await(START_FORM);
      type(browser, "网格编码", GRID);
      type(browser, "诉求描述", DESCRIPTION);
      select(browser, "事项类别", "A01");
      type(browser, "群众联系电话", PHONE);
      browser.screenshot("form-0-collect");
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();",
        browser.await(By.cssSelector(".modal-footer button.btn-primary[type=submit]")));
      instanceId = eventually(browser, () -> jdbc.sql("select process_instance_id from gc_request where description = ?")
          .param(DESCRIPTION).query(String.class).optional());
    }
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    String number = instance.getBusinessKey();

    // 研判: the grid leader accepts it as green.
    try (Browser browser = signedIn("leader-01-01-001")) {
      openClaimed(browser, task(instance, TASK_TRIAGE), number);
      assertThat(value(browser, "诉求描述")).isEqualTo(DESCRIPTION);
      assertThat(value(browser, "系统建议")).isEqualTo("绿色，由专职网格员办理");
      assertThat(value(browser, "办理经过")).contains("收到诉求　王芳");
      choose(browser, "研判结论", "受理，按颜色派单");
      choose(browser, "颜色（3色", "绿：网格员 / 楼栋长销号");
      type(browser, "研判意见", "属网格事项，按绿色办理");
      browser.screenshot("form-1-triage");
      complete(browser, instance, TASK_TRIAGE);
    }

    // 办理: the grid worker calls in 城管 (网格吹哨).
    try (Browser browser = signedIn("worker-01-01-001")) {
      openClaimed(browser, task(instance, TASK_HANDLE_GREEN), number);
      assertThat(value(browser, "地点")).contains("第1网格");
      choose(browser, "办理结果", "网格吹哨，部门报到");
      type(browser, "办理说明", "棚子系违法搭建，需城管依法拆除");
      choose(browser, "吹哨：需要报到的部门", "城管（D-CG）");
      select(browser, "牵头部门", "城管");
      browser.screenshot("form-2-handle-whistle");
      complete(browser, instance, TASK_HANDLE_GREEN);
    }

    // 部门报到: the department's officer sees who calls, why and what.
    try (Browser browser = signedIn("officer-cg-1")) {
      openClaimed(browser, task(instance, TASK_DEPARTMENT_REPORT), number);
      assertThat(value(browser, "报到部门")).isEqualTo("大川区城市管理局");
      assertThat(value(browser, "牵头部门")).isEqualTo("大川区城市管理局");
      assertThat(value(browser, "吹哨原因")).isEqualTo("棚子系违法搭建，需城管依法拆除");
      assertThat(value(browser, "诉求描述")).isEqualTo(DESCRIPTION);
      assertThat(value(browser, "办理经过")).contains("网格吹哨　王芳").doesNotContain("D-CG", "worker-01-01-001");
      type(browser, "报到情况", "已到场核实，责令当事人今日自行拆除，城管队员现场监督。");
      choose(browser, "牵头部门：会商结束", null);
      browser.screenshot("form-3-department-report");
      complete(browser, instance, TASK_DEPARTMENT_REPORT);
    }

    // Back to the handler who had it, with the department's report on the form.
    Task back = task(instance, TASK_HANDLE_GREEN);
    assertThat(back.getAssignee()).as("the handler keeps the case").isEqualTo("worker-01-01-001");
    try (Browser browser = signedIn("worker-01-01-001")) {
      open(browser, back, number);
      assertThat(browser.driver().findElements(By.cssSelector("button.claim"))).as("already theirs").isEmpty();
      assertThat(value(browser, "部门报到情况")).startsWith("大川区城市管理局（牵头）　徐涛")
          .contains("已到场核实，责令当事人今日自行拆除");
      choose(browser, "办理结果", "已办结");
      type(browser, "办理说明", "棚子已拆除，消防通道恢复畅通。");
      browser.screenshot("form-4-handle-back");
      complete(browser, instance, TASK_HANDLE_GREEN);
    }

    // 电话反馈: the number to call and the result to tell.
    try (Browser browser = signedIn("worker-01-01-001")) {
      openClaimed(browser, task(instance, TASK_FEEDBACK_CALL), number);
      assertThat(value(browser, "联系电话")).isEqualTo(PHONE);
      assertThat(value(browser, "办理结果")).isEqualTo("棚子已拆除，消防通道恢复畅通。");
      assertThat(value(browser, "办理人")).startsWith("王芳");
      type(browser, "反馈情况", "已电话告知群众，群众表示认可。");
      browser.screenshot("form-5-feedback-call");
      complete(browser, instance, TASK_FEEDBACK_CALL);
    }

    // 满意度回访: the reviewer sees the result.
    try (Browser browser = signedIn("reviewer-01-01")) {
      openClaimed(browser, task(instance, TASK_SATISFACTION_REVIEW), number);
      assertThat(value(browser, "办理结果")).isEqualTo("棚子已拆除，消防通道恢复畅通。");
      assertThat(value(browser, "联系电话")).isEqualTo(PHONE);
      assertThat(value(browser, "办理经过")).contains("部门报到　徐涛", "电话反馈　王芳");
      choose(browser, "满意度", "满意");
      type(browser, "回访记录", "群众满意。");
      browser.screenshot("form-6-review");
      complete(browser, instance, TASK_SATISFACTION_REVIEW);
    }
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getEndTime())
        .as("closed").isNotNull();
  }

  @Test
  void markdownInADescriptionStaysTextOnEveryFormOfItsLifecycle() throws Exception {
    CaseFixtures cases = new CaseFixtures(context);
    ProcessInstance instance = cases.submit(GRID, MARKDOWN, "A01");
    String number = instance.getBusinessKey();
    try (Browser browser = Browser.open(port, 1800)) {
      browser.signIn("tasklist", "demo", "demo");
      assertPlain(browser, task(instance, TASK_TRIAGE), number, "md-triage");
      cases.complete(instance, TASK_TRIAGE, "leader-01-01-001", Map.of("triageDecision", "accept",
          "gridCode", GRID, "categoryCode", "A01", "colour", "green"));
      assertPlain(browser, task(instance, TASK_HANDLE_GREEN), number, "md-handle");
      cases.complete(instance, TASK_HANDLE_GREEN, "worker-01-01-001", Map.of("handlingAction", "whistle",
          "whistleDepartments", "D-CG", "handlingNote", "请城管看看 [这里](http://evil.example)"));
      assertPlain(browser, task(instance, TASK_DEPARTMENT_REPORT), number, "md-department-report");
      cases.complete(instance, TASK_DEPARTMENT_REPORT, "officer-cg-1", Map.of("reportNote", "**已处理**"));
      assertPlain(browser, task(instance, TASK_HANDLE_GREEN), number, "md-handle-back");
      cases.complete(instance, TASK_HANDLE_GREEN, "worker-01-01-001", Map.of("handlingAction", "done",
          "handlingNote", "已修好 [详情](http://evil.example)"));
      assertPlain(browser, task(instance, TASK_FEEDBACK_CALL), number, "md-feedback-call");
      cases.complete(instance, TASK_FEEDBACK_CALL, "worker-01-01-001", Map.of("feedbackNote", "已告知"));
      assertPlain(browser, task(instance, TASK_SATISFACTION_REVIEW), number, "md-review");
    }
  }

  /** The form shows the description as typed, and no element made of anyone's text. */
  private void assertPlain(Browser browser, Task task, String number, String shot) throws Exception {
    open(browser, task, number);
    assertThat(value(browser, "诉求描述")).isEqualTo(MARKDOWN);
    retrying(browser, () -> {
      WebElement form = browser.await(TASK_FORM);
      assertThat(form.findElements(By.cssSelector("a[href*='evil'], img"))).as("links or images in %s", shot)
          .isEmpty();
      assertThat(form.findElements(By.xpath(".//*[self::strong or self::em or self::b][contains(., '加粗')"
          + " or contains(., '已处理')]"))).as("bold user text in %s", shot).isEmpty();
    });
    browser.screenshot("form-" + shot);
  }

  private Browser signedIn(String user) throws Exception {
    Browser browser = Browser.open(port, 1800);
    browser.signIn("tasklist", user, "demo");
    return browser;
  }

  private Task task(ProcessInstance instance, String element) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(element).singleResult();
  }

  /** Opens the task in Tasklist and waits for its form with the case file loaded. */
  private void open(Browser browser, Task task, String number) {
    assertThat(task).as("open task").isNotNull();
    browser.go("/camunda/app/tasklist/default/#/?task=" + task.getId());
    eventually(browser, () -> Optional.of(value(browser, "受理编号")).filter(number::equals));
  }

  /** Opens the task and claims it, as the handler does before working it. */
  private void openClaimed(Browser browser, Task task, String number) {
    open(browser, task, number);
    click(browser, browser.await(By.cssSelector("button.claim")));
    eventually(browser, () -> Optional.ofNullable(tasks.createTaskQuery().taskId(task.getId()).singleResult())
        .map(Task::getAssignee));
    eventually(browser, () -> Optional.of(browser.driver().findElements(By.cssSelector("button.claim")).isEmpty())
        .filter(Boolean::booleanValue));
    open(browser, task, number);
  }

  /** Completes the task with Tasklist's button and waits until the engine has it done. */
  private void complete(Browser browser, ProcessInstance instance, String element) {
    String id = task(instance, element).getId();
    click(browser, browser.await(By.cssSelector("button.btn-primary[ng-click='complete()']")));
    try {
      eventually(browser, () -> Optional.of(tasks.createTaskQuery().taskId(id).count() == 0)
          .filter(Boolean::booleanValue));
    } catch (RuntimeException e) {
      String shown = browser.driver().findElements(By.cssSelector(".notifications, .alert")).stream()
          .map(Browser::text).toList().toString();
      throw new AssertionError("task " + element + " not completed; Tasklist shows " + shown, e);
    }
  }

  /** The form on screen: the start form's in its dialog, else the task's. */
  private static WebElement form(Browser browser) {
    return browser.driver().findElements(START_FORM).stream().findFirst().orElseGet(() -> browser.await(TASK_FORM));
  }

  /** The form field whose label starts with {@code label}, looked up afresh (Tasklist may render the form again). */
  private static WebElement field(Browser browser, String label) {
    return form(browser).findElement(By.xpath(".//div[contains(concat(' ', normalize-space(@class), ' '),"
        + " ' fjs-form-field ')][(.//label)[1][starts-with(normalize-space(.), '" + label + "')]]"));
  }

  private static String value(Browser browser, String label) {
    return eventually(browser, () -> Optional.ofNullable(field(browser, label)
        .findElement(By.cssSelector("input, textarea")).getDomProperty("value")));
  }

  /** Types into the field and leaves it: form-js debounces input and takes it at once on blur. */
  private static void type(Browser browser, String label, String text) {
    retrying(browser, () -> field(browser, label).findElement(By.cssSelector("input, textarea"))
        .sendKeys(text, Keys.TAB));
  }

  /** Ticks a radio or checklist option of the field by its label, or the field's own checkbox (null). */
  private static void choose(Browser browser, String label, String option) {
    retrying(browser, () -> click(browser, option == null
        ? field(browser, label).findElement(By.cssSelector("input[type=checkbox]"))
        : field(browser, label).findElement(By.xpath(".//label[normalize-space(.)='" + option + "']//input"))));
  }

  /** form-js's own dropdown: open it, pick the option that starts with {@code option}. */
  private static void select(Browser browser, String label, String option) {
    By item = By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][starts-with(normalize-space(.), '" + option
        + "')]");
    retrying(browser, () -> {
      // Tabbing into the field may have opened the list already; a click would close it again.
      if (browser.driver().findElements(item).isEmpty()) {
        field(browser, label).findElement(By.cssSelector(".fjs-input-group")).click();
      }
      browser.await(item).click();
    });
  }

  /** A click as a script: a notification toast may lie over the element at the foot of a long form. */
  private static void click(Browser browser, WebElement element) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});"
        + " arguments[0].click();", element);
  }

  /** Runs the step again while Tasklist re-renders the form under it. */
  private static void retrying(Browser browser, Runnable step) {
    eventually(browser, () -> {
      step.run();
      return Optional.of(true);
    });
  }

  private static <T> T eventually(Browser browser, Supplier<Optional<T>> probe) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
        .ignoring(ElementNotInteractableException.class).ignoring(NoSuchElementException.class)
        .until(driver -> probe.get().orElse(null));
  }
}
