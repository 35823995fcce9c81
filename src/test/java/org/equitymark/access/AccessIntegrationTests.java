package org.equitymark.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.MODERATE_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.equitymark.support.WebappSession;
import org.equitymark.allocation.AssessorDeclaration;
import org.equitymark.allocation.AssessorPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each role can do what DOMAIN.md §1 says and nothing more, over REST as a client would try it;
 * and the hardening around it: 401s, query limits, the body size limit, deployment rights, CSRF and
 * secure headers in the webapps.
 */
class AccessIntegrationTests extends HttpTestSupport {

  @Autowired AssessorPool assessorPool;

  /** The assessor pool is shared with the other HTTP tests: leave no active assessor of ours in it. */
  @AfterEach
  void leaveThePool() {
    assessorPool.declarations().stream().filter(d -> d.userId().equals("access-lead") && d.active())
        .forEach(d -> assessorPool.save(new AssessorDeclaration(d.userId(), d.displayName(), d.gender(),
            d.minoritised(), false, d.ties())));
  }


  @Autowired AuthorizationService authorizationService;

  @Test
  void shouldKeepAnApplicantOutOfAnotherOrganisationsCase() {
    // given an organisation's case waiting for its self-assessment, and another organisation
    RestClient owner = user("access-owner", Groups.APPLICANTS);
    RestClient other = user("access-other", Groups.APPLICANTS);
    RestClient finance = user("access-finance", Groups.FINANCE);
    String reference = owner.post("/api/applications", registration("owner@provider.example")).json()
        .get("reference").asText();
    assertThat(other.post("/api/applications", registration("other@provider.example")).status()).isEqualTo(201);
    String payment = awaitTask(finance, reference, CONFIRM_PAYMENT);
    assertThat(finance.post("/engine-rest/task/" + payment + "/complete",
        variables(Map.of("paymentReceived", true, "paymentReference", "BACS 1"))).status()).isEqualTo(204);
    String task = awaitTask(owner, reference, COMPLETE_SELF_ASSESSMENT);
    String instance = owner.get("/engine-rest/process-instance?businessKey=" + reference).json().get(0).get("id").asText();
    String organisationId = owner.get("/engine-rest/process-instance/" + instance + "/variables/organisationId")
        .json().get("value").asText();

    // then the other organisation cannot list, read, claim or complete its task
    assertThat(tasks(other, reference)).isEmpty();
    assertThat(other.get("/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
    assertThat(other.get("/engine-rest/task/" + task).status()).isIn(403, 404);
    assertThat(other.post("/engine-rest/task/" + task + "/claim", Map.of("userId", "access-other")).status()).isIn(403, 404);
    assertThat(other.post("/engine-rest/task/" + task + "/complete",
        variables(perArea("Indicators", "Evidence", indicators("foundation")))).status()).isIn(403, 404);
    // nor read its variables, instance or history
    assertThat(other.get("/engine-rest/task/" + task + "/variables").status()).isIn(403, 404);
    assertThat(other.get("/engine-rest/task/" + task + "/form-variables").status()).isIn(403, 404);
    assertThat(other.get("/engine-rest/process-instance/" + instance).status()).isIn(403, 404);
    assertThat(other.get("/engine-rest/process-instance/" + instance + "/variables").status()).isIn(403, 404);
    assertThat(other.get("/engine-rest/process-instance?businessKey=" + reference).json()).isEmpty();
    assertThat(other.get("/engine-rest/variable-instance?processInstanceIdIn=" + instance).json()).isEmpty();
    assertThat(other.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + reference).json()).isEmpty();
    assertThat(other.get("/engine-rest/history/variable-instance?processInstanceId=" + instance).json()).isEmpty();
    assertThat(other.get("/engine-rest/history/task?processInstanceId=" + instance).json()).isEmpty();
    // nor start a case for it, nor appeal for it
    Map<String, Object> forIt = registration("sneaky@provider.example");
    forIt.put("organisationId", organisationId);
    RestClient.Response started = other.post("/api/applications", forIt);
    assertThat(started.status()).isEqualTo(400);
    assertThat(started.json().get("problems").get("organisationId").asText()).contains("not an organisation you act for");
    assertThat(other.post("/engine-rest/process-definition/key/certification/start", variables(forIt)).status())
        .isEqualTo(400);
    assertThat(other.post("/api/applications/" + reference + "/appeal",
        Map.of("appealGrounds", "An appeal on a case of another organisation.")).status()).isEqualTo(404);
    // nor read reports, or any other staff view
    assertThat(other.get("/engine-rest/history/process-instance/report?reportType=duration&periodUnit=month").status())
        .isEqualTo(403);
    assertThat(other.get("/engine-rest/user").json()).hasSize(1); // only itself
    assertThat(other.get("/engine-rest/assessors").status()).isEqualTo(404);
    assertThat(other.get("/api/assessors").status()).isEqualTo(403);

    // while the owner sees and works its own task
    assertThat(owner.get("/engine-rest/task/" + task + "/form-variables").status()).isEqualTo(200);
    assertThat(owner.get("/engine-rest/process-instance/" + instance + "/variables").status()).isEqualTo(200);
  }

  @Test
  void shouldLetStaffWorkOnlyTheTasksOfTheirRole() {
    // given a case waiting for finance
    RestClient applicant = user("access-staff-applicant", Groups.APPLICANTS);
    RestClient finance = user("access-staff-finance", Groups.FINANCE);
    RestClient support = user("access-staff-support", Groups.SUPPORT_OFFICERS);
    RestClient assessor = user("access-staff-assessor", Groups.ASSESSORS);
    RestClient panel = user("access-staff-panel", Groups.CERTIFICATION_PANEL);
    RestClient manager = user("access-staff-manager", Groups.SCHEME_MANAGERS);
    String reference = applicant.post("/api/applications", registration("staff@provider.example")).json()
        .get("reference").asText();
    String payment = awaitTask(finance, reference, CONFIRM_PAYMENT);
    Map<String, Object> paid = variables(Map.of("paymentReceived", true, "paymentReference", "BACS 2"));

    // then only finance confirms a payment: not the applicant, nor other staff
    for (RestClient notFinance : List.of(applicant, support, assessor, panel)) {
      assertThat(notFinance.post("/engine-rest/task/" + payment + "/complete", paid).status()).isIn(403, 404);
      assertThat(tasks(notFinance, reference)).isEmpty();
    }
    // the scheme manager sees everything but does not rewrite a case's variables outside a completion
    assertThat(tasks(manager, reference)).hasSize(1);
    assertThat(applicant.post("/engine-rest/task/" + payment + "/variables",
        Map.of("modifications", Map.of("fee", Map.of("value", 0)))).status()).isIn(403, 404);
    assertThat(finance.post("/engine-rest/task/" + payment + "/variables",
        Map.of("modifications", Map.of("fee", Map.of("value", 0)))).status()).isEqualTo(403);
    assertThat(finance.post("/engine-rest/task/" + payment + "/complete", paid).status()).isEqualTo(204);
    // and the self-assessment is the applicant's, not finance's
    String selfAssessment = awaitTask(applicant, reference, COMPLETE_SELF_ASSESSMENT);
    assertThat(finance.post("/engine-rest/task/" + selfAssessment + "/complete",
        variables(perArea("Indicators", "Evidence", indicators("foundation")))).status()).isIn(403, 404);
  }

  @Test
  void shouldKeepAssessorsToTheirOwnTasksAndTheLeadAssessorFromModeratingItsOwnCase() {
    // given an assessor pool with an assessor who is also a moderator
    RestClient manager = user("access-lead-manager", Groups.SCHEME_MANAGERS);
    user("access-lead", Groups.ASSESSORS, Groups.MODERATORS);
    RestClient otherAssessor = user("access-lead-other", Groups.ASSESSORS);
    assertThat(manager.put("/api/assessors/access-lead", Map.of("displayName", "Lead", "gender", "woman",
        "minoritised", "yes", "active", true, "ties", List.of())).status()).isEqualTo(200);
    RestClient applicant = user("access-lead-applicant", Groups.APPLICANTS);
    RestClient finance = user("access-lead-finance", Groups.FINANCE);
    RestClient support = user("access-lead-support", Groups.SUPPORT_OFFICERS);
    Map<String, Object> registration = registration("lead@provider.example");
    String reference = applicant.post("/api/applications", registration).json().get("reference").asText();
    complete(finance, awaitTask(finance, reference, CONFIRM_PAYMENT), Map.of("paymentReceived", true, "paymentReference", "B"));
    complete(applicant, awaitTask(applicant, reference, COMPLETE_SELF_ASSESSMENT),
        perArea("Indicators", "Evidence", indicators("developing")));
    complete(support, awaitTask(support, reference, REVIEW_SELF_ASSESSMENT), Map.of("readyForAssessment", true));
    String assessment = awaitTask(manager, reference, ASSESS_EVIDENCE);
    // the pool is shared with other tests: whoever leads is made a moderator too
    String leadId = manager.get("/engine-rest/task/" + assessment).json().get("assignee").asText();
    if (identityService.createUserQuery().userId(leadId).memberOfGroup(Groups.MODERATORS).count() == 0) {
      identityService.createMembership(leadId, Groups.MODERATORS);
    }
    RestClient lead = anonymous().as(leadId, "secret-" + leadId);

    // then another assessor cannot take or complete the lead's assessment
    Map<String, Object> nothingConfirmed = perArea("ConfirmedIndicators", "AssessorComment");
    nothingConfirmed.put("clarificationNeeded", false);
    assertThat(otherAssessor.post("/engine-rest/task/" + assessment + "/complete", variables(nothingConfirmed)).status())
        .isIn(403, 404);
    assertThat(otherAssessor.post("/engine-rest/task/" + assessment + "/claim", Map.of("userId", "access-lead-other"))
        .status()).isIn(403, 404);
    assertThat(otherAssessor.post("/engine-rest/task/" + assessment + "/assignee", Map.of("userId", "access-lead-other"))
        .status()).isIn(403, 404);

    // when the lead confirms nothing of a developing claim (two levels apart: moderation)
    complete(lead, assessment, nothingConfirmed);

    // then the lead, although a moderator, may not moderate its own assessment
    String moderation = awaitTask(lead, reference, MODERATE_ASSESSMENT);
    RestClient.Response ownModeration = lead.post("/engine-rest/task/" + moderation + "/complete",
        variables(Map.of("moderationAgreed", true)));
    assertThat(ownModeration.status()).isEqualTo(400);
    assertThat(ownModeration.json().get("message").asText()).contains("assessed this case");
    assertThat(tasks(manager, reference)).extracting(t -> t.get("taskDefinitionKey").asText())
        .containsExactly("moderateAssessment");
  }

  @Test
  void shouldAnswer401ForWrongPasswordUnknownUserAndAnExpiredWebappSession() throws Exception {
    user("access-wrong-password", Groups.APPLICANTS); // its own user: a failed login delays the next one
    assertThat(anonymous().as("access-wrong-password", "not-its-password").get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(anonymous().as("access-nobody", "secret-access-nobody").get("/engine-rest/task").status()).isEqualTo(401);
    assertThat(anonymous().get("/engine-rest/process-instance").status()).isEqualTo(401);
    assertThat(anonymous().get("/api/assessors").status()).isEqualTo(401);

    // a webapp session works until it ends; after the logout its cookie gets 401
    user("access-webapp", Groups.FINANCE);
    WebappSession webapp = new WebappSession(port);
    webapp.login("access-webapp", "secret-access-webapp");
    assertThat(webapp.get("/camunda/api/engine/engine/default/task?maxResults=5").statusCode()).isEqualTo(200);
    assertThat(webapp.post("/camunda/api/admin/auth/user/default/logout", "", true).statusCode()).isEqualTo(200);
    assertThat(webapp.get("/camunda/api/engine/engine/default/task?maxResults=5").statusCode()).isEqualTo(401);
  }

  @Test
  void shouldChallengeAnonymousCallsToProtectedApiWith401AndForbidAuthenticatedUsersWithoutTheRole() {
    RestClient applicant = user("access-no-role", Groups.APPLICANTS);
    Map<String, Object> empty = Map.of();
    List<String[]> protectedCalls = List.of(
        new String[] {"GET", "/api/reports/summary"}, new String[] {"GET", "/api/reports"},
        new String[] {"GET", "/api/feedback"}, new String[] {"PUT", "/api/feedback/1"},
        new String[] {"POST", "/api/certificates/EM-2026-00001/revocation"},
        new String[] {"PUT", "/api/framework/versions/2099.1"}, new String[] {"GET", "/api/assessors"});
    for (String[] call : protectedCalls) {
      // anonymous: challenged, not forbidden
      RestClient.Response anonymousCall = send(anonymous(), call[0], call[1], empty);
      assertThat(anonymousCall.status()).as(call[1]).isEqualTo(401);
      assertThat(anonymousCall.header("WWW-Authenticate")).as(call[1]).startsWith("Basic");
      // authenticated without the role: forbidden
      assertThat(send(applicant, call[0], call[1], empty).status()).as(call[1]).isEqualTo(403);
    }
    // the public parts of the same paths stay open
    assertThat(anonymous().get("/api/framework").status()).isEqualTo(200);
    assertThat(anonymous().get("/api/framework/versions/2026.1").status()).isEqualTo(200);
    // a draft (or no such version) is not found by anyone but scheme managers
    assertThat(anonymous().get("/api/framework/versions/2099.1").status()).isEqualTo(404);
    assertThat(applicant.get("/api/framework/versions/2099.1").status()).isEqualTo(404);
    assertThat(anonymous().get("/api/certificates/EM-2026-99999").status()).isEqualTo(404);
  }

  private static RestClient.Response send(RestClient client, String method, String path, Object body) {
    return switch (method) {
      case "GET" -> client.get(path);
      case "PUT" -> client.put(path, body);
      default -> client.post(path, body);
    };
  }

  @Test
  void shouldRequireTheCsrfTokenAndSendSecureHeadersInTheWebapps() throws Exception {
    user("access-csrf", Groups.FINANCE);
    WebappSession webapp = new WebappSession(port);
    HttpResponse<String> page = webapp.get("/camunda/app/tasklist/default/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("frame-ancestors 'none'").contains("object-src 'none'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("X-XSS-Protection")).isPresent();
    assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty(); // plain http in tests

    // a login without the token from the cookie is refused, with it accepted
    HttpResponse<String> withoutToken = webapp.post("/camunda/api/admin/auth/user/default/login/tasklist",
        "username=access-csrf&password=secret-access-csrf", false);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    webapp.login("access-csrf", "secret-access-csrf");
  }

  @Test
  void shouldBoundEveryQueryAndRefuseExpressionsInAdHocQueries() {
    RestClient manager = user("access-limits-manager", Groups.SCHEME_MANAGERS);
    // no maxResults: the limit is the default, so the documented unpaged queries still answer
    assertThat(manager.get("/engine-rest/task?processInstanceBusinessKey=CC-2000-00001").status()).isEqualTo(200);
    assertThat(manager.get("/engine-rest/process-instance").status()).isEqualTo(200);
    assertThat(manager.get("/engine-rest/history/process-instance").status()).isEqualTo(200);
    // more than the limit: refused with the reason
    RestClient.Response tooMany = manager.get("/engine-rest/history/activity-instance?maxResults=100000");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("message").asText()).contains("Max results limit of 1000 exceeded");
    // expressions in ad-hoc queries are off
    RestClient.Response expression = manager.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D&maxResults=5");
    assertThat(expression.status()).isIn(400, 403);
    assertThat(expression.body()).containsIgnoringCase("expression");
  }

  @Test
  void shouldRefuseALargeBodyWith413() {
    RestClient applicant = user("access-large", Groups.APPLICANTS);
    Map<String, Object> registration = registration("large@provider.example");
    registration.put("contactName", "x".repeat(2 * 1024 * 1024));
    RestClient.Response response = applicant.post("/api/applications", registration);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("message").asText()).contains("larger than 1048576 bytes");
    assertThat(applicant.post("/engine-rest/process-definition/key/certification/start", variables(registration))
        .status()).isEqualTo(413);
  }

  @Test
  void shouldLetOnlyAdministratorsDeployThroughRest() throws Exception {
    // only camunda-admin (which has every permission) may create deployments
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.DEPLOYMENT)
        .hasPermission(Permissions.CREATE).list())
        .allSatisfy(a -> assertThat(a.getGroupId()).isEqualTo("camunda-admin"));
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
          <process id="rogue" isExecutable="true"><startEvent id="s"/></process>
        </definitions>""";
    for (String[] u : new String[][] {{"access-deploy-manager", Groups.SCHEME_MANAGERS},
        {"access-deploy-assessor", Groups.ASSESSORS}, {"access-deploy-applicant", Groups.APPLICANTS}}) {
      user(u[0], u[1]);
      String boundary = "----equitymark" + u[0];
      String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nrogue\r\n"
          + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"rogue.bpmn\"; filename=\"rogue.bpmn\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
          .header("Authorization", "Basic " + java.util.Base64.getEncoder()
              .encodeToString((u[0] + ":secret-" + u[0]).getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(u[0] + ": " + response.body()).isEqualTo(403);
    }
    RestClient manager = user("access-deploy-manager", Groups.SCHEME_MANAGERS);
    assertThat(manager.get("/engine-rest/process-definition?key=rogue").json()).isEmpty();
  }
}
