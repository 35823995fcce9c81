package org.equitymark.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.equitymark.access.Groups;
import org.equitymark.certificate.Certificates;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisations;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.TestCertificates;
import org.equitymark.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reports page behind the webapps' login: a scheme manager logged in to Tasklist sees the reports
 * as SVG charts with the same figures as {@code /api/reports} and downloads them as CSV; other staff
 * and applicants get 403, and someone not logged in is sent to Tasklist's login.
 */
class ReportsPageIntegrationTests extends HttpTestSupport {

  private static final Pattern FOUNDATION_ACTIVE_BAR = Pattern.compile(
      "<rect class=\"bar series-(\\d)\"[^>]*data-value=\"(\\d+)\" data-series=\"active\" data-category=\"Foundation\"");

  @Autowired Organisations organisations;
  @Autowired SequenceNumbers numbers;
  @Autowired Certificates certificates;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void shouldDrawTheReportsAsChartsWithTheirFiguresForASchemeManagerLoggedInToTheWebapps() throws Exception {
    // given a certificate at Foundation, and a scheme manager logged in to Tasklist
    TestCertificates.certify("Reports Page Trust", organisations, numbers, certificates, transactionManager);
    user("reports-page-manager", Groups.SCHEME_MANAGERS);
    WebappSession manager = new WebappSession(port).login("reports-page-manager", "secret-reports-page-manager");
    long activeAtFoundation = activeAtFoundationFromTheApi();

    // when
    HttpResponse<String> page = manager.get("/reports");

    // then every report is drawn, with a title, a description and its figures as a table
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    for (String report : ReportCharts.DRAWN) {
      assertThat(html).contains("data-report=\"" + report + "\"").contains("href=\"/reports/" + report + ".csv\"");
    }
    assertThat(html).contains("<svg class=\"chart\" role=\"img\"").contains("aria-labelledby=\"chart-certificates-title chart-certificates-desc\"")
        .contains("<title id=\"chart-certificates-title\">Certificates by level and state</title>")
        .contains("<caption>Figures: Certificates by level and state</caption>");
    // and the bar of active certificates at Foundation has the API's figure
    Matcher bar = FOUNDATION_ACTIVE_BAR.matcher(html);
    assertThat(bar.find()).as("a bar of active Foundation certificates in:%n%s", html).isTrue();
    assertThat(Long.parseLong(bar.group(2))).isEqualTo(activeAtFoundation).isPositive();

    // when the manager downloads the report as CSV
    HttpResponse<String> csv = manager.get("/reports/certificates.csv");

    // then it is the report's CSV, as an attachment
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
        assertThat(d).startsWith("attachment").contains("equitymark-certificates.csv"));
    assertThat(csv.body()).startsWith("level,state,certificates\r\n")
        .contains("\r\nfoundation,active," + activeAtFoundation + "\r\n");
    assertThat(manager.get("/reports/no-such-report.csv").statusCode()).isEqualTo(404);
    assertThat(manager.get("/reports/access").statusCode()).isEqualTo(204);

    // and the page speaks Welsh when asked
    assertThat(manager.get("/reports?lang=cy").body()).contains("lang=\"cy\"")
        .contains("Tystysgrifau yn ôl lefel a chyflwr").contains("Sylfaen");
  }

  @Test
  void shouldRefuseOtherStaffAndApplicantsWith403AndSendSomeoneNotLoggedInToTheLogin() throws Exception {
    // given people logged in to the webapps who are not scheme managers
    for (String[] person : new String[][] {{"reports-page-finance", Groups.FINANCE},
        {"reports-page-assessor", Groups.ASSESSORS}, {"reports-page-applicant", Groups.APPLICANTS}}) {
      user(person[0], person[1]);
      WebappSession session = new WebappSession(port).login(person[0], "secret-" + person[0]);

      // then the page, its CSV and the link's check refuse them, showing no figures
      HttpResponse<String> page = session.get("/reports");
      assertThat(page.statusCode()).as(person[0]).isEqualTo(403);
      assertThat(page.body()).contains("Reports are for scheme managers").doesNotContain("<svg");
      assertThat(session.get("/reports/certificates.csv").statusCode()).as(person[0]).isEqualTo(403);
      assertThat(session.get("/reports/access").statusCode()).as(person[0]).isEqualTo(403);
    }

    // and someone not logged in is sent to Tasklist's login; the CSV answers 401
    WebappSession nobody = new WebappSession(port);
    HttpResponse<String> page = nobody.getWithoutRedirect("/reports");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l ->
        assertThat(l).endsWith("/camunda/app/tasklist/default/"));
    assertThat(nobody.get("/reports/certificates.csv").statusCode()).isEqualTo(401);
    assertThat(nobody.get("/reports/access").statusCode()).isEqualTo(401);
  }

  private long activeAtFoundationFromTheApi() {
    JsonNode report = user("reports-page-api", Groups.SCHEME_MANAGERS).get("/api/reports/certificates").json();
    for (JsonNode row : report.get("rows")) {
      if (row.get("level").asText().equals("foundation") && row.get("state").asText().equals("active")) {
        return row.get("certificates").asLong();
      }
    }
    throw new AssertionError("No foundation/active row in " + report);
  }
}
