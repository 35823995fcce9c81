package org.equitymark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.certificate.CertificateFixtures.applicant;
import static org.equitymark.certificate.CertificateFixtures.request;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.equitymark.feedback.PublicFeedback;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisations;
import org.equitymark.support.BrowserTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The public register and certificate verification in Chromium: what a person sees (kept as
 * screenshots), in English and Welsh, and accessible: no serious or critical axe-core violation
 * (WCAG 2.2 A and AA), a skip link that works from the keyboard, headings in order, and no sideways
 * scrolling at 200% zoom.
 */
class PublicPagesBrowserIntegrationTests extends BrowserTestSupport {

  @Autowired Certificates certificates;
  @Autowired Organisations organisations;
  @Autowired SequenceNumbers numbers;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired PublicFeedback feedback;

  private String certificateNumber;
  private String otherOrganisation;

  @BeforeAll
  void issueCertificate() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    CertificateFixtures.Applicant applicant = applicant(organisations, numbers, transaction,
        "Riverside Mental Health NHS Trust");
    certificateNumber = transaction.execute(s -> certificates.issue(
        request("browser-" + System.nanoTime(), applicant, "Acute Ward 3"))).certificateNumber();
    otherOrganisation = "Glan-y-Môr Wellbeing " + System.nanoTime();
    CertificateFixtures.Applicant other = applicant(organisations, numbers, transaction, otherOrganisation);
    transaction.execute(s -> certificates.issue(request("browser-" + System.nanoTime(), other, "Crisis Team")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "cy"})
  void shouldFindOneOfTwoOrganisationsByName(String language) {
    // given a register with Riverside and another organisation
    page = newPerson("cy".equals(language) ? "cy-GB" : "en-GB");
    page.navigate(url("/register?lang=" + language));

    // when a person searches for the other one by part of its name, in any case
    page.locator("#search-q").fill(otherOrganisation.substring(0, 12).toUpperCase());
    page.locator("form.search button[type=submit]").click();

    // then only that organisation is listed, and the page says what was searched for
    PlaywrightAssertions.assertThat(page.locator("table tr.organisation")).hasCount(1);
    assertThat(page.locator("table").textContent()).contains(otherOrganisation)
        .doesNotContain("Riverside Mental Health NHS Trust");
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
    assertThat(page.locator("#search-q").inputValue()).isEqualTo(otherOrganisation.substring(0, 12).toUpperCase());
    screenshot(page, "register-search-" + language);
    assertAccessible("the register's search results (" + language + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "cy"})
  void shouldTakeFeedbackFromTheVerifyPageByKeyboardAndThankThePerson(String language) {
    // given a member of the public on a certificate's page
    page = newPerson("cy".equals(language) ? "cy-GB" : "en-GB");
    page.navigate(url("/verify/" + certificateNumber + "?lang=" + language));
    int before = feedback.open(certificateNumber).size();
    String message = "The ward's <b>interpreter</b> & <script>alert(1)</script> came on time (" + language + ")";

    // when the person fills the form with the keyboard alone: Tab to the choice, Space, Tab to the text, Enter on the button
    page.locator("body").focus();
    for (int i = 0; i < 30 && !"feedback-submitterType-service-user".equals(activeId()); i++) {
      page.keyboard().press("Tab");
    }
    assertThat(activeId()).isEqualTo("feedback-submitterType-service-user");
    page.keyboard().press("Space");
    page.keyboard().press("Tab");
    assertThat(activeId()).isEqualTo("feedback-message");
    page.keyboard().insertText(message);
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.activeElement.type")).isEqualTo("submit");
    page.keyboard().press("Enter");

    // then a thank-you page, and the feedback is kept as typed (stored HTML-escaped, as PublicFeedback keeps it)
    PlaywrightAssertions.assertThat(page.locator("h1")).hasText(
        "cy".equals(language) ? "Diolch am eich adborth" : "Thank you for your feedback");
    assertThat(page.locator("html").getAttribute("lang")).isEqualTo(language);
    screenshot(page, "feedback-thanks-" + language);
    assertAccessible("the thank-you page (" + language + ")");
    assertThat(feedback.open(certificateNumber)).hasSize(before + 1)
        .anySatisfy(kept -> {
          assertThat(kept.message()).isEqualTo(HtmlUtils.htmlEscape(message));
          assertThat(kept.submitterType()).isEqualTo("service-user");
        });
  }

  private String activeId() {
    return (String) page.evaluate("() => document.activeElement.id");
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
}
