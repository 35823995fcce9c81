package org.equitymark.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.equitymark.access.Groups;
import org.equitymark.support.Registrations;
import org.equitymark.support.RestClient;
import org.equitymark.support.TestMailServer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database away for a few seconds under a running app: requests fail while it is away, the
 * app recovers by itself when it is back, and no completed task is lost. The app has a PostgreSQL
 * server of its own here, stopped and started again on the same data directory and port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class DatabaseOutageIntegrationTests {

  private static final Duration ASYNC = Duration.ofSeconds(60);
  private static final Path DATA = Path.of("target", "outage-postgres").toAbsolutePath();
  private static final int PORT = freePort();
  private static EmbeddedPostgres server = startServer(true);

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry);
    registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
    registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    // a step that failed while the database was away is retried soon, not in 5 minutes
    registry.add("equitymark.retries.cycle", () -> "R5/PT2S");
    // a job whose failure could not be recorded (the database was away) stays locked until then
    registry.add("camunda.bpm.job-execution.lock-time-in-millis", () -> "5000");
  }

  @AfterAll
  static void stopServer() throws IOException {
    server.close();
  }

  @Test
  void shouldFailWhileTheDatabaseIsAwayAndRecoverByItselfWithoutLosingACompletedTask() throws Exception {
    // given a paid case waiting for its self-assessment (the payment a completed task)
    RestClient applicant = user("outage-applicant", Groups.APPLICANTS);
    RestClient finance = user("outage-finance", Groups.FINANCE);
    Map<String, Object> registration = outageCare("outage@provider.example");
    RestClient.Response registered = applicant.post("/api/applications", registration);
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String reference = registered.json().get("reference").asText();
    String payment = awaitTask(finance, reference, CONFIRM_PAYMENT);
    assertThat(finance.post("/engine-rest/task/" + payment + "/complete", Map.of("variables", Map.of(
        "paymentReceived", Map.of("value", true), "paymentReference", Map.of("value", "BACS 1")))).status()).isEqualTo(204);

    // when the database goes away for a few seconds
    server.close();
    long away = System.nanoTime();

    // then requests fail, with an error and no stack trace
    RestClient.Response whileAway = applicant.get("/engine-rest/task?processInstanceBusinessKey=" + reference);
    assertThat(whileAway.status()).isGreaterThanOrEqualTo(500);
    assertThat(whileAway.body()).doesNotContain("\tat ");
    RestClient.Response registerWhileAway = applicant.post("/api/applications", registration);
    assertThat(registerWhileAway.status()).isGreaterThanOrEqualTo(500);
    Thread.sleep(Math.max(0, 4000 - (System.nanoTime() - away) / 1_000_000));

    // when it is back on the same data
    server = startServer(false);

    // then the app recovers by itself, the payment is still recorded, and the case goes on
    String selfAssessment = awaitTask(applicant, reference, COMPLETE_SELF_ASSESSMENT);
    assertThat(selfAssessment).isNotBlank();
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(payment).singleResult().getEndTime()).isNotNull();
    await().atMost(ASYNC).until(() -> TestMailServer.subjectsTo("outage@provider.example").stream()
        .anyMatch(s -> s.contains("self-assessment is open")));
    assertThat(applicant.post("/api/applications", outageCare("outage2@provider.example")).status()).isEqualTo(201);
  }

  private static Map<String, Object> outageCare(String contactEmail) {
    Map<String, Object> registration = Registrations.valid("Outage Care", contactEmail);
    registration.put("targetLevel", "foundation");
    return registration;
  }

  private RestClient user(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword("secret-" + id);
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
    return RestClient.anonymous(port).as(id, "secret-" + id);
  }

  private static String awaitTask(RestClient client, String reference, String taskKey) {
    return await().atMost(ASYNC).ignoreExceptions().until(() -> {
      RestClient.Response response = client.get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + reference);
      if (response.status() != 200) {
        return Optional.<String>empty();
      }
      return StreamSupport.stream(response.json().spliterator(), false)
          .filter(t -> t.get("taskDefinitionKey").asText().equals(taskKey)).findFirst().map(t -> t.get("id").asText());
    }, Optional::isPresent).get();
  }

  private static EmbeddedPostgres startServer(boolean fresh) {
    try {
      if (fresh && Files.exists(DATA)) {
        org.springframework.util.FileSystemUtils.deleteRecursively(DATA);
      }
      return EmbeddedPostgres.builder().setDataDirectory(DATA.toFile()).setCleanDataDirectory(false).setPort(PORT).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
