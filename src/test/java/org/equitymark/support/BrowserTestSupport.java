package org.equitymark.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

  static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
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

  /** A person in a browser of their own, logged in to Tasklist as the user (password = user id, the demo's). */
  protected Page loginToTasklist(String user) {
    Page person = newPerson("en-GB");
    person.navigate(url("/camunda/app/tasklist/default/"));
    login(person, user);
    try {
      person.getByText("Start process").first().waitFor(new Locator.WaitForOptions().setTimeout(60_000));
    } catch (RuntimeException e) {
      screenshot(person, "failure-tasklist-" + user);
      throw new AssertionError("No Tasklist for " + user + " at " + person.url() + ": "
          + person.locator("body").innerText(), e);
    }
    return person;
  }

  /** Logs in on the webapps' login form shown, retrying a click the starting page lost. */
  protected static void login(Page person, String user) {
    try {
      person.getByPlaceholder("Username").waitFor();
    } catch (RuntimeException e) {
      screenshot(person, "failure-login-" + user);
      throw new AssertionError("No login form at " + person.url() + ": " + person.locator("body").innerText(), e);
    }
    // The login page's script may still be starting when the form appears, and then a click is lost
    // (twice on a busy CI machine, 24 November 2026: the page stayed on #/login with no error): the
    // person tries again, as a person would, until the form goes away.
    for (int attempt = 1; ; attempt++) {
      person.getByPlaceholder("Username").fill(user);
      person.getByPlaceholder("Password").fill(user);
      person.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
      try {
        person.getByPlaceholder("Username").waitFor(new Locator.WaitForOptions()
            .setState(WaitForSelectorState.DETACHED).setTimeout(15_000));
        return;
      } catch (RuntimeException stillThere) {
        if (attempt == 3) {
          screenshot(person, "failure-login-" + user);
          throw new AssertionError("Still not logged in as " + user + " after 3 attempts: "
              + person.locator("body").innerText(), stillThere);
        }
      }
    }
  }

  /** Keeps what the person sees as a test artefact. */
  protected static Path screenshot(Page page, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  /** axe-core, the skip link from the keyboard, heading order and 200% zoom, on the page now shown. */
  protected void assertAccessible(String what) {
    assertAccessible(page, what);
  }

  /** The same on another person's page (e.g. a member of staff's, beside the applicant's). */
  protected static void assertAccessible(Page page, String what) {
    // axe-core: no serious or critical violation of WCAG 2.2 A/AA
    AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
    List<Rule> serious = results.getViolations().stream()
        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
        .toList();
    assertThat(serious).as("axe-core violations on %s: %s", what, describe(serious)).isEmpty();

    // the first Tab reaches the skip link, and Enter moves the focus to the main content
    page.locator("body").focus();
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.activeElement.getAttribute('href')")).as("first Tab on %s", what)
        .isEqualTo("#main");
    assertThat(page.evaluate("() => document.activeElement.getBoundingClientRect().top >= 0")).isEqualTo(true);
    page.keyboard().press("Enter");
    assertThat(page.evaluate("() => document.activeElement.id")).as("focus after the skip link on %s", what)
        .isEqualTo("main");

    // headings: one h1 first, and no level skipped on the way down
    @SuppressWarnings("unchecked")
    List<Integer> levels = ((List<Object>) page.evaluate(
        "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName.substring(1)))"))
        .stream().map(level -> ((Number) level).intValue()).toList();
    assertThat(levels).as("heading levels on %s", what).isNotEmpty().startsWith(1);
    assertThat(levels.stream().filter(level -> level == 1).count()).as("h1 on %s", what).isEqualTo(1);
    for (int i = 1; i < levels.size(); i++) {
      assertThat(levels.get(i)).as("heading %d on %s after h%d", i, what, levels.get(i - 1)).isLessThanOrEqualTo(levels.get(i - 1) + 1);
    }

    // 200% zoom of a 1280 px window: the page reflows into 640 CSS pixels without scrolling sideways
    page.setViewportSize(640, 450);
    assertThat(page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
        .as("no horizontal scrolling at 200%% zoom on %s", what).isEqualTo(true);
    page.setViewportSize(1280, 900);
  }

  private static String describe(List<Rule> rules) {
    return rules.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
            + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "));
  }
}
