package org.equitymark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.junit.jupiter.api.Test;

/**
 * The applicant portal over HTTP, as a browser uses it: login against Camunda's identity service,
 * CSRF on every form, only the organisation's own cases, English and Welsh, escaped values.
 */
class PortalIntegrationTests extends HttpTestSupport {

  @Test
  void shouldSendSomeoneNotLoggedInToTheLoginPage() {
    // when
    PortalSession.Page page = new PortalSession(port).get("/portal/");

    // then
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).endsWith("/portal/login");
  }

  @Test
  void shouldListTheOrganisationsCasesAndNotAnotherOrganisations() {
    // given two organisations, each with a case
    RestClient alpha = user("portal-alpha", "applicants");
    RestClient beta = user("portal-beta", "applicants");
    String alphaCase = alpha.post("/api/applications", registration("alpha@example.org")).json().get("reference").asText();
    Map<String, Object> betaRegistration = registration("beta@example.org");
    betaRegistration.put("organisationName", "Beta Wellbeing");
    String betaCase = beta.post("/api/applications", betaRegistration).json().get("reference").asText();
    PortalSession browser = new PortalSession(port);

    // when
    PortalSession.Page login = browser.logIn("portal-alpha", "secret-portal-alpha");
    PortalSession.Page cases = browser.get("/portal/");

    // then
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.location()).endsWith("/portal/");
    assertThat(cases.status()).isEqualTo(200);
    assertThat(cases.body()).contains(alphaCase).doesNotContain(betaCase).doesNotContain("Beta Wellbeing")
        .contains("Your organisation&#39;s cases")
        // the organisation's name is markup-free text on the page
        .contains("Journey &lt;b&gt;Mental&lt;/b&gt; Health &amp; Care").doesNotContain("<b>Mental</b>")
        .contains("Registration and payment").contains("The scheme&#39;s finance team");
    assertThat(browser.get("/portal/cases/" + alphaCase).status()).isEqualTo(200);
    assertThat(browser.get("/portal/cases/" + betaCase).status()).isEqualTo(404);
  }

  @Test
  void shouldSpeakWelshWhenAskedAndKeepItForTheNextPage() {
    // given
    RestClient applicant = user("portal-cymraeg", "applicants");
    applicant.post("/api/applications", registration("cymraeg@example.org"));
    PortalSession browser = new PortalSession(port);

    // when
    PortalSession.Page login = browser.get("/portal/login?lang=cy");
    browser.logIn("portal-cymraeg", "secret-portal-cymraeg");
    PortalSession.Page cases = browser.get("/portal/");

    // then
    assertThat(login.body()).contains("lang=\"cy\"").contains("Mewngofnodi i borth EquityMark");
    assertThat(cases.body()).contains("Achosion eich sefydliad").contains("Cofrestru a thalu");
  }

  @Test
  void shouldRefuseAWrongPasswordAndStaff() {
    // given
    user("portal-staff", "finance");
    user("portal-wrong", "applicants");

    // when
    PortalSession wrongPassword = new PortalSession(port);
    PortalSession.Page wrong = wrongPassword.logIn("portal-wrong", "not-the-password");
    PortalSession staff = new PortalSession(port);
    PortalSession.Page finance = staff.logIn("portal-staff", "secret-portal-staff");

    // then
    assertThat(wrong.location()).contains("/portal/login?error");
    assertThat(wrongPassword.get("/portal/").status()).isEqualTo(302);
    assertThat(finance.location()).contains("/portal/login?error");
    assertThat(staff.get("/portal/").status()).isEqualTo(302);
  }

  @Test
  void shouldRefuseALoginWithoutTheCsrfToken() {
    // given
    user("portal-csrf", "applicants");
    PortalSession browser = new PortalSession(port);
    browser.get("/portal/login");

    // when
    PortalSession.Page login = browser.postWithoutToken("/portal/login",
        Map.of("username", "portal-csrf", "password", "secret-portal-csrf"));

    // then
    assertThat(login.status()).isEqualTo(403);
    assertThat(browser.get("/portal/").status()).isEqualTo(302);
  }

  @Test
  void shouldLogOutOnlyWithTheCsrfToken() {
    // given
    user("portal-logout", "applicants");
    PortalSession browser = new PortalSession(port);
    browser.logIn("portal-logout", "secret-portal-logout");

    // when a page elsewhere posts a logout without the token, then the person logs out
    PortalSession.Page forged = browser.postWithoutToken("/portal/logout", Map.of());
    PortalSession.Page stillIn = browser.get("/portal/");
    PortalSession.Page logout = browser.post("/portal/", "/portal/logout", Map.of());

    // then
    assertThat(forged.status()).isEqualTo(403);
    assertThat(stillIn.status()).isEqualTo(200);
    assertThat(logout.location()).endsWith("/portal/login?loggedOut");
    assertThat(browser.get("/portal/").status()).isEqualTo(302);
  }
}
