package org.equitymark.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Browser tests: the app with its demo users and cases on a random port, driven through Debian's
 * Chromium by Playwright, headless, as a person would. Playwright never downloads a browser. Without
 * {@code /usr/bin/chromium} the tests fail in CI ({@code CI=true}) and are skipped elsewhere, saying why.
 * Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestSupport {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** Flags that let Chromium run as root in a sandboxed CI machine with no outside network. */
  static final List<String> CHROMIUM_FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage");

  @LocalServerPort protected int port;

  private Playwright playwright;
  private Browser browser;
  private final List<BrowserContext> contexts = new java.util.ArrayList<>();
  protected Page page;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry);
  }

  @BeforeAll
  void launchChromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      String why = "Debian's chromium is not installed at " + CHROMIUM + " (apt-get install chromium; .ci/run does)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why + ": browser tests must run in CI");
      }
      assumeTrue(false, why + ": browser tests skipped on this machine");
    }
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(CHROMIUM_FLAGS));
  }

  @BeforeEach
  void newBrowserContext() {
    page = newPerson("en-GB");
  }

  @AfterEach
  void closeBrowserContext() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
  }

  @AfterAll
  void closeChromium() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  /** A second, separate browser (its own cookies, its language), for a second person at the same time. */
  protected Page newPerson(String locale) {
    BrowserContext other = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale(locale));
    other.setDefaultTimeout(20_000);
    contexts.add(other);
    return other.newPage();
  }

  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Keeps what the person sees as a test artefact. */
  protected static Path screenshot(Page page, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }
}
