package org.equitymark.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equitymark.access.Groups;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stages 1 and 2 over HTTP: registration, payment and the supportive self-assessment, with the
 * applicant's isolation, validation errors and authentication checked as a client sees them.
 */
class CertificationJourneyIntegrationTests extends HttpTestSupport {

  private RestClient anonymous;
  private RestClient applicant;
  private RestClient otherApplicant;
  private RestClient finance;
  private RestClient support;

  @BeforeEach
  void users() {
    anonymous = anonymous();
    applicant = user("journey-applicant", Groups.APPLICANTS);
    otherApplicant = user("journey-other", Groups.APPLICANTS);
    finance = user("journey-finance", Groups.FINANCE);
    support = user("journey-support", Groups.SUPPORT_OFFICERS);
  }

  @Test
  void shouldTakeARegistrationThroughPaymentAndTheSupportiveSelfAssessmentOverHttp() {
    // given the other applicant has an organisation of its own
    assertThat(otherApplicant.post("/api/applications", registration("other@provider.example")).status()).isEqualTo(201);

    // when an applicant registers through our API
    RestClient.Response registered = applicant.post("/api/applications", registration("journey@provider.example"));

    // then it gets its reference
    assertThat(registered.status()).isEqualTo(201);
    String reference = registered.json().get("reference").asText();
    assertThat(reference).matches("CC-\\d{4}-\\d{5}");

    // and finance confirms the payment once the invoice has gone
    String payment = awaitTask(finance, reference, CONFIRM_PAYMENT);
    assertThat(finance.post("/engine-rest/task/" + payment + "/complete",
        variables(Map.of("paymentReceived", true, "feeWaived", false, "paymentReference", "BACS 77"))).status())
        .isEqualTo(204);

    // the applicant's organisation gets the self-assessment; another organisation sees nothing of it
    String selfAssessment = awaitTask(applicant, reference, COMPLETE_SELF_ASSESSMENT);
    assertThat(tasks(otherApplicant, reference)).isEmpty();
    assertThat(otherApplicant.get("/engine-rest/task/" + selfAssessment).status()).isIn(403, 404);
    assertThat(otherApplicant.post("/engine-rest/task/" + selfAssessment + "/complete",
        variables(perArea("Indicators", "Evidence", "leadership.foundation.1"))).status()).isIn(403, 404);
    assertThat(otherApplicant.get("/engine-rest/process-instance?businessKey=" + reference).json()).isEmpty();

    // a bad submission is refused with the reason and leaves the task open
    RestClient.Response refused = applicant.post("/engine-rest/task/" + selfAssessment + "/complete",
        variables(Map.of("leadershipIndicators", jsonVariable("[\"leadership.gold.1\"]"), "fee", 0)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("leadershipIndicators").contains("fee is not a field");
    assertThat(tasks(applicant, reference)).hasSize(1);

    // the applicant claims foundation; the support officer advises; the applicant adds developing
    assertThat(applicant.post("/engine-rest/task/" + selfAssessment + "/complete",
        variables(perArea("Indicators", "Evidence", indicators("foundation")))).status()).isEqualTo(204);
    String review = awaitTask(support, reference, REVIEW_SELF_ASSESSMENT);
    assertThat(support.post("/engine-rest/task/" + review + "/complete", variables(Map.of(
        "readyForAssessment", false, "supportAdvice", "Add your advisory group's terms of reference."))).status())
        .isEqualTo(204);
    String secondRound = awaitTask(applicant, reference, COMPLETE_SELF_ASSESSMENT);
    JsonNode kept = applicant.get("/engine-rest/task/" + secondRound + "/form-variables").json();
    assertThat(kept.get("supportAdvice").get("value").asText()).contains("advisory group");
    assertThat(kept.get("leadershipIndicators").get("type").asText()).isEqualTo("Json");
    assertThat(applicant.post("/engine-rest/task/" + secondRound + "/complete",
        variables(perArea("Indicators", "Evidence", indicators("developing")))).status()).isEqualTo(204);
    String secondReview = awaitTask(support, reference, REVIEW_SELF_ASSESSMENT);
    assertThat(support.post("/engine-rest/task/" + secondReview + "/complete",
        variables(Map.of("readyForAssessment", true))).status()).isEqualTo(204);

    // then the case goes on to allocation, and the applicant was told at every step
    await().atMost(ASYNC).untilAsserted(() -> assertThat(TestMailServer.subjectsTo("journey@provider.example"))
        .anyMatch(s -> s.contains("ready for independent assessment")));
    assertThat(TestMailServer.subjectsTo("journey@provider.example"))
        .anyMatch(s -> s.contains("invoice"))
        .anyMatch(s -> s.contains("self-assessment is open"))
        .anyMatch(s -> s.contains("advice on your self-assessment"));
    JsonNode instance = applicant.get("/engine-rest/process-instance?businessKey=" + reference).json().get(0);
    JsonNode activity = applicant.get("/engine-rest/process-instance/" + instance.get("id").asText()
        + "/activity-instances").json();
    // Stage 3 has begun: allocated, or waiting for a manager when the shared pool has no eligible assessor
    assertThat(activity.toString()).containsAnyOf("allocateAssessorsManually", "assessEvidence");
  }

  @Test
  void shouldAssignItsOwnReferenceWhenStartedThroughTheEngineRestApi() {
    // when
    RestClient.Response started = applicant.post("/engine-rest/process-definition/key/certification/start",
        Map.of("businessKey", "MY-OWN-KEY", "variables", variables(registration("rest@provider.example")).get("variables")));

    // then
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().get("businessKey").asText()).matches("CC-\\d{4}-\\d{5}");
  }

  @Test
  void shouldValidateTheStartFormAsTasklistSubmitsIt() {
    // given what Tasklist's start form sends, with one field wrong
    Map<String, Object> registration = registration("startform@provider.example");
    registration.put("targetLevel", "platinum");

    // when
    RestClient.Response refused = applicant.post(
        "/engine-rest/process-definition/key/certification/submit-form", variables(registration));
    registration.put("targetLevel", "foundation");
    RestClient.Response started = applicant.post(
        "/engine-rest/process-definition/key/certification/submit-form", variables(registration));

    // then
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("targetLevel must be one of");
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json().get("businessKey").asText()).matches("CC-\\d{4}-\\d{5}");
  }

  @Test
  void shouldRefuseABadRegistrationWith400AndStartNothing() {
    // given
    long before = count("/engine-rest/process-instance/count");
    Map<String, Object> bad = registration("bad@provider.example");
    bad.put("staffCount", "ten");
    bad.put("contactEmail", "nobody");

    // when
    RestClient.Response viaRest = applicant.post("/engine-rest/process-definition/key/certification/start",
        variables(bad));
    RestClient.Response viaApi = applicant.post("/api/applications", bad);

    // then
    assertThat(viaRest.status()).isEqualTo(400);
    assertThat(viaRest.json().get("problems").get("staffCount").asText()).contains("whole number");
    assertThat(viaApi.status()).isEqualTo(400);
    assertThat(viaApi.json().get("problems").get("contactEmail").asText()).contains("email address");
    assertThat(viaApi.body()).doesNotContain("Exception:").doesNotContain("at org.");
    assertThat(count("/engine-rest/process-instance/count")).isEqualTo(before);
  }

  @Test
  void shouldAnswer401WithoutValidCredentials() {
    assertThat(anonymous.get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(anonymous.post("/api/applications", registration("x@provider.example")).status()).isEqualTo(401);
    user("journey-forgetful", Groups.APPLICANTS); // a failed login delays that user's next login: keep it apart
    assertThat(anonymous.as("journey-forgetful", "wrong").get("/engine-rest/task?maxResults=1").status()).isEqualTo(401);
    assertThat(anonymous.as("nobody", "nobody").get("/engine-rest/task?maxResults=1").status()).isEqualTo(401);
  }

  @Test
  void shouldServeTheEvidenceFrameworkToAnyone() {
    // the current version, with its Welsh texts and guidance
    JsonNode framework = anonymous.get("/api/framework").json();
    org.equitymark.framework.EvidenceFramework latest = org.equitymark.framework.TestFrameworks.latest();
    assertThat(framework.get("version").asText()).isEqualTo(latest.version()).isNotEqualTo("2026.1");
    assertThat(framework.get("areas")).hasSize(5);
    JsonNode indicator = framework.get("areas").get(0).get("indicators").get(0);
    assertThat(indicator.get("guidance").asText()).isEqualTo(latest.areas().get(0).indicators().get(0).guidance());
    assertThat(indicator.get("textCy").asText()).isNotBlank();

    // and any published version, version 1 included, without its absent Welsh fields
    JsonNode first = anonymous.get("/api/framework/versions/2026.1").json();
    assertThat(first.get("version").asText()).isEqualTo("2026.1");
    assertThat(first.get("areas").get(0).get("indicators").get(0).has("guidance")).isFalse();
    assertThat(anonymous.get("/api/framework/versions/" + latest.version()).json().get("version").asText())
        .isEqualTo(latest.version());

    // but not a draft, nor a version that does not exist
    assertThat(anonymous.get("/api/framework/versions/1999.1").status()).isEqualTo(404);
    assertThat(finance.get("/api/framework/versions/1999.1").status()).isEqualTo(404);
  }

  private long count(String path) {
    return finance.get(path).json().get("count").asLong();
  }
}
