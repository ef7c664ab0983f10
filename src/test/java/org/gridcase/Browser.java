package org.gridcase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for tests of the Camunda web apps on the test server.
 * Driver and browser are named explicitly, so Selenium Manager never downloads anything; without them
 * the calling test is skipped, not failed.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** Generous: the first page load compiles Cockpit's scripts on a busy two-core machine. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final String baseUrl;
  private final Path profile;
  private final WebDriver driver;
  private final WebDriverWait wait;

  private Browser(String baseUrl, Path profile, WebDriver driver) {
    this.baseUrl = baseUrl;
    this.profile = profile;
    this.driver = driver;
    this.wait = new WebDriverWait(driver, PATIENCE);
  }

  /**
   * A fresh browser (own profile directory) against the app on {@code port}, its window {@code height} pixels
   * high (screenshots show the window); skips the test without Chromium.
   */
  public static Browser open(int port, int height) throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Skipped: Debian's Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver); "
            + "apt-get install chromium chromium-driver fonts-noto-cjk");
    Path profile = Files.createTempDirectory("gridcase-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1440," + height);
    // Beijing time in the browser too, so Camunda's own dates match the dashboard's.
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
    return new Browser("http://localhost:" + port, profile, new ChromeDriver(service, options));
  }

  /** Signs in to a Camunda web app ("cockpit", "tasklist") through its login page. */
  public void signIn(String app, String user, String password) {
    driver.get(baseUrl + "/camunda/app/" + app + "/default/#/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[name=signinForm] input[ng-model=username]"))).sendKeys(user);
    driver.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys(password);
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
  }

  /** Goes to a path of the app, e.g. "/camunda/app/cockpit/default/#/gridcase". */
  public void go(String path) {
    driver.get(baseUrl + path);
  }

  /** The first element found, waiting for it (present: Cockpit's scrolling page may hold it out of view). */
  public WebElement await(By locator) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  /**
   * Waits until the first element found has exactly {@code text} (its text content, so also when Cockpit's
   * scrolling page holds it out of view); fails with what it shows otherwise.
   */
  public void awaitText(By locator, String text) {
    new WebDriverWait(driver, PATIENCE).withMessage(() -> locator + " shows \"" + textOf(locator) + "\", expected \""
        + text + "\" (page saved as " + saveFailure() + ")").until(d -> text.equals(textOf(locator)));
  }

  /** The text content of an element, trimmed. */
  public static String text(WebElement element) {
    return element.getDomProperty("textContent").strip();
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves the page as target/screenshots/{name}.png. */
  public Path screenshot(String name) throws IOException {
    Path target = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(target.getParent());
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    return Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The page as it was when a wait gave up: target/screenshots/failure.png and failure.html. */
  private String saveFailure() {
    try {
      Path shot = screenshot("failure");
      Files.writeString(shot.resolveSibling("failure.html"), driver.getPageSource());
      return shot.toString();
    } catch (IOException | RuntimeException e) {
      return "not saved: " + e.getMessage();
    }
  }

  private String textOf(By locator) {
    return driver.findElements(locator).stream().findFirst().map(Browser::text).orElse("(nothing)");
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
