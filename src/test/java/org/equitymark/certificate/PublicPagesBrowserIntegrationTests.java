package org.equitymark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.certificate.CertificateFixtures.applicant;
import static org.equitymark.certificate.CertificateFixtures.request;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.stream.Collectors;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisations;
import org.equitymark.support.BrowserTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public register and certificate verification in Chromium: what a person sees (kept as
 * screenshots), in English and Welsh, and accessible: no serious or critical axe-core violation
 * (WCAG 2.2 A and AA), a skip link that works from the keyboard, headings in order, and no sideways
 * scrolling at 200% zoom.
 */
class PublicPagesBrowserIntegrationTests extends BrowserTestSupport {

  private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  @Autowired Certificates certificates;
  @Autowired Organisations organisations;
  @Autowired SequenceNumbers numbers;
  @Autowired PlatformTransactionManager transactionManager;

  private String certificateNumber;

  @BeforeAll
  void issueCertificate() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    CertificateFixtures.Applicant applicant = applicant(organisations, numbers, transaction,
        "Riverside Mental Health NHS Trust");
    certificateNumber = transaction.execute(s -> certificates.issue(
        request("browser-" + System.nanoTime(), applicant, "Acute Ward 3"))).certificateNumber();
  }

  @Test
  void shouldShowTheRegisterAccessiblyInEnglish() {
    // when
    page.navigate(url("/register"));

    // then
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent())
        .isEqualTo("Register of certified services");
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(certificateNumber)).isVisible()).isTrue();
    screenshot(page, "register-en");
    assertAccessible("/register");
  }

  @Test
  void shouldShowAVerifiedCertificateAccessiblyInEnglishAndWelsh() {
    // when
    page.navigate(url("/verify/" + certificateNumber));

    // then
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)).first().textContent())
        .isEqualTo("Genuine and current");
    assertThat(page.locator("main").textContent()).contains("Riverside Mental Health NHS Trust", "Acute Ward 3", "Competence");
    screenshot(page, "verify-en");
    assertAccessible("/verify/" + certificateNumber);

    // when the person follows the language link
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cymraeg")).click();

    // then
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("cy");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent())
        .isEqualTo("Gwirio tystysgrif");
    assertThat(page.locator("main").textContent()).contains("Go iawn a chyfredol", "Cymhwysedd");
    screenshot(page, "verify-cy");
    assertAccessible("/verify/" + certificateNumber + "?lang=cy");
  }

  @Test
  void shouldShowTheRegisterInWelshToAWelshBrowser() {
    // given a browser set to Welsh (it sends Accept-Language: cy-GB)
    page = newPerson("cy-GB");

    // when
    page.navigate(url("/register"));

    // then
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("cy");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent())
        .isEqualTo("Cofrestr y gwasanaethau ardystiedig");
    screenshot(page, "register-cy");
    assertAccessible("/register?lang=cy");
  }

  @Test
  void shouldShowAnUnknownCertificateAccessibly() {
    // when
    page.navigate(url("/verify/EM-2026-99999"));

    // then
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)).first().textContent())
        .isEqualTo("Certificate not found");
    screenshot(page, "verify-not-found");
    assertAccessible("/verify/EM-2026-99999");
  }

  @Test
  void shouldShowAPageNotFoundAccessiblyInWelsh() {
    // given a browser set to Welsh
    page = newPerson("cy-GB");

    // when
    page.navigate(url("/register/no-such-page"));

    // then
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo("cy");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent())
        .isEqualTo("Heb ddod o hyd i'r dudalen");
    screenshot(page, "error-not-found-cy");
    assertAccessible("a page that does not exist");
  }

  /** axe-core, the skip link from the keyboard, heading order and 200% zoom, on the page now shown. */
  private void assertAccessible(String what) {
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
