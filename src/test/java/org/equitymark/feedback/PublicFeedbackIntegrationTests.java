package org.equitymark.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.equitymark.access.Groups;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.CertificateRequest;
import org.equitymark.certificate.Certificates;
import org.equitymark.framework.Level;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisation;
import org.equitymark.registration.Organisations;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Public feedback over HTTP: anyone may tell the scheme about a certified service without an
 * account, within limits (known certificate, length, a few per address an hour, kept in the
 * database); the message is stored escaped; only scheme managers read and triage it.
 */
class PublicFeedbackIntegrationTests extends HttpTestSupport {

  @Autowired Certificates certificates;
  @Autowired Organisations organisations;
  @Autowired SequenceNumbers numbers;
  @Autowired PlatformTransactionManager transactionManager;

  @Test
  void shouldTakeFeedbackWithoutAnAccountWithinLimitsAndShowItOnlyToSchemeManagers() {
    // given a certified service
    String number = certify("Feedback Valley Services");
    RestClient manager = user("fb-manager", Groups.SCHEME_MANAGERS);
    RestClient applicant = user("fb-applicant", Groups.APPLICANTS);
    String message = "The staff at <b>Ward 2</b> did not offer an interpreter & we had to wait.";

    // when feedback arrives about an unknown certificate, too long, or with fields of its own
    assertThat(anonymous().post("/api/feedback/EM-1999-99999", Map.of("submitterType", "service-user",
        "message", message)).status()).isEqualTo(404);
    assertThat(anonymous().post("/api/feedback/" + number, Map.of("submitterType", "service-user",
        "message", "x".repeat(5001))).status()).isEqualTo(400);
    RestClient.Response extra = anonymous().post("/api/feedback/" + number, Map.of("submitterType", "carer",
        "message", message, "patientNhsNumber", "943 476 5919"));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.json().get("problems").has("patientNhsNumber")).isTrue();

    // and then five times as it should
    for (int i = 0; i < 5; i++) {
      RestClient.Response accepted = anonymous().post("/api/feedback/" + number,
          Map.of("submitterType", i == 0 ? "community-group" : "service-user", "message", message));
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    // then the sixth from the same address within the hour must wait
    RestClient.Response limited = anonymous().post("/api/feedback/" + number,
        Map.of("submitterType", "service-user", "message", message));
    assertThat(limited.status()).isEqualTo(429);

    // and only a scheme manager sees it, escaped as stored
    assertThat(anonymous().get("/api/feedback").status()).isEqualTo(401);
    assertThat(applicant.get("/api/feedback").status()).isEqualTo(403);
    JsonNode open = manager.get("/api/feedback?status=open").json();
    JsonNode first = null;
    for (JsonNode item : open) {
      if (item.get("certificateNumber").asText().equals(number)) {
        first = item;
      }
    }
    assertThat(first).isNotNull();
    assertThat(first.get("message").asText()).isEqualTo(
        "The staff at &lt;b&gt;Ward 2&lt;/b&gt; did not offer an interpreter &amp; we had to wait.");
    assertThat(first.get("submitterType").asText()).isEqualTo("community-group");

    // when a scheme manager triages it
    long id = first.get("id").asLong();
    assertThat(applicant.put("/api/feedback/" + id, Map.of("status", "acted-on", "triageNotes", "Raised.")).status())
        .isEqualTo(403);
    assertThat(manager.put("/api/feedback/" + id, Map.of("status", "acted-on",
        "triageNotes", "Raised with the trust's lead for interpreting.")).status()).isEqualTo(200);

    // then it is no longer open
    assertThat(manager.get("/api/feedback?status=acted-on").body()).contains("\"id\":" + id);
  }

  private String certify(String name) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    return transaction.execute(status -> {
      Organisation organisation = organisations.register(name, "independent-provider");
      String reference = numbers.nextReference("CC", 1998);
      organisations.recordApplication(reference, organisation.organisationId(), null, "process-" + reference, "tester");
      Certificate certificate = certificates.issue(new CertificateRequest("feedback-" + reference, reference,
          "process-" + reference, organisation.organisationId(), name, null, Level.FOUNDATION,
          Map.of("leadership", Level.FOUNDATION, "workforce", Level.FOUNDATION, "engagement", Level.FOUNDATION,
              "access", Level.FOUNDATION, "outcomes", Level.FOUNDATION), "2026.1"));
      return certificate.certificateNumber();
    });
  }
}
