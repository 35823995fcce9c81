package org.equitymark.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.equitymark.process.CertificationProcess.Elements.AGREE_ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;
import static org.equitymark.support.HttpTestSupport.awaitTask;
import static org.equitymark.support.HttpTestSupport.findings;
import static org.equitymark.support.HttpTestSupport.indicators;
import static org.equitymark.support.HttpTestSupport.jsonVariable;
import static org.equitymark.support.HttpTestSupport.perArea;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.equitymark.access.Groups;
import org.equitymark.support.HttpTestSupport;
import org.equitymark.support.RestClient;
import org.equitymark.support.TestDatabase;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two app instances (child JVMs, as a scheme manager would run them) on random ports sharing one
 * PostgreSQL: cases through Stages 1–3 with requests spread over both nodes and timers firing on
 * either; one node killed (destroyForcibly) while it holds locked jobs, the survivor finishing its
 * work after the lock expires, the node restarted on the same database picking up work. Every mail
 * arrives exactly once, the killed node's included.
 */
class ClusterIntegrationTests {

  private static final int CASES = Integer.getInteger("equitymark.cluster.cases", 40);
  private static final Duration WAIT = Duration.ofSeconds(120);
  /** Long enough for the restarted node to be up before the first appeal window closes. */
  private static final String APPEAL_WINDOW = "PT60S";
  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

  private static final AtomicInteger RUNS = new AtomicInteger();

  private final int run = RUNS.incrementAndGet();
  private final List<Node> nodes = new ArrayList<>();
  private final Map<String, AtomicInteger> requestsPerNode = new ConcurrentHashMap<>();
  private String jdbcUrl;

  @AfterEach
  void stopNodes() {
    nodes.forEach(Node::kill);
  }

  @Test
  void shouldRunCasesOnTwoNodesSurviveTheLossOfOneAndPickUpWhenItIsBack() throws Exception {
    long started = System.nanoTime();
    jdbcUrl = TestDatabase.newDatabase();
    Node a = start("node-a");
    // node b works its jobs one at a time, so that it holds locked jobs for a while when killed
    Node b = start("node-b", "--camunda.bpm.job-execution.core-pool-size=1",
        "--camunda.bpm.job-execution.max-pool-size=1");
    List<Node> live = new ArrayList<>(List.of(a, b));
    RestClient admin = a.client("cluster-admin", "cluster-admin");
    createUsers(admin);

    // Stage 1: registrations over both nodes; each waits for finance past its payment reminder
    List<String> references = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      RestClient.Response registered = pick(live, i).client(applicant(i), "secret-" + applicant(i))
          .post("/api/applications", registration(i));
      assertThat(registered.status()).as(registered.body()).isEqualTo(201);
      references.add(registered.json().get("reference").asText());
    }
    await().atMost(WAIT).until(() -> allContactsGot("payment reminder"));
    for (int i = 0; i < CASES; i++) {
      complete(pick(live, i + 1), "cluster-finance", references.get(i), CONFIRM_PAYMENT,
          Map.of("paymentReceived", true, "paymentReference", "BACS " + i));
    }
    // Stage 2
    for (int i = 0; i < CASES; i++) {
      complete(pick(live, i), applicant(i), references.get(i), COMPLETE_SELF_ASSESSMENT,
          perArea("Indicators", "Evidence", indicators("foundation")));
    }
    for (int i = 0; i < CASES; i++) {
      complete(pick(live, i + 1), "cluster-support", references.get(i), REVIEW_SELF_ASSESSMENT,
          Map.of("readyForAssessment", true));
    }
    // Stage 3: the lead assessor (allocated by either node) assesses
    for (int i = 0; i < CASES; i++) {
      Node node = pick(live, i);
      String task = awaitTask(node.client("cluster-manager", "secret-cluster-manager"), references.get(i), ASSESS_EVIDENCE, WAIT);
      String lead = node.client("cluster-manager", "secret-cluster-manager").get("/engine-rest/task/" + task).json()
          .get("assignee").asText();
      HttpTestSupport.complete(node.client(lead, "secret-" + lead), task, findings("foundation"));
    }
    // the panel approves; half-way, node b is killed while it holds locked jobs
    int lockedAtKill = 0;
    Set<String> heldAtKill = Set.of();
    long mailsClaimedAtKill = 0;
    long killedAt = 0;
    // (a burst of approvals to node b right before, so that its one job thread has a queue of locked jobs)
    int burstFrom = CASES / 2;
    int burstTo = Math.min(CASES - 1, burstFrom + 9);
    for (int i = 0; i < CASES; i++) {
      Node node = i >= burstFrom && i <= burstTo ? via(b) : pick(live, i);
      complete(node, "cluster-panel", references.get(i), APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
      if (i == burstTo) {
        lockedAtKill = awaitLockedJobs("node-b");
        b.kill();
        heldAtKill = businessKeysOfJobsLockedBy("node-b");
        mailsClaimedAtKill = count("select count(*) from em_mail_outbox where sent_at is null and claimed_by like '%:"
            + b.process.pid() + "/%'");
        killedAt = System.nanoTime();
        live.remove(b);
      }
    }
    // the survivor finishes the killed node's jobs after their lock expired
    await().atMost(WAIT).until(() -> lockedBy("node-b") == 0 && allContactsGot("is certified"));
    double recoverySeconds = (System.nanoTime() - killedAt) / 1e9;

    // node b restarted on the same database picks up work
    Node b2 = start("node-b2");
    live.add(b2);
    for (int i = 0; i < CASES; i++) {
      Node node = pick(live, i);
      RestClient applicant = node.client(applicant(i), "secret-" + applicant(i));
      String task = awaitTask(applicant, references.get(i), AGREE_ACTION_PLAN, WAIT);
      HttpTestSupport.complete(applicant, task, Map.of("actionPlan", jsonVariable(agreedPlan(applicant, task))));
    }
    // the appeal window closes by timer on either node and every certified case goes on to monitoring (Stage 4)
    await().atMost(WAIT).until(() -> count("select count(*) from act_hi_procinst "
        + "where proc_def_key_ = 'certificate-monitoring' and state_ = 'ACTIVE'") == CASES);
    double seconds = (System.nanoTime() - started) / 1e9;

    // then every case is certified and monitored, with exactly one active certificate, and nothing was cut short
    assertThat(count("select count(*) from act_hi_procinst where state_ not in ('ACTIVE', 'COMPLETED')")).isZero();
    assertThat(count("select count(*) from act_ru_execution where act_id_ = 'monitorCertificate'")).isEqualTo(CASES);
    assertThat(count("select count(*) from em_certificate where state = 'active'")).isEqualTo(CASES);
    assertThat(count("select count(distinct application_reference) from em_certificate")).isEqualTo(CASES);
    assertThat(count("select count(*) from act_ru_incident")).isZero();
    // only timers wait now (annual returns, reassessment, expiry): no step is left undone or locked (the nightly
    // history cleanup is one job of the whole cluster, not a step, and runs whenever the test falls in its window)
    assertThat(count("select count(*) from act_ru_job where type_ <> 'timer' and handler_type_ <> 'history-cleanup'"))
        .isZero();
    assertThat(count("select count(*) from act_ru_job where lock_owner_ is not null "
        + "and handler_type_ <> 'history-cleanup'")).isZero();
    assertThat(count("select count(*) from act_ru_job where handler_type_ = 'history-cleanup'")).isOne();
    // numbers unique and gap-free per year
    assertGapFree("select certificate_number from em_certificate");
    assertGapFree("select reference from em_application");
    // no timer fired twice: one payment reminder and one appeal-window closing per case
    assertThat(count("select count(*) from act_hi_actinst where act_id_ = 'sendPaymentReminder'")).isEqualTo(CASES);
    assertThat(count("select count(*) from act_hi_actinst where act_id_ = 'appealWindowClosed'")).isEqualTo(CASES);
    assertThat(count("select count(*) from (select proc_inst_id_ from act_hi_actinst where act_id_ in "
        + "('sendPaymentReminder', 'issueCertificate', 'sendCertificate', 'sendInvoice') and end_time_ is not null "
        + "group by proc_inst_id_, act_id_ having count(*) > 1) twice")).isZero();
    // no duplicate mail: each contact got each of its mails exactly once, the cases whose jobs the killed
    // node held included (a mail is recorded with its step and sent after the commit, by one claimant),
    // and every mail recorded was sent: as many received as recorded, none left waiting
    long secondCopies = 0;
    for (int i = 0; i < CASES; i++) {
      List<String> subjects = TestMailServer.subjectsTo(contact(i));
      Map<String, Long> timesEach = subjects.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
      secondCopies += timesEach.values().stream().mapToLong(times -> times - 1).sum();
      assertThat(timesEach.values()).as(contact(i) + " " + timesEach + (heldAtKill.contains(references.get(i))
          ? " (its jobs were held by the killed node)" : "")).allMatch(times -> times == 1);
      assertThat(subjects).as(contact(i)).anyMatch(s -> s.contains("invoice")).anyMatch(s -> s.contains("payment reminder"))
          .anyMatch(s -> s.contains("is certified"));
      assertThat((long) subjects.size()).as(contact(i)).isEqualTo(count("select count(*) from em_mail_outbox "
          + "where recipient = '" + contact(i) + "' and sent_at is not null"));
    }
    assertThat(secondCopies).isZero();
    assertThat(count("select count(*) from em_mail_outbox where sent_at is null")).isZero();
    // timers and jobs ran on every node, the restarted one included
    Map<String, Long> jobsPerNode = grouped("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_");
    Map<String, Long> timersPerNode = grouped("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 "
        + "and job_def_type_ like 'timer%' group by hostname_");
    assertThat(jobsPerNode.keySet()).contains("node-a", "node-b", "node-b2");
    assertThat(timersPerNode.keySet()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(lockedAtKill).isPositive();

    String figures = String.format("CLUSTER FIGURES: %d cases through Stages 1-3 in %.1f s on 2 nodes + 1 restart; "
        + "requests per node %s; jobs run per node %s; timer jobs per node %s; jobs locked by node-b when killed: %d "
        + "(cases %s); mails it was sending when killed: %d; "
        + "its work finished by node-a %.1f s after the kill (lock time 8 s); 0 incidents, %d duplicate mails, "
        + "certificate numbers EM-…-00001..%05d gap-free",
        CASES, seconds, new java.util.TreeMap<>(requestsPerNode), new java.util.TreeMap<>(jobsPerNode),
        new java.util.TreeMap<>(timersPerNode), lockedAtKill, heldAtKill, mailsClaimedAtKill, recoverySeconds, secondCopies, CASES);
    System.out.println(figures);
    Files.writeString(Path.of("target", "cluster-figures.txt"), figures + System.lineSeparator());
  }

  // ---------------------------------------------------------------------------------------------

  private Node pick(List<Node> live, int i) {
    Node node = live.get(Math.floorMod(i, live.size()));
    requestsPerNode.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
    return node;
  }

  private Node via(Node node) {
    requestsPerNode.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
    return node;
  }

  private void createUsers(RestClient admin) {
    Map<String, String> staff = new LinkedHashMap<>();
    staff.put("cluster-manager", Groups.SCHEME_MANAGERS);
    staff.put("cluster-finance", Groups.FINANCE);
    staff.put("cluster-support", Groups.SUPPORT_OFFICERS);
    staff.put("cluster-panel", Groups.CERTIFICATION_PANEL);
    for (int i = 1; i <= 4; i++) {
      staff.put("cluster-assessor" + i, Groups.ASSESSORS);
    }
    for (int i = 0; i < CASES; i++) {
      staff.put(applicant(i), Groups.APPLICANTS);
    }
    staff.forEach((id, group) -> {
      RestClient.Response created = admin.post("/engine-rest/user/create", Map.of(
          "profile", Map.of("id", id, "firstName", id, "lastName", "Cluster", "email", id + "@cluster.example"),
          "credentials", Map.of("password", "secret-" + id)));
      assertThat(created.status()).as(created.body()).isEqualTo(204);
      assertThat(admin.put("/engine-rest/group/" + group + "/members/" + id, Map.of()).status()).isEqualTo(204);
    });
    RestClient manager = nodes.get(1).client("cluster-manager", "secret-cluster-manager");
    for (int i = 1; i <= 4; i++) {
      assertThat(manager.put("/api/assessors/cluster-assessor" + i, Map.of("displayName", "Assessor " + i,
          "gender", i % 2 == 0 ? "man" : "woman", "minoritised", "yes", "active", true, "ties", List.of()))
          .status()).isEqualTo(200);
    }
  }

  private static String applicant(int i) {
    return "cluster-applicant" + i;
  }

  /** The case's contact address: a run's own, as the mail server outlives a run (Failsafe may rerun the test). */
  private String contact(int i) {
    return "cluster" + i + "-run" + run + "@provider.example";
  }

  private Map<String, Object> registration(int i) {
    Map<String, Object> registration = HttpTestSupport.registration(contact(i));
    registration.put("organisationName", "Cluster Provider " + i);
    registration.put("staffCount", 50 + i);
    registration.put("targetLevel", "foundation");
    return registration;
  }


  private static String agreedPlan(RestClient client, String task) {
    JsonNode value = client.get("/engine-rest/task/" + task + "/form-variables?deserializeValues=false").json().get("actionPlan").get("value");
    String json = value.isTextual() ? value.asText() : value.toString();
    String date = java.time.LocalDate.now().plusMonths(6).toString();
    return json.replaceAll("\"personResponsible\"\\s*:\\s*(null|\"[^\"]*\")", "\"personResponsible\":\"Dana Fox\"")
        .replaceAll("\"targetDate\"\\s*:\\s*(null|\"[^\"]*\")", "\"targetDate\":\"" + date + "\"");
  }

  private void complete(Node node, String user, String reference, String taskKey, Map<String, Object> values) {
    RestClient client = node.client(user, "secret-" + user);
    HttpTestSupport.complete(client, awaitTask(client, reference, taskKey, WAIT), values);
  }

  private boolean allContactsGot(String subject) {
    for (int i = 0; i < CASES; i++) {
      if (TestMailServer.subjectsTo(contact(i)).stream().noneMatch(s -> s.contains(subject))) {
        return false;
      }
    }
    return true;
  }

  /** Waits (up to 30 s) until the node holds locked jobs; how many it held. */
  private int awaitLockedJobs(String node) {
    long until = System.currentTimeMillis() + 30_000;
    int locked = 0;
    while (locked == 0 && System.currentTimeMillis() < until) {
      locked = lockedBy(node);
      if (locked == 0) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 0;
        }
      }
    }
    return locked;
  }

  /** The business keys of the cases whose jobs the node had locked. */
  private Set<String> businessKeysOfJobsLockedBy(String node) {
    Set<String> keys = new TreeSet<>();
    try (Connection c = connection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select distinct p.business_key_ from act_ru_job j join act_ru_execution p "
            + "on p.id_ = j.process_instance_id_ where j.lock_owner_ = '" + node + "'")) {
      while (r.next()) {
        keys.add(r.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return keys;
  }

  private int lockedBy(String node) {
    try (Connection c = connection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("select count(*) from act_ru_job where lock_owner_ = '" + node + "'")) {
      r.next();
      return r.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long count(String sql) {
    try (Connection c = connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Long> grouped(String sql) {
    Map<String, Long> result = new LinkedHashMap<>();
    try (Connection c = connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        result.put(r.getString(1), r.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return result;
  }

  /** The numbers ({prefix}-{year}-{n}) of each year run from 1 without a gap or a repeat. */
  private void assertGapFree(String sql) {
    Map<String, List<Integer>> byYear = new LinkedHashMap<>();
    try (Connection c = connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        String[] parts = r.getString(1).split("-");
        byYear.computeIfAbsent(parts[1], y -> new ArrayList<>()).add(Integer.parseInt(parts[2]));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    byYear.forEach((year, numbers) -> assertThat(numbers.stream().sorted().toList()).as(year)
        .isEqualTo(java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList()));
  }

  private Connection connection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
  }

  private Node start(String name, String... arguments) throws Exception {
    Node node = new Node(name, jdbcUrl, arguments);
    nodes.add(node);
    node.awaitStarted();
    return node;
  }

  /** An app instance in a JVM of its own, on the test classpath, with a random port. */
  private static final class Node {

    private final String name;
    private final Process process;
    private final Path log;
    private int port;

    Node(String name, String jdbcUrl, String... arguments) throws IOException {
      this.name = name;
      this.log = Path.of("target", "cluster-" + name + ".log");
      // the test classpath, each entry once, without the packaged jar (its models would deploy twice)
      String classpath = java.util.Arrays.stream(System.getProperty("surefire.test.class.path",
              System.getProperty("java.class.path")).split(File.pathSeparator))
          .distinct().filter(entry -> !entry.endsWith("equitymark.jar"))
          .collect(Collectors.joining(File.pathSeparator));
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
          "-cp", classpath, "org.equitymark.EquityMarkApplication",
          "--server.port=0",
          "--spring.main.banner-mode=off",
          "--spring.datasource.url=" + jdbcUrl,
          "--spring.datasource.username=postgres",
          "--spring.datasource.password=postgres",
          "--spring.mail.host=127.0.0.1",
          "--spring.mail.port=" + TestMailServer.server().getSmtp().getPort(),
          "--camunda.bpm.admin-user.id=cluster-admin",
          "--camunda.bpm.admin-user.password=cluster-admin",
          // the test's users have well-known passwords (secret-{id}), which the policy refuses
          "--camunda.bpm.generic-properties.properties.enable-password-policy=false",
          "--camunda.bpm.job-execution.lock-time-in-millis=8000",
          "--camunda.bpm.job-execution.wait-time-in-millis=300",
          "--camunda.bpm.job-execution.max-wait=1000",
          "--camunda.bpm.generic-properties.properties.hostname=" + name,
          "--equitymark.test.node=" + name,
          "--equitymark.data-dir=" + new File("target", "cluster-" + name).getAbsolutePath(),
          "--equitymark.timers.payment-reminder=R1/PT3S",
          "--equitymark.timers.appeal-window=" + APPEAL_WINDOW,
          // a dead node's claim on a mail it was sending expires soon, and the outbox is looked at often
          "--equitymark.mail.outbox.claim-time=PT10S",
          "--equitymark.mail.outbox.poll-interval=PT1S",
          "--logging.level.org.camunda=WARN"));
      command.addAll(List.of(arguments));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      this.process = builder.start();
    }

    void awaitStarted() {
      await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " ended; see " + log);
        }
        String text = Files.readString(log);
        Matcher matcher = PORT.matcher(text);
        if (matcher.find() && text.contains("Started EquityMarkApplication")) {
          port = Integer.parseInt(matcher.group(1));
          return true;
        }
        return false;
      });
    }

    RestClient client(String user, String password) {
      return RestClient.anonymous(port).as(user, password);
    }

    void kill() {
      if (process.isAlive()) {
        process.destroyForcibly();
        try {
          process.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
