package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gridcase.Browser;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist in headless Chromium: a grid worker signs in and sees the role's shared filters, in order. */
@GridcaseTest
class TasklistFiltersBrowserTest {

  @LocalServerPort int port;

  @Test
  void aGridWorkerSeesTheFiltersOfTheRole() throws Exception {
    try (Browser browser = Browser.open(port, 700)) {
      browser.signIn("tasklist", "worker-01-01-001", "demo");
      browser.await(By.cssSelector(".task-filter .name a"));
      // The focused filter's name carries its task count in a span; the name is the link's own text.
      List<String> names = browser.driver().findElements(By.cssSelector(".task-filter .name a")).stream()
          .map(TasklistFiltersBrowserTest::ownText).toList();
      assertThat(names).containsExactly("我的待办", "本组待办", "本网格待认领", "一天内到期", "已超期");
      browser.screenshot("tasklist-filters");
    }
  }

  private static String ownText(WebElement link) {
    String counter = link.findElements(By.cssSelector(".counter")).stream().map(WebElement::getText)
        .findFirst().orElse("");
    String text = link.getText().strip();
    return counter.isEmpty() ? text : text.substring(0, text.length() - counter.length()).strip();
  }
}
