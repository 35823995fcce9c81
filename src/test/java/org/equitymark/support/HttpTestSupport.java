package org.equitymark.support;

import static org.awaitility.Awaitility.await;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HTTP integration tests share one app on a random port, with its real job executor, driven as
 * clients drive it: REST with Basic authentication, our own API, the public pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HttpTestSupport {

  protected static final Duration ASYNC = Duration.ofSeconds(30);
  protected static final List<String> AREAS = List.of("leadership", "workforce", "engagement", "access", "outcomes");

  @LocalServerPort protected int port;
  @Autowired protected IdentityService identityService;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry);
    TestDatabase.register(registry);
  }

  protected RestClient anonymous() {
    return RestClient.anonymous(port);
  }

  /** A user (created once) in the group, with the password {@code secret-{id}}; its client. */
  protected RestClient user(String id, String... groups) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword("secret-" + id);
      identityService.saveUser(user);
      Arrays.stream(groups).forEach(group -> identityService.createMembership(id, group));
    }
    return anonymous().as(id, "secret-" + id);
  }

  /** Completes a task over REST as the client, expecting 204. */
  public static void complete(RestClient client, String taskId, Map<String, Object> values) {
    RestClient.Response response = client.post("/engine-rest/task/" + taskId + "/complete", variables(values));
    org.assertj.core.api.Assertions.assertThat(response.status()).as(response.body()).isEqualTo(204);
  }

  /**
   * Drives a Foundation case over HTTP from registration to the panel's approval, each step by its
   * role ({prefix}-finance, -support, -panel; the lead assessor the allocation chose, password
   * {@code secret-{id}}). An eligible assessor must be in the pool. Returns the reference.
   */
  protected String approvedFoundationCase(RestClient applicant, RestClient manager, Map<String, Object> registration,
      String prefix) {
    registration.put("targetLevel", "foundation");
    String reference = applicant.post("/api/applications", registration).json().get("reference").asText();
    RestClient finance = user(prefix + "-finance", "finance");
    complete(finance, awaitTask(finance, reference, CONFIRM_PAYMENT),
        Map.of("paymentReceived", true, "paymentReference", "BACS " + prefix));
    complete(applicant, awaitTask(applicant, reference, COMPLETE_SELF_ASSESSMENT),
        perArea("Indicators", "Evidence", indicators("foundation")));
    RestClient support = user(prefix + "-support", "support-officers");
    complete(support, awaitTask(support, reference, REVIEW_SELF_ASSESSMENT), Map.of("readyForAssessment", true));
    String assessment = awaitTask(manager, reference, ASSESS_EVIDENCE);
    String lead = manager.get("/engine-rest/task/" + assessment).json().get("assignee").asText();
    complete(anonymous().as(lead, "secret-" + lead), assessment, findings("foundation"));
    RestClient panel = user(prefix + "-panel", "certification-panel");
    complete(panel, awaitTask(panel, reference, APPROVE_CERTIFICATION), Map.of("panelDecision", "approve"));
    return reference;
  }

  protected String awaitTask(RestClient client, String reference, String taskKey) {
    return awaitTask(client, reference, taskKey, ASYNC);
  }

  /** The id of the case's open task with the key, once the client sees it (within the given time). */
  public static String awaitTask(RestClient client, String reference, String taskKey, Duration within) {
    return await().atMost(within).until(() -> tasks(client, reference).stream()
        .filter(t -> t.get("taskDefinitionKey").asText().equals(taskKey)).findFirst(), Optional::isPresent)
        .get().get("id").asText();
  }

  public static List<JsonNode> tasks(RestClient client, String reference) {
    JsonNode tasks = client.get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + reference).json();
    return StreamSupport.stream(tasks.spliterator(), false).toList();
  }

  /** {@link Registrations#valid}, by a local authority whose name must be escaped wherever it is shown. */
  public static Map<String, Object> registration(String email) {
    Map<String, Object> registration = Registrations.valid("Journey <b>Mental</b> Health & Care", email);
    registration.put("organisationType", "local-authority");
    registration.put("staffCount", 300);
    registration.put("contactName", "Jordan Lee");
    return registration;
  }

  /** The lead assessor's findings: every indicator up to the level confirmed, no clarification. */
  public static Map<String, Object> findings(String upTo) {
    Map<String, Object> findings = perArea("ConfirmedIndicators", "AssessorComment", indicators(upTo));
    findings.put("clarificationNeeded", false);
    return findings;
  }

  /** Every indicator of every area up to the level, in the framework version new cases record. */
  public static String[] indicators(String upTo) {
    org.equitymark.framework.Level level = org.equitymark.framework.Level.fromId(upTo).orElseThrow();
    return org.equitymark.framework.TestFrameworks.latest().areas().stream().flatMap(a -> a.indicators().stream())
        .filter(i -> level.atLeast(i.levelValue())).map(i -> i.id()).toArray(String[]::new);
  }

  /** Per area, a Json list of the ids of that area under the key {area}{suffix}, plus text under {area}{textSuffix}. */
  public static Map<String, Object> perArea(String suffix, String textSuffix, String... ids) {
    Map<String, Object> answers = new LinkedHashMap<>();
    for (String area : AREAS) {
      List<String> claimed = Arrays.stream(ids).filter(id -> id.startsWith(area + ".")).toList();
      answers.put(area + suffix, jsonVariable(claimed.stream().map(id -> "\"" + id + "\"")
          .collect(Collectors.joining(",", "[", "]"))));
      answers.put(area + textSuffix, "About " + area + ": see https://provider.example/" + area);
    }
    return answers;
  }

  public static JsonVariable jsonVariable(String json) {
    return new JsonVariable(json);
  }

  /** A variable to send with type Json. */
  public record JsonVariable(String json) {
  }

  /** Camunda REST variables: {"variables": {"name": {"value": …, "type": …}}}. */
  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, value instanceof JsonVariable json
        ? Map.of("value", json.json(), "type", "Json")
        : Map.of("value", value)));
    return Map.of("variables", variables);
  }
}
