package org.equitymark.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.equitymark.monitoring.MonitoringProcess.Elements.ANNUAL_RETURN_OPENS;
import static org.equitymark.monitoring.MonitoringProcess.Elements.REVIEW_ANNUAL_RETURN;
import static org.equitymark.monitoring.MonitoringProcess.Elements.REVIEW_CORRECTIVE_RETURN;
import static org.equitymark.monitoring.MonitoringProcess.Elements.SUBMIT_ANNUAL_RETURN;
import static org.equitymark.monitoring.MonitoringProcess.Elements.SUBMIT_CORRECTIVE_RETURN;
import static org.equitymark.process.CertificationProcess.Elements.AGREE_ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.Elements.APPEAL_WINDOW_CLOSED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equitymark.access.Groups;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.junit.jupiter.api.Test;

/**
 * Stage 4 over HTTP: a certificate under monitoring is suspended on a rejected annual return,
 * reinstated on the next, and revoked by a scheme manager through the API; the public register
 * and verification show each state at once, with its date, and a scheme manager reads a report as
 * CSV. Time passing is a scheme manager executing the due timer through the REST API.
 */
class MonitoringIntegrationTests extends HttpTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldShowSuspensionReinstatementAndRevocationOnTheRegisterAtOnce() throws Exception {
    // given a certified organisation
    RestClient manager = user("mon-manager", Groups.SCHEME_MANAGERS);
    user("mon-assessor", Groups.ASSESSORS);
    assertThat(manager.put("/api/assessors/mon-assessor", Map.of("displayName", "Assessor M", "gender", "woman",
        "minoritised", "yes", "active", true, "ties", List.of())).status()).isEqualTo(200);
    try {
      journey(manager);
    } finally {
      // leave the shared assessor pool as other tests expect it
      manager.put("/api/assessors/mon-assessor", Map.of("displayName", "Assessor M", "gender", "woman",
          "minoritised", "yes", "active", false, "ties", List.of()));
    }
  }

  private void journey(RestClient manager) throws Exception {
    RestClient applicant = user("mon-applicant", Groups.APPLICANTS);
    Map<String, Object> registration = registration("monitored@provider.example");
    registration.put("organisationName", "Monitored Minds Trust");
    String reference = approvedFoundationCase(applicant, manager, registration, "mon");
    String agreement = awaitTask(applicant, reference, AGREE_ACTION_PLAN);
    complete(applicant, agreement, Map.of("actionPlan", jsonVariable(agreedPlan(applicant, agreement))));
    String number = await().atMost(ASYNC).until(() -> certificateOf(reference), n -> n != null);

    // when the appeal window closes, monitoring begins, and the first annual return falls due
    executeTimer(manager, reference, APPEAL_WINDOW_CLOSED);
    executeTimer(manager, reference, ANNUAL_RETURN_OPENS);
    complete(applicant, awaitTask(applicant, reference, SUBMIT_ANNUAL_RETURN), annualReturn());
    // and an assessor does not accept it
    RestClient assessor = anonymous().as("mon-assessor", "secret-mon-assessor");
    complete(assessor, awaitTask(assessor, reference, REVIEW_ANNUAL_RETURN),
        Map.of("revalidated", false, "reviewComments", "The figures do not cover the community team."));

    // then the register and verification show it suspended, today, with the reason in the history
    await().atMost(ASYNC).until(() -> registerState(number), "suspended"::equals);
    JsonNode verification = anonymous().get("/api/certificates/" + number).json();
    assertThat(verification.get("current").asBoolean()).isFalse();
    assertThat(verification.get("history").get(1).get("reason").asText()).contains("was not accepted");
    String today = LocalDate.now(java.time.ZoneId.of("Europe/London"))
        .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    assertThat(anonymous().get("/verify/" + number).body()).contains("Genuine, but suspended")
        .contains(today).contains("the annual return for year 1 was not accepted");

    // when the organisation sends a corrective return within the cure period, and an assessor accepts it
    complete(applicant, awaitTask(applicant, reference, SUBMIT_CORRECTIVE_RETURN),
        Map.of("correctiveActions", "The community team's figures are now part of the return."));
    complete(assessor, awaitTask(assessor, reference, REVIEW_CORRECTIVE_RETURN), Map.of("correctionAccepted", true));

    // then it is active again at once
    await().atMost(ASYNC).until(() -> registerState(number), "active"::equals);

    // when an applicant, nobody, then a scheme manager tries to revoke it
    Map<String, Object> revocation = Map.of("revocationReason", "The organisation misrepresented its evidence.");
    assertThat(applicant.post("/api/certificates/" + number + "/revocation", revocation).status()).isEqualTo(403);
    assertThat(anonymous().post("/api/certificates/" + number + "/revocation", revocation).status()).isEqualTo(401);
    assertThat(anonymous().as("mon-nobody", "wrong").post("/api/certificates/" + number + "/revocation", revocation)
        .status()).isEqualTo(401);
    assertThat(manager.post("/api/certificates/" + number + "/revocation", Map.of("revocationReason", "")).status())
        .isEqualTo(400);
    RestClient.Response revoked = manager.post("/api/certificates/" + number + "/revocation", revocation);

    // then it is revoked at once, for good
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(202);
    assertThat(registerState(number)).isEqualTo("revoked");
    assertThat(anonymous().get("/verify/" + number).body()).contains("Revoked: The organisation misrepresented");
    assertThat(anonymous().get("/api/certificates/" + number).json().get("stateReason").asText())
        .isEqualTo("Revoked: The organisation misrepresented its evidence.");
    assertThat(manager.post("/api/certificates/" + number + "/revocation", revocation).status()).isEqualTo(409);
    assertThat(anonymous().get("/api/certificates/" + number).status()).isEqualTo(200);

    // and a scheme manager reads the reports as CSV, which applicants and the public may not
    HttpResponse<String> summary = get("/api/reports/summary", "text/csv", "mon-manager");
    assertThat(summary.statusCode()).isEqualTo(200);
    assertThat(summary.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(summary.body()).startsWith("measure,value\r\n").contains("certificates revoked,");
    HttpResponse<String> outcomes = get("/api/reports/outcomes", "text/csv", "mon-manager");
    assertThat(outcomes.body()).startsWith("ethnicGroup,served,improved,improvedPercent\r\n")
        .contains("\r\nA,412,260,63.1\r\n").contains("\r\nN,57,31,54.4\r\n").contains("\r\nB,0,0,\r\n");
    assertThat(get("/api/reports/summary", "application/json", "mon-manager").body()).contains("\"report\":\"summary\"");
    assertThat(get("/api/reports/summary", "text/csv", "mon-applicant").statusCode()).isEqualTo(403);
    assertThat(get("/api/reports/summary", "text/csv", null).statusCode()).isEqualTo(401);
  }

  /** Time passes: a scheme manager executes the case's (or its monitoring's) timer through the REST API. */
  private void executeTimer(RestClient manager, String reference, String activityId) {
    String jobId = await().atMost(ASYNC).until(() -> {
      for (JsonNode instance : manager.get("/engine-rest/process-instance?businessKey=" + reference).json()) {
        JsonNode jobs = manager.get("/engine-rest/job?timers=true&activityId=" + activityId
            + "&processInstanceId=" + instance.get("id").asText()).json();
        if (jobs.size() > 0) {
          return jobs.get(0).get("id").asText();
        }
      }
      return null;
    }, id -> id != null);
    RestClient.Response executed = manager.post("/engine-rest/job/" + jobId + "/execute", Map.of());
    assertThat(executed.status()).as(executed.body()).isEqualTo(204);
  }

  private String agreedPlan(RestClient applicant, String taskId) throws Exception {
    JsonNode value = applicant.get("/engine-rest/task/" + taskId + "/variables/actionPlan?deserializeValue=false").json().get("value");
    JsonNode plan = value.isTextual() ? JSON.readTree(value.asText()) : value;
    assertThat(plan.size()).as("drafted actions").isPositive();
    for (JsonNode item : plan) {
      ((ObjectNode) item).put("personResponsible", "Jordan Lee");
      ((ObjectNode) item).put("targetDate", LocalDate.now().plusMonths(6).toString());
    }
    return plan.toString();
  }

  private static Map<String, Object> annualReturn() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("actionPlanProgress", "Both actions are under way; the training is booked for the spring.");
    values.put("outcomesByEthnicGroup", CertificateMonitoringProcessTests.OUTCOMES);
    values.put("satisfactionByEthnicGroup", CertificateMonitoringProcessTests.SATISFACTION);
    values.put("discriminationComplaintsReceived", 6);
    values.put("discriminationComplaintsResolved", 5);
    return values;
  }


  private String certificateOf(String reference) {
    RestClient.Response response = anonymous().get("/api/register");
    for (JsonNode entry : response.json()) {
      if (entry.get("organisationName").asText().equals("Monitored Minds Trust")) {
        return entry.get("certificateNumber").asText();
      }
    }
    return null;
  }

  private String registerState(String number) {
    for (JsonNode entry : anonymous().get("/api/register").json()) {
      if (entry.get("certificateNumber").asText().equals(number)) {
        return entry.get("state").asText();
      }
    }
    return null;
  }

  /** A GET with an Accept header of the test's choosing, e.g. text/csv. */
  protected HttpResponse<String> get(String path, String accept, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", accept);
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":secret-" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
