package org.equitymark.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_APPEAL;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.equitymark.access.Groups;
import org.equitymark.allocation.AssessorDeclaration;
import org.equitymark.allocation.AssessorPool;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stage 3 over HTTP, from registration to a certificate anyone can verify: the assessor pool
 * maintained through the API, the assessment and the panel's approval through Camunda's REST API,
 * then the certificate confirmed, its PDF read back, the register showing markup as text, and an
 * appeal lodged through our API.
 */
class CertificateJourneyIntegrationTests extends HttpTestSupport {

  private static final String NAME = "<script>alert('x')</script> Brave & Co";

  @Autowired AssessorPool pool;

  /** The assessor pool is shared by the HTTP tests: leave it as it was found. */
  @AfterEach
  void deactivateThisTestsAssessors() {
    pool.declarations().stream().filter(d -> d.userId().startsWith("http-assessor-"))
        .forEach(d -> pool.save(new AssessorDeclaration(d.userId(), d.displayName(), d.gender(), d.minoritised(),
            false, d.ties())));
  }

  @Test
  void shouldTakeACaseFromRegistrationToAVerifiableCertificate() throws Exception {
    // given an assessor pool maintained by a scheme manager
    RestClient manager = user("http-manager", Groups.SCHEME_MANAGERS);
    for (String[] a : new String[][] {{"http-assessor-a", "woman", "yes"}, {"http-assessor-b", "man", "no"}}) {
      user(a[0], Groups.ASSESSORS);
      assertThat(manager.put("/api/assessors/" + a[0], Map.of("displayName", "Assessor " + a[0],
          "gender", a[1], "minoritised", a[2], "active", true, "ties", List.of())).status()).isEqualTo(200);
    }
    RestClient applicant = user("http-applicant", Groups.APPLICANTS);
    assertThat(applicant.put("/api/assessors/http-assessor-a", Map.of()).status()).isEqualTo(403);

    // when an organisation with markup in its name registers, pays, is found ready, assessed and approved
    Map<String, Object> registration = registration("certified@provider.example");
    registration.put("organisationName", NAME);
    String reference = approvedFoundationCase(applicant, manager, registration, "http");
    assertThat(anonymous().as("http-manager", "secret-http-manager")
        .get("/engine-rest/history/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=assessEvidence")
        .json().get(0).get("assignee").asText()).startsWith("http-assessor-");

    // then the certificate is issued, genuine and current
    String number = await().atMost(ASYNC).until(() -> certificateOf(anonymous(), reference), n -> n != null);
    JsonNode certificate = anonymous().get("/api/certificates/" + number).json();
    assertThat(certificate.get("genuine").asBoolean()).isTrue();
    assertThat(certificate.get("current").asBoolean()).isTrue();
    assertThat(certificate.get("level").asText()).isEqualTo("foundation");

    // and its PDF says so, with the name as plain text
    try (PDDocument pdf = Loader.loadPDF(bytes("/api/certificates/" + number + "/pdf"))) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertThat(text).contains(number).contains("Brave & Co").contains("<script>").contains("/verify/" + number);
    }

    // and the register shows the organisation with its markup escaped
    String register = anonymous().get("/register").body();
    assertThat(register).contains("&lt;script&gt;alert(").contains(number).doesNotContain("<script>alert(");

    // when the applicant appeals through our API, once
    RestClient.Response appeal = applicant.post("/api/applications/" + reference + "/appeal",
        Map.of("appealGrounds", "Our outcomes evidence for two areas was not taken into account."));
    assertThat(appeal.status()).isEqualTo(202);
    assertThat(applicant.post("/api/applications/" + reference + "/appeal",
        Map.of("appealGrounds", "A second appeal on the same decision, which must be refused.")).status())
        .isEqualTo(409);
    assertThat(user("http-other", Groups.APPLICANTS).post("/api/applications/" + reference + "/appeal",
        Map.of("appealGrounds", "Someone else's case, which this applicant cannot see at all.")).status())
        .isEqualTo(404);

    // then the independent appeals panel has it
    RestClient appeals = user("http-appeals", Groups.APPEALS_PANEL);
    assertThat(awaitTask(appeals, reference, REVIEW_APPEAL)).isNotBlank();
  }


  private static String certificateOf(RestClient client, String reference) {
    for (JsonNode entry : client.get("/api/register").json()) {
      if (entry.has("applicationReference") && reference.equals(entry.get("applicationReference").asText())) {
        return entry.get("certificateNumber").asText();
      }
      if (entry.get("organisationName").asText().equals(NAME)) {
        return entry.get("certificateNumber").asText();
      }
    }
    return null;
  }

  private byte[] bytes(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("pdf"));
    return response.body();
  }
}
