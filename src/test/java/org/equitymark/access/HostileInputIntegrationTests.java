package org.equitymark.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.equitymark.process.CertificationProcess.Elements.AGREE_ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.equitymark.allocation.AssessorDeclaration;
import org.equitymark.allocation.AssessorPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile input over HTTP, as an attacker or a careless client would send it. Each gets a clear
 * 4xx with the reason, no stack trace, and leaves the database as it was.
 */
class HostileInputIntegrationTests extends HttpTestSupport {

  @Autowired AssessorPool assessorPool;

  /** The assessor pool is shared with the other HTTP tests: leave no active assessor of ours in it. */
  @AfterEach
  void leaveThePool() {
    assessorPool.declarations().stream().filter(d -> d.userId().equals("hostile-assessor") && d.active())
        .forEach(d -> assessorPool.save(new AssessorDeclaration(d.userId(), d.displayName(), d.gender(),
            d.minoritised(), false, d.ties())));
  }


  private static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quoted\" 'single'";
  private static final List<String> TABLES = List.of("act_hi_procinst", "act_ru_execution", "act_ru_task",
      "act_ru_variable", "act_hi_varinst", "act_ge_bytearray", "em_organisation", "em_application", "em_certificate");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService managementService;

  private RestClient applicant;
  private RestClient finance;

  @BeforeEach
  void users() {
    applicant = user("hostile-applicant", Groups.APPLICANTS);
    finance = user("hostile-finance", Groups.FINANCE);
  }

  @Test
  void shouldRefuseBadRegistrationsWithTheReasonAndChangeNothing() {
    Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    cases.put("contactName", with("contactName", "x".repeat(10 * 1024 * 1024)));        // 10 MB: 413
    cases.put("organisationName", with("organisationName", "y".repeat(100_000)));       // under the body limit
    cases.put("staffCount", with("staffCount", "three hundred"));
    cases.put("staffCount ", with("staffCount", Map.of("value", 300)));
    cases.put("targetLevel", with("targetLevel", "platinum"));
    cases.put("fee", with("fee", 0));
    cases.put("contactEmail", without("contactEmail"));
    cases.put("organisationType", with("organisationType", List.of("nhs-trust")));
    cases.put("organisationId", with("organisationId", "' OR '1'='1"));

    Map<String, Long> before = snapshot();
    cases.forEach((field, body) -> {
      for (String path : List.of("/api/applications", "/engine-rest/process-definition/key/certification/start")) {
        Object sent = path.startsWith("/api") ? body : variables(body);
        RestClient.Response response = applicant.post(path, sent);
        assertThat(response.status()).as(path + " " + field + ": " + abbreviated(response.body())).isBetween(400, 499);
        assertClean(response);
        if (response.status() == 413) {
          assertThat(response.json().get("message").asText()).contains("larger than");
        } else if (path.startsWith("/api") || !field.startsWith("staffCount ")) {
          assertThat(response.body()).as(path).contains(field.trim());
        }
      }
    });
    assertThat(applicant.post("/api/applications", "{\"organisationName\": [").status()).isEqualTo(400);
    assertThat(applicant.post("/api/applications", "[1, 2, 3]").status()).isEqualTo(400);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void shouldRefuseBadTaskCompletionsAndUploadsAndLeaveTheTaskOpen() throws Exception {
    // given a case waiting for its self-assessment
    String reference = register(applicant, registration("hostile-task@provider.example"));
    String task = awaitTask(applicant, reference, COMPLETE_SELF_ASSESSMENT);
    quiet();
    Map<String, Long> before = snapshot();

    // when it is completed with wrong types, unknown variables, missing variables, bad ids
    List<Map<String, Object>> bad = List.of(
        replace("leadershipIndicators", "leadership.foundation.1"),                  // a string for a list
        replace("leadershipIndicators", jsonVariable("{\"id\": \"leadership.foundation.1\"}")), // an object
        replace("leadershipIndicators", jsonVariable("[\"leadership.gold.1\"]")),     // no such indicator
        replace("leadershipIndicators", jsonVariable("[\"workforce.foundation.1\"]")), // another area's
        replace("leadershipIndicators", jsonVariable("[\"../../etc/passwd\"]")),
        replace("leadershipIndicators", jsonVariable("[1, 2]")),
        replace("leadershipEvidence", "z".repeat(200_000)),
        replace("selfAssessedLevel", "excellence"),                                     // not a field
        replace("organisationId", "1"));
    for (Map<String, Object> variables : bad) {
      RestClient.Response response = applicant.post("/engine-rest/task/" + task + "/complete", variables(variables));
      assertThat(response.status()).as(abbreviated(response.body())).isEqualTo(400);
      assertClean(response);
    }
    // a variable of type File, or serialized Java, instead of text
    Map<String, Object> file = new LinkedHashMap<>(variables(perArea("Indicators", "Evidence", indicators("foundation"))));
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = new LinkedHashMap<>((Map<String, Object>) file.get("variables"));
    vars.put("leadershipEvidence", Map.of("value", Base64.getEncoder().encodeToString("%PDF-1.4".getBytes()),
        "type", "File", "valueInfo", Map.of("filename", "evidence.pdf", "mimeType", "application/pdf")));
    RestClient.Response fileResponse = applicant.post("/engine-rest/task/" + task + "/complete", Map.of("variables", vars));
    assertThat(fileResponse.status()).as(fileResponse.body()).isEqualTo(400);
    vars.put("leadershipEvidence", Map.of("value", "rO0ABXQABGV2aWw=", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")));
    RestClient.Response javaResponse = applicant.post("/engine-rest/task/" + task + "/complete", Map.of("variables", vars));
    assertThat(javaResponse.status()).as(javaResponse.body()).isBetween(400, 499);
    assertClean(javaResponse);

    // and uploads: too large, or where the applicant may not write
    String boundary = "----hostile";
    String small = multipart(boundary, "evidence.exe", "MZ\u0090\u0000 not a document");
    assertThat(upload("/engine-rest/task/" + task + "/variables/leadershipEvidence/data", boundary, small).statusCode())
        .isIn(403, 404);
    String large = multipart(boundary, "evidence.pdf", "p".repeat(3 * 1024 * 1024));
    HttpResponse<String> tooLarge = upload("/engine-rest/task/" + task + "/variables/leadershipEvidence/data", boundary, large);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("larger than");

    // then nothing changed, and the task is still open
    assertThat(snapshot()).isEqualTo(before);
    assertThat(tasks(applicant, reference)).extracting(t -> t.get("id").asText()).containsExactly(task);
  }

  @Test
  void shouldKeepMarkupAsTextInEveryFieldAndMail() throws Exception {
    // when every free-text field carries markup and script
    Map<String, Object> registration = registration("hostile-markup@provider.example");
    registration.put("organisationName", "Org " + MARKUP);
    registration.put("workplaceArea", "Ward " + MARKUP);
    registration.put("contactName", "Name " + MARKUP);
    registration.put("contactPhone", "<b>0161</b>");
    String reference = register(user("hostile-markup-applicant", Groups.APPLICANTS), registration);

    // then it is stored as the text it is
    String task = awaitTask(finance, reference, CONFIRM_PAYMENT);
    JsonNode variables = finance.get("/engine-rest/task/" + task + "/form-variables").json();
    assertThat(variables.get("organisationName").get("value").asText()).isEqualTo("Org " + MARKUP);

    // and the mail is plain text, so no client renders it as markup
    await().atMost(ASYNC).until(() -> !TestMailServer.to("hostile-markup@provider.example").isEmpty());
    var mail = TestMailServer.to("hostile-markup@provider.example").get(0);
    assertThat(mail.getContentType()).startsWith("text/plain");

    // and free text in a completion is kept as text too
    RestClient.Response paid = finance.post("/engine-rest/task/" + task + "/complete", variables(Map.of(
        "paymentReceived", true, "paymentReference", "<script>alert(3)</script>")));
    assertThat(paid.status()).as(paid.body()).isEqualTo(204);
  }

  @Test
  void shouldAnswerHostileCertificateNumbersAndQueryParametersWithoutAStackTrace() {
    Map<String, Long> before = snapshot();
    RestClient anyone = anonymous();
    for (String number : List.of("..%2F..%2Fetc%2Fpasswd", "..%5C..%5Cwindows", "EM-2026-00001%00", "%2e%2e",
        "EM-2026-00001'%20OR%20'1'%3D'1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "x".repeat(2000))) {
      for (String path : List.of("/api/certificates/" + number, "/api/certificates/" + number + "/pdf",
          "/verify/" + number)) {
        RestClient.Response response = anyone.get(path);
        assertThat(response.status()).as(path).isBetween(400, 404);
        assertClean(response);
        assertThat(response.body()).doesNotContain("<script>alert(1)").doesNotContain("root:");
      }
    }
    RestClient manager = user("hostile-manager", Groups.SCHEME_MANAGERS);
    for (String query : List.of(
        "/engine-rest/task?processInstanceBusinessKey=" + encode("' OR '1'='1"),
        "/engine-rest/task?processInstanceBusinessKeyLike=" + encode("%'; drop table act_ru_task; --"),
        "/engine-rest/process-instance?businessKey=" + encode("x\"; delete from em_organisation; --"),
        "/engine-rest/process-instance?variables=" + encode("organisationName_eq_' or 1=1 --"),
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + encode("1; select pg_sleep(5)"))) {
      RestClient.Response response = manager.get(query);
      assertThat(response.status()).as(query).isEqualTo(200);
      assertThat(response.json()).as(query).isEmpty();
    }
    for (String query : List.of(
        "/engine-rest/task?sortBy=" + encode("name; drop table act_ru_task") + "&sortOrder=asc",
        "/engine-rest/task?sortBy=name&sortOrder=" + encode("asc, (select 1)"),
        "/engine-rest/process-instance?maxResults=" + encode("1 or 1=1"),
        "/engine-rest/task?createdAfter=" + encode("2020-01-01' or '1'='1"))) {
      RestClient.Response response = manager.get(query);
      assertThat(response.status()).as(query).isIn(400, 404); // Jersey: 404 for a parameter of the wrong type
      assertClean(response);
    }
    assertThat(anyone.get("/api/register?lang=" + encode("' OR 1=1 --")).status()).isEqualTo(200);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAnActionPlanTargetDateInThePast() throws Exception {
    // given a certified case whose applicant is asked to agree the action plan
    RestClient manager = user("hostile-plan-manager", Groups.SCHEME_MANAGERS);
    user("hostile-assessor", Groups.ASSESSORS);
    assertThat(manager.put("/api/assessors/hostile-assessor", Map.of("displayName", "Hostile assessor",
        "gender", "man", "minoritised", "no", "active", true, "ties", List.of())).status()).isEqualTo(200);
    RestClient planner = user("hostile-planner", Groups.APPLICANTS);
    String reference = approvedFoundationCase(planner, manager, registration("hostile-plan@provider.example"),
        "hostile-plan");
    String agree = awaitTask(planner, reference, AGREE_ACTION_PLAN);
    quiet();
    JsonNode value = planner.get("/engine-rest/task/" + agree + "/form-variables?deserializeValues=false").json().get("actionPlan").get("value");
    ArrayNode plan = (ArrayNode) (value.isTextual() ? JSON.readTree(value.asText()) : value);
    assertThat(plan).isNotEmpty();
    Map<String, Long> before = snapshot();

    // when a target date is in the past, or not a date
    for (String date : List.of(LocalDate.now().minusDays(1).toString(), "2027-02-30", "tomorrow", "2027-01-01T00:00")) {
      plan.forEach(item -> ((ObjectNode) item).put("personResponsible", "Dana Fox").put("targetDate", date));
      RestClient.Response response = planner.post("/engine-rest/task/" + agree + "/complete",
          variables(Map.of("actionPlan", jsonVariable(plan.toString()))));
      // then it is refused with the reason
      assertThat(response.status()).as(date + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).contains("targetDate");
      assertClean(response);
    }
    assertThat(snapshot()).isEqualTo(before);

    // and a plan with future dates is agreed
    plan.forEach(item -> ((ObjectNode) item).put("targetDate", LocalDate.now().plusMonths(6).toString()));
    complete(planner, agree, Map.of("actionPlan", jsonVariable(plan.toString())));
  }

  private String register(RestClient client, Map<String, Object> registration) {
    RestClient.Response response = client.post("/api/applications", registration);
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    String reference = response.json().get("reference").asText();
    String payment = awaitTask(finance, reference, CONFIRM_PAYMENT);
    if (registration.get("contactEmail").equals("hostile-markup@provider.example")) {
      return reference;
    }
    complete(finance, payment, Map.of("paymentReceived", true, "paymentReference", "BACS 3"));
    return reference;
  }


  /** Waits until the job executor has nothing left to do, so that the database stands still. */
  private void quiet() {
    await().atMost(ASYNC).until(() -> managementService.createJobQuery().executable().messages().count() == 0);
  }

  private Map<String, Long> snapshot() {
    Map<String, Long> counts = new LinkedHashMap<>();
    TABLES.forEach(t -> counts.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class)));
    return counts;
  }

  private static void assertClean(RestClient.Response response) {
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("at org.").doesNotContain("at java.")
        .doesNotContain("SQLException").doesNotContain("NullPointerException");
  }

  private static Map<String, Object> with(String name, Object value) {
    Map<String, Object> registration = registration("hostile-" + name.hashCode() + "@provider.example");
    registration.put(name, value);
    return registration;
  }

  private static Map<String, Object> without(String name) {
    Map<String, Object> registration = registration("hostile-without@provider.example");
    registration.remove(name);
    return registration;
  }

  private static Map<String, Object> replace(String name, Object value) {
    Map<String, Object> variables = new LinkedHashMap<>(perArea("Indicators", "Evidence", indicators("foundation")));
    variables.put(name, value);
    return variables;
  }

  private static String multipart(String boundary, String filename, String content) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + filename + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
  }

  private HttpResponse<String> upload(String path, String boundary, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("hostile-applicant:secret-hostile-applicant".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String abbreviated(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
