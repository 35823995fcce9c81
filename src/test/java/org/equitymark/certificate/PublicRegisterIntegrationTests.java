package org.equitymark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.certificate.CertificateFixtures.applicant;
import static org.equitymark.certificate.CertificateFixtures.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Date;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisations;
import org.equitymark.support.TestDatabase;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public register and verification over HTTP, as a browser, a QR-code scan or another system
 * would use them: escaped values, English and Welsh, JSON, the PDF, and 404s without a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicRegisterIntegrationTests {

  private static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
  private static final String JSON = "application/json";
  private static final AtomicInteger KEYS = new AtomicInteger();
  private static final ObjectMapper OBJECT_MAPPER = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired Certificates certificates;
  @Autowired Organisations organisations;
  @Autowired SequenceNumbers numbers;
  @Autowired PlatformTransactionManager transactionManager;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry);
    TestDatabase.register(registry);
  }

  @Test
  void shouldEscapeEveryValueOnTheRegister() {
    // given
    Certificate certificate = issue("<script>alert(1)</script> & Sons", "<img src=x onerror=alert(2)>");

    // when
    HttpResponse<String> register = get("/register", HTML, null);

    // then
    assertThat(register.statusCode()).isEqualTo(200);
    assertThat(register.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(register.body())
        .contains("<html lang=\"en\"", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Sons", "&lt;img src=x onerror=alert(2)&gt;",
            "href=\"/verify/" + certificate.certificateNumber() + "?lang=en\"", "Competence")
        .doesNotContain("<script>alert", "<img src=x");
  }

  @Test
  void shouldListTheRegisterAsJson() {
    // given
    Certificate certificate = issue("Json Listed Trust", null);

    // when
    HttpResponse<String> register = get("/api/register", JSON, null);

    // then
    assertThat(register.statusCode()).isEqualTo(200);
    JsonNode entry = findEntry(json(register), certificate.certificateNumber());
    assertThat(entry.get("organisationName").asText()).isEqualTo("Json Listed Trust");
    assertThat(entry.get("workplaceArea").isNull()).isTrue();
    assertThat(entry.get("level").asText()).isEqualTo("competence");
    assertThat(entry.get("state").asText()).isEqualTo("active");
    assertThat(entry.get("issuedOn").asText()).isEqualTo(certificate.issuedOn().toString());
    assertThat(entry.get("expiresOn").asText()).isEqualTo(certificate.expiresOn().toString());
    assertThat(entry.get("verifyUrl").asText()).endsWith("/verify/" + certificate.certificateNumber());
  }

  @Test
  void shouldShowAGenuineCurrentCertificateInEnglishOrWelsh() {
    // given
    Certificate certificate = issue("Verify Me Health", "Ward 5");
    String page = "/verify/" + certificate.certificateNumber();

    // when
    HttpResponse<String> english = get(page, HTML, null);
    HttpResponse<String> welsh = get(page + "?lang=cy", HTML, null);
    HttpResponse<String> welshBrowser = get(page, HTML, "cy-GB,cy;q=0.9,en;q=0.5");

    // then
    assertThat(english.statusCode()).isEqualTo(200);
    assertThat(english.body()).contains("<html lang=\"en\"", "Genuine and current", "genuine EquityMark certificate",
        "Verify Me Health", "Ward 5", "Competence", "Leadership, governance and accountability", "lang=\"cy\"");
    assertThat(english.body()).containsPattern("Framework version</dt>\\s*<dd>" + certificate.frameworkVersion() + "<");
    assertThat(welsh.statusCode()).isEqualTo(200);
    assertThat(welsh.body()).contains("<html lang=\"cy\"", "Go iawn a chyfredol", "Cymhwysedd", "Gwirio tystysgrif",
        "Neidio i&#39;r prif gynnwys", "Fersiwn y fframwaith");
    assertThat(welshBrowser.body()).contains("<html lang=\"cy\"", "Go iawn a chyfredol");
  }

  @Test
  void shouldSayWhetherACertificateIsGenuineAndCurrentAsJson() {
    // given
    Certificate certificate = issue("Api Checked Care", null);

    // when
    HttpResponse<String> response = get("/api/certificates/" + certificate.certificateNumber(), JSON, null);

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode verification = json(response);
    assertThat(verification.get("genuine").asBoolean()).isTrue();
    assertThat(verification.get("current").asBoolean()).isTrue();
    assertThat(verification.get("state").asText()).isEqualTo("active");
    assertThat(verification.get("level").asText()).isEqualTo("competence");
    assertThat(verification.get("areaLevels").get("leadership").asText()).isEqualTo("excellence");
    assertThat(verification.get("history")).hasSize(1);
    assertThat(verification.has("processInstanceId")).isFalse();
  }

  @Test
  void shouldServeThePdf() throws IOException {
    // given
    Certificate certificate = issue("Pdf Download Trust", null);

    // when
    HttpResponse<byte[]> response = getBytes("/api/certificates/" + certificate.certificateNumber() + "/pdf");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"" + certificate.certificateNumber() + ".pdf\"");
    assertThat(new String(response.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(CertificateFixtures.text(response.body())).contains("Pdf Download Trust", certificate.certificateNumber());
  }

  @Test
  void shouldShowASuspensionEverywhere() {
    // given
    Certificate certificate = issue("Suspended Services", null);
    String number = certificate.certificateNumber();

    // when
    new TransactionTemplate(transactionManager).executeWithoutResult(
        s -> certificates.changeState(number, CertificateState.SUSPENDED, "Annual return not accepted"));

    // then
    HttpResponse<String> page = get("/verify/" + number, HTML, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Genuine, but suspended", "Annual return not accepted").doesNotContain("Genuine and current");
    JsonNode verification = json(get("/api/certificates/" + number, JSON, null));
    assertThat(verification.get("genuine").asBoolean()).isTrue();
    assertThat(verification.get("current").asBoolean()).isFalse();
    assertThat(verification.get("state").asText()).isEqualTo("suspended");
    assertThat(verification.get("stateReason").asText()).isEqualTo("Annual return not accepted");
    assertThat(verification.get("history")).hasSize(2);
    assertThat(findEntry(json(get("/api/register", JSON, null)), number).get("state").asText()).isEqualTo("suspended");
    assertThat(get("/register", HTML, null).body()).contains("state--suspended");
  }

  @Test
  void shouldShowACertificateKeptValidByItsReassessmentAsValidPastItsExpiry() {
    // given two certificates past their expiry date, one kept valid while its reassessment is decided
    Certificate kept = issue("Reassessing Minds Trust", null);
    Certificate lapsed = issue("Lapsed Minds Trust", null);
    LocalDate until = kept.expiresOn().plusMonths(6);
    new TransactionTemplate(transactionManager).executeWithoutResult(
        s -> certificates.keepValidDuringReassessment(kept.certificateNumber(), until));
    ClockUtil.setCurrentTime(Date.from(kept.expiresOn().plusDays(10).atStartOfDay(CertificateClock.ZONE).toInstant()));
    try {
      // then /verify says valid, reassessment in progress, in English and Welsh
      String page = "/verify/" + kept.certificateNumber();
      assertThat(get(page, HTML, null).body()).contains("Genuine and valid: reassessment in progress",
          "Valid: reassessment in progress").doesNotContain("Genuine, but expired");
      assertThat(get(page + "?lang=cy", HTML, null).body()).contains("Go iawn a dilys: ailasesiad ar y gweill",
          "Dilys: ailasesiad ar y gweill");
      JsonNode verification = json(get("/api/certificates/" + kept.certificateNumber(), JSON, null));
      assertThat(verification.get("current").asBoolean()).isTrue();
      assertThat(verification.get("reassessmentInProgress").asBoolean()).isTrue();
      assertThat(verification.get("reassessmentValidUntil").asText()).isEqualTo(until.toString());
      assertThat(findEntry(json(get("/api/register", JSON, null)), kept.certificateNumber()).get("state").asText())
          .isEqualTo("active");
      assertThat(get("/register?q=Reassessing+Minds", HTML, null).body()).contains("Valid: reassessment in progress");

      // and the other has expired as before
      assertThat(get("/verify/" + lapsed.certificateNumber(), HTML, null).body()).contains("Genuine, but expired")
          .doesNotContain("reassessment in progress");
      assertThat(json(get("/api/certificates/" + lapsed.certificateNumber(), JSON, null)).get("current").asBoolean())
          .isFalse();

      // when the grace has passed, then it has expired too
      ClockUtil.setCurrentTime(Date.from(until.plusDays(1).atStartOfDay(CertificateClock.ZONE).toInstant()));
      assertThat(get(page, HTML, null).body()).contains("Genuine, but expired")
          .doesNotContain("Genuine and valid: reassessment in progress");
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void shouldAnswerNotFoundWithoutAStackTraceForUnknownOrMalformedNumbers() {
    for (String number : List.of("EM-2026-99999", "EM-2026-00001'--", "EM-2026-00001%27%20or%20%271%27=%271",
        "%3Cscript%3Ealert(1)%3C%3Escript%3E", "em-2026-00001", "EM-2026-000001")) {
      HttpResponse<String> page = get("/verify/" + number, HTML, null);
      HttpResponse<String> api = get("/api/certificates/" + number, JSON, null);
      HttpResponse<String> pdf = get("/api/certificates/" + number + "/pdf", "application/pdf", null);

      assertThat(page.statusCode()).as(number).isEqualTo(404);
      assertThat(page.body()).as(number).contains("lang=\"en\"").doesNotContain("<script>");
      assertThat(api.statusCode()).as(number).isEqualTo(404);
      assertThat(json(api).get("type").asText()).isEqualTo("not-found");
      assertThat(pdf.statusCode()).as(number).isEqualTo(404);
      for (HttpResponse<String> response : List.of(page, api, pdf)) {
        assertThat(response.body()).as(number).doesNotContain("Exception", "at org.", "Whitelabel", "trace");
      }
    }
    assertThat(get("/verify/EM-2026-99999", HTML, null).body()).contains("Certificate not found", "EM-2026-99999");
  }

  @Test
  void shouldLetTomcatRejectEncodedSlashesBackslashesAndNulBeforeTheyReachTheApp() {
    // Tomcat refuses a path with an encoded slash, backslash or NUL (its defaults) with a bare 400
    for (String path : List.of("/verify/..%2F..%2Fetc%2Fpasswd", "/api/certificates/..%2F..%2Fetc%2Fpasswd",
        "/api/certificates/..%2F..%2Fetc%2Fpasswd/pdf", "/verify/..%5C..%5Cetc%5Cpasswd",
        "/verify/EM-2026-00001%00")) {
      HttpResponse<String> response = get(path, HTML, null);

      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.body()).as(path).doesNotContain("Exception", "at org.", "Apache Tomcat/", "passwd");
    }
  }

  @Test
  void shouldShowOurOwnErrorPageForAnyUnknownAddress() {
    HttpResponse<String> page = get("/no/such/page", HTML, null);

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("Page not found").doesNotContain("Whitelabel", "Exception");
    assertThat(get("/css/public.css", "text/css", null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldSearchTheRegisterByNameLevelAndStateAsJsonAndOnThePage() {
    // given two organisations, one of them with a suspended certificate for a workplace area
    String tag = "Srch" + System.nanoTime();
    Certificate alpha = issue(tag + " Alpha Care", null);
    Certificate beta = issue(tag + " Beta Health", "Ward Zeta");
    new TransactionTemplate(transactionManager).executeWithoutResult(
        s -> certificates.changeState(beta.certificateNumber(), CertificateState.SUSPENDED, "Annual return missed"));

    // when searched by a name, in any case, of the organisation or the area, by level and by state
    assertThat(numbers(get("/api/register?q=" + tag.toLowerCase() + "+alpha", JSON, null)))
        .containsExactly(alpha.certificateNumber());
    assertThat(numbers(get("/api/register?q=ward+ZETA", JSON, null))).contains(beta.certificateNumber())
        .doesNotContain(alpha.certificateNumber());
    assertThat(numbers(get("/api/register?q=" + tag + "&level=competence", JSON, null)))
        .containsExactlyInAnyOrder(alpha.certificateNumber(), beta.certificateNumber());
    assertThat(numbers(get("/api/register?q=" + tag + "&level=excellence", JSON, null))).isEmpty();
    assertThat(numbers(get("/api/register?q=" + tag + "&state=suspended", JSON, null)))
        .containsExactly(beta.certificateNumber());

    // then the page finds the same, keeps the search in its form, and explains the levels and states
    HttpResponse<String> page = get("/register?q=" + tag + "&state=active", HTML, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(tag + " Alpha Care", "value=\"" + tag + "\"", "<option value=\"active\" selected=\"selected\"",
        "What the levels mean", "Raising awareness", "What the states mean").doesNotContain(tag + " Beta Health");
    HttpResponse<String> welsh = get("/register?lang=cy&q=" + tag + "+beta", HTML, null);
    assertThat(welsh.body()).contains(tag + " Beta Health", "Ystyr y lefelau", "Codi ymwybyddiaeth", "Chwilio")
        .doesNotContain(tag + " Alpha Care");
    assertThat(get("/register?q=nothing-like-" + tag, HTML, null).body()).contains("No certified organisation");
  }

  @Test
  void shouldRefuseASearchItCannotRunAndEscapeWhatWasTyped() {
    // an unknown level or state, or a name too long: 400 with the reasons
    HttpResponse<String> api = get("/api/register?level=platinum&state=gone", JSON, null);
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(json(api).get("problems").has("level")).isTrue();
    assertThat(json(api).get("problems").has("state")).isTrue();
    assertThat(get("/api/register?q=" + "x".repeat(201), JSON, null).statusCode()).isEqualTo(400);
    HttpResponse<String> page = get("/register?level=platinum", HTML, null);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("There is a problem", "Choose a level from the list");

    // markup typed into the search is shown as text
    HttpResponse<String> markup = get("/register?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", HTML, null);
    assertThat(markup.statusCode()).isEqualTo(200);
    assertThat(markup.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
  }

  private static List<String> numbers(HttpResponse<String> register) {
    assertThat(register.statusCode()).as(register.body()).isEqualTo(200);
    List<String> numbers = new java.util.ArrayList<>();
    json(register).forEach(entry -> numbers.add(entry.get("certificateNumber").asText()));
    return numbers;
  }

  private Certificate issue(String organisationName, String workplaceArea) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    CertificateFixtures.Applicant applicant = applicant(organisations, numbers, transaction, organisationName);
    return transaction.execute(s -> certificates.issue(
        request("http-" + KEYS.incrementAndGet() + "-" + System.nanoTime(), applicant, workplaceArea)));
  }

  private static JsonNode findEntry(JsonNode register, String number) {
    for (JsonNode entry : register) {
      if (entry.get("certificateNumber").asText().equals(number)) {
        return entry;
      }
    }
    throw new AssertionError(number + " is not on the register: " + register);
  }

  private HttpResponse<String> get(String path, String accept, String acceptLanguage) {
    return send(path, accept, acceptLanguage, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> getBytes(String path) {
    return send(path, "application/pdf", null, HttpResponse.BodyHandlers.ofByteArray());
  }

  private <T> HttpResponse<T> send(String path, String accept, String acceptLanguage, HttpResponse.BodyHandler<T> body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept);
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    try {
      return http.send(request.build(), body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return OBJECT_MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("Not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }
}
