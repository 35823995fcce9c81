package org.equitymark.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.equitymark.access.Groups;
import org.equitymark.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Health, Prometheus metrics and the OpenAPI description, over HTTP as a load balancer, Prometheus or a
 * developer sees them. Spring Boot's tests switch metrics export off unless asked for it.
 */
@AutoConfigureObservability(tracing = false)
class OperationsIntegrationTests extends HttpTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OPEN_PAYMENTS = Pattern.compile(
      "(?m)^equitymark_tasks_open\\{[^}]*taskDefinitionKey=\"confirmPayment\"[^}]*} ([0-9.E]+)$");

  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void shouldReportTheDatabaseAndTheJobExecutorInHealthWithoutDetails() throws IOException {
    // when
    HttpResponse<String> health = get("/actuator/health", null);

    // then
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(health.body());
    assertThat(json.path("status").asText()).isEqualTo("UP");
    assertThat(json.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(json.path("components").path("jobExecutor").path("status").asText()).isEqualTo("UP");
    assertThat(json.path("components").path("processEngine").path("status").asText()).isEqualTo("UP");
    assertThat(health.body()).doesNotContain("lockOwner", "failedJobs", "H2", "jdbc:");
  }

  @Test
  void shouldExposeNoOtherActuatorEndpoint() {
    for (String endpoint : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
        "/actuator/loggers", "/actuator/mappings", "/actuator/metrics", "/actuator/threaddump"}) {
      assertThat(get(endpoint, null).statusCode()).as(endpoint).isEqualTo(404);
    }
    assertThat(get("/actuator/info", null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAskForASchemeManagerBeforeShowingMetrics() {
    // given
    user("ops-applicant", Groups.APPLICANTS);
    user("ops-forgetful", Groups.SCHEME_MANAGERS);

    // then (a wrong password delays that user's next login: Camunda's throttling)
    assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", basic("ops-forgetful", "wrong")).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/prometheus", basic("ops-applicant", "secret-ops-applicant")).statusCode()).isEqualTo(403);
  }

  @Test
  void shouldCountOpenTasksPerTaskKeyAndIncidentsForPrometheus() {
    // given
    user("ops-manager", Groups.SCHEME_MANAGERS);
    String manager = basic("ops-manager", "secret-ops-manager");
    HttpResponse<String> before = get("/actuator/prometheus", manager);
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.body()).contains("equitymark_incidents_open", "taskDefinitionKey=\"completeSelfAssessment\"",
        "taskDefinitionKey=\"assessEvidence\"");
    double paymentsBefore = openPayments(before.body());

    // when an applicant registers, a payment waits for finance
    assertThat(user("ops-applicant2", Groups.APPLICANTS)
        .post("/api/applications", registration("ops@provider.example")).status()).isEqualTo(201);

    // then within the metrics' few seconds of caching the count goes up
    await().atMost(ASYNC).until(() -> openPayments(get("/actuator/prometheus", manager).body()) >= paymentsBefore + 1);
  }

  @Test
  void shouldDescribeEveryOneOfOurApiEndpointsInOpenApi() throws IOException {
    // given: every /api endpoint of our controllers, as Spring maps them
    Set<String> endpoints = new TreeSet<>();
    mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod method) -> {
      if (method.getBeanType().getPackageName().startsWith("org.equitymark")) {
        for (String path : info.getPatternValues()) {
          if (path.startsWith("/api/")) {
            info.getMethodsCondition().getMethods().forEach(verb -> endpoints.add(verb.name().toLowerCase() + " " + path));
          }
        }
      }
    });
    assertThat(endpoints).contains("get /api/framework", "post /api/applications", "get /api/register");

    // when
    HttpResponse<String> docs = get("/api-docs", null);

    // then
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode paths = JSON.readTree(docs.body()).path("paths");
    Set<String> documented = new TreeSet<>();
    paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(verb -> documented.add(verb + " " + path.getKey())));
    assertThat(documented).containsAll(endpoints);
    assertThat(documented).allSatisfy(endpoint -> assertThat(endpoint).contains(" /api/"));
  }

  @Test
  void shouldServeSwaggerUi() {
    // when
    HttpResponse<String> ui = get("/swagger-ui/index.html", null);

    // then
    assertThat(get("/swagger-ui.html", null).statusCode()).isEqualTo(302);
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
  }

  private static double openPayments(String metrics) {
    Matcher matcher = OPEN_PAYMENTS.matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
