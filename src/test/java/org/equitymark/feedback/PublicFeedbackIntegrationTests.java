package org.equitymark.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.access.Groups;
import org.equitymark.certificate.Certificates;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisations;
import org.equitymark.support.FormClient;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.equitymark.support.TestCertificates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

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
  @Autowired PublicFeedback feedback;

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

    // then it is no longer open, and nobody is asked to triage it again in Tasklist
    assertThat(manager.get("/api/feedback?status=acted-on").body()).contains("\"id\":" + id);
    assertThat(tasks(manager, FeedbackTriageProcess.businessKey(id))).isEmpty();

    // and each other piece is a scheme managers' task in Tasklist, which nobody else sees
    long other = -1;
    for (JsonNode item : manager.get("/api/feedback?status=open").json()) {
      if (item.get("certificateNumber").asText().equals(number)) {
        other = item.get("id").asLong();
      }
    }
    final long otherId = other;
    String key = FeedbackTriageProcess.businessKey(otherId);
    String task = awaitTask(manager, key, FeedbackTriageProcess.Elements.TRIAGE_FEEDBACK);
    RestClient assessor = user("fb-assessor", Groups.ASSESSORS);
    assertThat(tasks(assessor, key)).isEmpty();
    assertThat(tasks(applicant, key)).isEmpty();
    assertThat(assessor.get("/engine-rest/process-instance?businessKey=" + key).json()).isEmpty();

    // with the message shown as text: markup escaped for the form's Markdown text view
    String shown = manager.get("/engine-rest/task/" + task + "/variables/feedback?deserializeValue=false").json()
        .get("value").asText();
    assertThat(shown).contains("The staff at &lt;b&gt;Ward 2&lt;/b&gt; did not offer an interpreter &amp; we had to wait\\\\.")
        .doesNotContain("<b>");

    // when the manager sends an outcome that is not one of the three, it is refused
    RestClient.Response bad = manager.post("/engine-rest/task/" + task + "/complete", variables(
        Map.of("feedbackStatus", "deleted", "triageNotes", "Not for us.")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("feedbackStatus");

    // and when it passes the feedback to the assessor with notes, the stored feedback says so
    complete(manager, task, Map.of("feedbackStatus", "passed-to-assessor",
        "triageNotes", "For the next annual-return review: ask about interpreting."));
    await().atMost(ASYNC).until(() -> manager.get("/api/feedback?status=passed-to-assessor").body()
        .contains("\"id\":" + otherId));
    assertThat(manager.get("/api/feedback?status=passed-to-assessor").body())
        .contains("ask about interpreting").contains("fb-manager");
  }

  @Test
  void shouldTakeFeedbackFromTheVerifyPageInEnglishAndWelsh() {
    String number = certify("Page Feedback Services");
    at(Duration.ofDays(-400), () -> {
      // given a member of the public on the certificate's page
      FormClient person = new FormClient(port);
      FormClient.Page verify = person.get("/verify/" + number);
      assertThat(verify.status()).isEqualTo(200);
      assertThat(verify.body()).contains("action=\"/feedback/" + number + "?lang=en\"", "Tell us about this service",
          "name=\"formToken\"");

      // when they send feedback with markup in it
      FormClient.Page sent = person.submit("/feedback/" + number + "?lang=en",
          Map.of("submitterType", "carer", "message", "No interpreter at <b>Ward 2</b> & a long wait."));

      // then a redirect to the thank-you page, and the feedback is kept escaped for the scheme managers
      assertThat(sent.status()).isEqualTo(303);
      assertThat(sent.location()).endsWith("/feedback/" + number + "/thanks?lang=en");
      FormClient.Page thanks = person.get("/feedback/" + number + "/thanks?lang=en");
      assertThat(thanks.status()).isEqualTo(200);
      assertThat(thanks.body()).contains("Thank you for your feedback", "Page Feedback Services");
      assertThat(feedback.open(number)).singleElement().satisfies(f -> {
        assertThat(f.message()).isEqualTo("No interpreter at &lt;b&gt;Ward 2&lt;/b&gt; &amp; a long wait.");
        assertThat(f.submitterType()).isEqualTo("carer");
      });

      // and in Welsh
      FormClient welsh = new FormClient(port);
      assertThat(welsh.get("/verify/" + number + "?lang=cy").body())
          .contains("Dywedwch wrthym am y gwasanaeth hwn", "action=\"/feedback/" + number + "?lang=cy\"");
      FormClient.Page diolch = welsh.submit("/feedback/" + number + "?lang=cy",
          Map.of("submitterType", "community-group", "message", "Roedd y staff yn garedig iawn."));
      assertThat(diolch.location()).endsWith("/feedback/" + number + "/thanks?lang=cy");
      assertThat(welsh.get("/feedback/" + number + "/thanks?lang=cy").body()).contains("Diolch am eich adborth");
      assertThat(feedback.open(number)).hasSize(2);
    });
  }

  @Test
  void shouldRefuseAPageFormWithoutItsTokenOrWithBadInputAndKeepNothing() {
    String number = certify("Refusing Feedback Services");
    at(Duration.ofDays(-500), () -> {
      FormClient person = new FormClient(port);
      person.get("/verify/" + number);
      Map<String, String> good = Map.of("submitterType", "service-user", "message", "A fair and kind service.");

      // without the form token, or with another browser's, it is refused
      assertThat(person.post("/feedback/" + number, good, "text/html").status()).isEqualTo(403);
      FormClient other = new FormClient(port);
      other.get("/verify/" + number);
      Map<String, String> foreignToken = new LinkedHashMap<>(good);
      foreignToken.put("formToken", other.formToken());
      assertThat(person.post("/feedback/" + number, foreignToken, "text/html").status()).isEqualTo(403);

      // bad input shows the form again with the reasons, the text escaped
      FormClient.Page refused = person.submit("/feedback/" + number, Map.of("message", "<i>x</i>"));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("There is a problem", "Choose who you are", "Write your feedback in 10",
          "&lt;i&gt;x&lt;/i&gt;</textarea>").doesNotContain("<i>x</i>");
      Map<String, String> extra = new LinkedHashMap<>(good);
      extra.put("patientNhsNumber", "943 476 5919");
      assertThat(person.submit("/feedback/" + number, extra).status()).isEqualTo(400);
      assertThat(person.submit("/feedback/EM-1999-99999", good).status()).isEqualTo(404);
      assertThat(person.submit("/feedback/" + number, Map.of("submitterType", "carer",
          "message", "x".repeat(10 * 1024 * 1024))).status()).isEqualTo(413);

      // and nothing was kept
      assertThat(feedback.open(number)).isEmpty();
    });
  }

  @Test
  void shouldLimitFeedbackFromOnePlaceOnThePageAndTheApiAlike() {
    String number = certify("Limited Feedback Services");
    at(Duration.ofDays(-600), () -> {
      FormClient person = new FormClient(port);
      person.get("/verify/" + number + "?lang=cy");
      Map<String, String> message = Map.of("submitterType", "other", "message", "Feedback sent again and again.");
      for (int i = 0; i < 5; i++) {
        assertThat(person.submit("/feedback/" + number + "?lang=cy", message).status()).isEqualTo(303);
      }

      FormClient.Page limited = person.submit("/feedback/" + number + "?lang=cy", message);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.body()).contains("Rydych wedi anfon adborth sawl gwaith yn barod");
      assertThat(anonymous().post("/api/feedback/" + number, message).status()).isEqualTo(429);
      assertThat(feedback.open(number)).hasSize(5);
    });
  }

  @Test
  void shouldCountTheForwardedSenderOnlyBehindATrustedProxy() {
    String number = certify("Proxied Feedback Services");
    at(Duration.ofDays(-700), () -> {
      // given the trusted proxy (127.0.0.2 in the test profile) forwarding one sender five times
      for (int i = 0; i < 5; i++) {
        assertThat(postFeedback(TRUSTED_PROXY, number, "203.0.113.7")).isEqualTo(202);
      }

      // then that sender waits, while another sender behind the same proxy is heard
      assertThat(postFeedback(TRUSTED_PROXY, number, "203.0.113.7")).isEqualTo(429);
      assertThat(postFeedback(TRUSTED_PROXY, number, "198.51.100.20")).isEqualTo(202);
    });
    at(Duration.ofDays(-800), () -> {
      // given anyone else sending the header, a new address each time
      for (int i = 0; i < 5; i++) {
        assertThat(postFeedback(ANY_CLIENT, number, "192.0.2." + i)).isEqualTo(202);
      }

      // then the header is ignored: its own address is limited
      assertThat(postFeedback(ANY_CLIENT, number, "192.0.2.99")).isEqualTo(429);
    });
  }

  private static final String TRUSTED_PROXY = "127.0.0.2";
  private static final String ANY_CLIENT = "127.0.0.1";

  /** POSTs feedback from a chosen local address with an X-Forwarded-For header; the status. */
  private int postFeedback(String fromAddress, String number, String forwardedFor) {
    String body = "{\"submitterType\":\"service-user\",\"message\":\"Sent through a proxy, as most are.\"}";
    String request = "POST /api/feedback/" + number + " HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nX-Forwarded-For: " + forwardedFor
        + "\r\nContent-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + "\r\nConnection: close\r\n\r\n" + body;
    try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), port,
        java.net.InetAddress.getByName(fromAddress), 0)) {
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          java.nio.charset.StandardCharsets.UTF_8)).readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the steps with the engine's clock moved, so that this test's feedback counts in no other test's window. */
  private static void at(Duration offset, Runnable steps) {
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(offset)));
    try {
      steps.run();
    } finally {
      ClockUtil.reset();
    }
  }

  private String certify(String name) {
    return TestCertificates.certify(name, organisations, numbers, certificates, transactionManager);
  }
}
