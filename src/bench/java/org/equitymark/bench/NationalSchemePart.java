package org.equitymark.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.equitymark.certificate.StateChange;
import org.equitymark.monitoring.MonitoringProcess;
import org.equitymark.process.CertificationProcess;
import org.equitymark.support.ProcessTestSupport;

/**
 * Part 6, a national scheme simulated (PostgreSQL): {@code bench.orgs} organisations register over a
 * simulated year and are driven through {@code bench.years} more years on the engine clock, a day at a
 * time: the due timers and asynchronous steps run by Camunda's job executor, then each open task is
 * done by its user on a day drawn from a seeded {@link Random} (or never: a payment that lapses, a
 * return that is missed), with the mix of outcomes set by {@code bench.*Rate} properties. At the end the
 * state is checked: every certificate's state agrees with its monitoring's history, no incident, no job
 * run twice; the run fails if not.
 */
final class NationalSchemePart {

  private static final String PART = "6 national scheme";
  private static final int ORGS = Integer.getInteger("bench.orgs", 2000);
  private static final int YEARS = Integer.getInteger("bench.years", 3);
  private static final long SEED = Long.getLong("bench.seed", 2026);
  private static final int USERS = Integer.getInteger("bench.users", 4);
  private static final int QUERIES = Integer.getInteger("bench.peakQueries", 20);
  /**
   * The longest pause between two looks at the due jobs while they drain: the look counts every job (a scan of
   * ACT_RU_JOB, thousands of timers), and at 5 ms it was in a fifth of the statements sampled in PostgreSQL at
   * 10,000 organisations.
   */
  private static final long MAX_DRAIN_PAUSE_MILLIS = 40;
  private static final Instant FIRST_DAY = Instant.parse("2027-01-04T09:00:00Z");
  private static final String[] LEVELS = {"foundation", "developing", "competence", "excellence"};
  private static final double[] TARGET_MIX = {0.25, 0.45, 0.2, 0.1};

  private static final double LAPSE = rate("lapseRate", 0.03);
  private static final double WITHDRAW = rate("withdrawRate", 0.03);
  private static final double NOT_READY = rate("notReadyRate", 0.2);
  private static final double CLARIFY = rate("clarificationRate", 0.25);
  private static final double BELOW_TARGET = rate("belowTargetRate", 0.15);
  private static final double REFER_BACK = rate("referBackRate", 0.08);
  private static final double APPEAL = rate("appealRate", 0.05);
  private static final double UPHELD = rate("upheldRate", 0.3);
  private static final double MISSED_RETURN = rate("missedReturnRate", 0.05);
  private static final double REJECTED_RETURN = rate("rejectedReturnRate", 0.08);
  private static final double CURE = rate("cureRate", 0.8);
  private static final double REASSESS = rate("reassessRate", 0.8);

  private final String db;
  private final BenchDatabase.Target target;
  private final ResultTable table;
  private final Random random = new Random(SEED);

  private EquityMarkSystem ours;
  private ProcessEngine engine;
  private RuntimeService runtime;
  private TaskService tasks;
  private HistoryService history;
  private ManagementService management;

  /** Planned actions by simulated day. */
  private final TreeMap<Integer, List<Planned>> plan = new TreeMap<>();
  private final Set<String> seen = new HashSet<>();
  private final Map<String, String> applicantOfOrganisation = new HashMap<>();
  private final Map<String, String> confirmedLevel = new HashMap<>();
  private final Set<String> referredBack = new HashSet<>();
  private final Map<String, Integer> actions = Collections.synchronizedMap(new TreeMap<>());
  private final Map<String, Integer> refused = Collections.synchronizedMap(new TreeMap<>());
  private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService users = Executors.newFixedThreadPool(USERS);
  private final StepClock clock = new StepClock();
  private int day;
  private final List<Map<String, Object>> months = new ArrayList<>();
  private long[] monthStart;
  private long started;
  private long listNanos;

  private record Planned(String taskId, String key, String user, Map<String, Object> variables) {
  }

  NationalSchemePart(String db, BenchDatabase.Target target, ResultTable table) {
    this.db = db;
    this.target = target;
    this.table = table;
  }

  /**
   * A rate of the mix: {@code -Dbench.rates=lapseRate=0.1,appealRate=0.2} (what Maven passes on), or
   * {@code -Dbench.lapseRate=0.1} when the class is run directly.
   */
  private static double rate(String name, double fallback) {
    for (String pair : System.getProperty("bench.rates", "").split(",")) {
      String[] nameAndValue = pair.trim().split("=");
      if (nameAndValue.length == 2 && nameAndValue[0].equals(name)) {
        return Double.parseDouble(nameAndValue[1]);
      }
    }
    return Double.parseDouble(System.getProperty("bench." + name, String.valueOf(fallback)));
  }

  Map<String, Object> run() {
    Benchmark.log("[%s] 6. national scheme: %d organisations over a year, then %d years (seed %d)", db, ORGS, YEARS,
        SEED);
    Map<String, Object> json = new LinkedHashMap<>();
    try (EquityMarkSystem system = new EquityMarkSystem("EquityMark, national scheme", target)) {
      ours = system;
      engine = system.engine();
      runtime = engine.getRuntimeService();
      tasks = engine.getTaskService();
      history = engine.getHistoryService();
      management = engine.getManagementService();
      StatementCounter.install(engine);
      simulate(json);
      check(system.context().getBean(Certificates.class), json);
    } finally {
      users.shutdownNow();
      ClockUtil.reset();
    }
    return json;
  }

  private void simulate(Map<String, Object> json) {
    int[] registrations = new int[365];
    for (int i = 0; i < ORGS; i++) {
      registrations[random.nextInt(365)]++;
    }
    int days = 365 * (1 + YEARS);
    monthStart = counters();
    long peakOpen = 0;
    long measuredAt = 0;
    int peakDay = 0;
    Map<String, Double> peakP95 = Map.of();
    long jobMillis = 0;
    started = System.nanoTime();
    for (day = 0; day < days; day = nextDay(registrations, days)) {
      ClockUtil.setCurrentTime(Date.from(FIRST_DAY.plus(Duration.ofDays(day))));
      while (months.size() < day / 30) {
        closeMonth();
      }
      jobMillis += drainJobs();
      // the day's users act while the job executor runs what they start, as in the app
      ours.startJobExecutor();
      try {
        for (int i = 0; day < 365 && i < registrations[day]; i++) {
          register();
        }
        actInParallel(plan.getOrDefault(day, List.of()));
        plan.remove(day);
        jobMillis += drainJobs();
      } finally {
        ours.stopJobExecutor();
      }
      planNewTasks();
      long open = tasks.createTaskQuery().count();
      if (open > peakOpen) {
        peakOpen = open;
        peakDay = day;
        if (open >= measuredAt * 1.25 && open >= 20) {
          // the lists at (close to) the peak: measured again whenever the open tasks grew by a quarter, not counted
          // in the simulation's time
          long measuring = System.nanoTime();
          peakP95 = TaskListPart.p95ByRole(engine, anyApplicant(), QUERIES);
          measuredAt = open;
          listNanos += System.nanoTime() - measuring;
        }
      }
    }
    closeMonth();
    double seconds = (System.nanoTime() - started - listNanos) / 1e9;
    json.put("organisations", ORGS);
    json.put("simulatedDays", days);
    json.put("seed", SEED);
    json.put("wallSeconds", Figures.round(seconds));
    json.put("listMeasuringSeconds", Figures.round(listNanos / 1e9));
    json.put("jobSeconds", Figures.round(jobMillis / 1000.0));
    json.put("months", months);
    json.put("actions", actions);
    json.put("refused", refused);
    json.put("peakOpenTasks", Map.of("open", peakOpen, "day", peakDay, "measuredAt", measuredAt, "p95Ms", peakP95));
    table.add(db, PART, "wall time s, " + ORGS + " organisations, " + days + " simulated days (waiting for jobs "
        + Math.round(jobMillis / 1000.0) + " s; measuring lists " + Math.round(listNanos / 1e9) + " s, not counted)", Figures.format(seconds), "", Double.NaN, "10,000 in 1800 s",
        null);
    table.add(db, PART, "wall time ms per organisation", Figures.format(seconds * 1000 / ORGS), "", Double.NaN,
        "<= 180", seconds * 1000 / ORGS <= 180);
    for (String figure : List.of("casesStarted", "userTasksCompleted", "jobsRun")) {
      List<Double> values = months.stream().map(m -> ((Number) m.get(figure)).doubleValue()).toList();
      table.add(db, PART, figure + " per simulated month: median (min-max)", Figures.Runs.of(values).text(), "",
          Double.NaN, null, null);
    }
    table.add(db, PART, "peak open tasks (simulated day)", peakOpen + " (" + peakDay + ")", "", Double.NaN, null,
        null);
    final long measured = measuredAt;
    peakP95.forEach((list, p95) -> table.add(db, PART, "p95 ms " + list + ", at " + measured + " open tasks",
        Figures.format(p95), "", Double.NaN, null, null));
    Map<String, Object> steps = new LinkedHashMap<>();
    clock.samples().forEach((step, samples) -> {
      double statements = Figures.percentile(clock.statements().get(step), 50);
      steps.put(step, Map.of("count", samples.size(), "p50Ms", Figures.round(Figures.percentile(samples, 50)),
          "statementsP50", statements, "totalSeconds",
          Figures.round(samples.stream().mapToDouble(Double::doubleValue).sum() / 1000)));
      table.add(db, PART, "user step p50 ms, engine statements: " + step + " (x" + samples.size() + ")",
          Figures.format(Figures.percentile(samples, 50)) + ", " + Math.round(statements), "", Double.NaN, null,
          null);
    });
    json.put("steps", steps);
  }

  /**
   * The next simulated day on which something happens: an organisation registers, a user acts, or a
   * timer falls due; days in between change nothing, so the clock jumps over them (at the last day at most).
   */
  private int nextDay(int[] registrations, int days) {
    int next = days - 1 > day ? days - 1 : days;
    for (int d = day + 1; d < Math.min(365, next); d++) {
      if (registrations[d] > 0) {
        next = d;
        break;
      }
    }
    Integer planned = plan.ceilingKey(day + 1);
    if (planned != null) {
      next = Math.min(next, planned);
    }
    var due = management.createJobQuery().orderByJobDuedate().asc().listPage(0, 1);
    if (!due.isEmpty() && due.get(0).getDuedate() != null) {
      long millis = due.get(0).getDuedate().getTime() - FIRST_DAY.toEpochMilli();
      long dayMillis = Duration.ofDays(1).toMillis();
      int dueDay = (int) Math.floorDiv(millis + dayMillis - 1, dayMillis);
      next = Math.min(next, Math.max(day + 1, dueDay));
    }
    return next;
  }

  /** A simulated month's figures, from the history since the month before. */
  private void closeMonth() {
    long[] now = counters();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("month", months.size() + 1);
    figures.put("casesStarted", now[0] - monthStart[0]);
    figures.put("userTasksCompleted", now[1] - monthStart[1]);
    figures.put("jobsRun", now[2] - monthStart[2]);
    figures.put("openTasks", tasks.createTaskQuery().count());
    figures.put("wallSeconds", Figures.round((System.nanoTime() - started) / 1e9));
    months.add(figures);
    monthStart = now;
    Benchmark.forgetMails();
    Benchmark.log("[%s] 6. month %d: %s", db, months.size(), figures);
  }

  /** Cases started, user tasks completed and jobs run so far (history). */
  private long[] counters() {
    return new long[] {history.createHistoricProcessInstanceQuery().count(),
        history.createHistoricTaskInstanceQuery().finished().count(),
        history.createHistoricJobLogQuery().successLog().count()};
  }

  /**
   * Runs every due job with the app's own job executor until none is due (started here and stopped again, unless
   * it is running already); the milliseconds it took. It looks again after 5 ms, then twice as long each time.
   */
  private long drainJobs() {
    if (management.createJobQuery().executable().count() == 0) {
      return 0;
    }
    long start = System.nanoTime();
    boolean running = ours.jobExecutorRunning();
    if (!running) {
      ours.startJobExecutor();
    }
    try {
      long pause = 5;
      while (management.createJobQuery().executable().count() > 0) {
        if (System.nanoTime() - start > 600_000_000_000L) {
          throw new IllegalStateException("jobs still due after 10 minutes on day " + day);
        }
        JobDrain.sleep(pause);
        pause = Math.min(pause * 2, MAX_DRAIN_PAUSE_MILLIS);
      }
    } finally {
      if (!running) {
        ours.stopJobExecutor();
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private void register() {
    String applicant = ours.createApplicant();
    String level = draw(LEVELS, TARGET_MIX);
    ProcessInstance instance = clock.time("register", () -> ours.registerAiming(applicant, level));
    String organisation = (String) runtime.getVariable(instance.getId(), CertificationProcess.ORGANISATION_ID.name());
    applicantOfOrganisation.put(organisation, applicant);
  }

  private String anyApplicant() {
    Task task = tasks.createTaskQuery().taskDefinitionKey(CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT)
        .listPage(0, 1).stream().findFirst().orElse(null);
    return task == null ? applicantOfOrganisation.values().iterator().next() : applicantOf(task);
  }

  /** Each task created today gets its user, its answers and its day, or none (left to its timers). */
  /**
   * Plans the tasks created since the last look, in an order that is the same on every run of a seed (the case's
   * reference, the task, its assignee): ids and creation order follow the job executor's threads, and each task
   * draws from the one seeded generator, so an order that varied would vary the mix.
   */
  private void planNewTasks() {
    Date today = ClockUtil.getCurrentTime();
    List<Task> fresh = tasks.createTaskQuery().taskCreatedAfter(new Date(today.getTime() - 1000)).list().stream()
        .filter(task -> !seen.contains(task.getId())).toList();
    if (fresh.isEmpty()) {
      return;
    }
    Map<String, String> references = new HashMap<>();
    runtime.createProcessInstanceQuery()
        .processInstanceIds(fresh.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet())).list()
        .forEach(instance -> references.put(instance.getId(), String.valueOf(instance.getBusinessKey())));
    fresh.stream().sorted(Comparator.comparing((Task task) -> references.getOrDefault(task.getProcessInstanceId(), ""))
            .thenComparing(Task::getTaskDefinitionKey)
            .thenComparing(task -> String.valueOf(task.getAssignee())))
        .forEach(task -> {
          seen.add(task.getId());
          planTask(task);
        });
  }

  private void planTask(Task task) {
    String key = task.getTaskDefinitionKey();
    String instance = task.getProcessInstanceId();
    switch (key) {
      case "confirmPayment" -> {
        if (!chance(LAPSE)) {
          later(task, 1, 40, "finance1", Map.of("paymentReceived", true, "paymentReference", "BACS " + day));
        }
      }
      case "completeSelfAssessment" -> {
        if (!chance(WITHDRAW)) {
          later(task, 5, 60, applicantOf(task),
              ProcessTestSupport.selfAssessment(ProcessTestSupport.allIndicatorsUpTo(targetOf(instance))));
        }
      }
      case "reviewSelfAssessment" -> {
        long rounds = number(instance, CertificationProcess.SELF_ASSESSMENT_ROUNDS.name());
        later(task, 1, 10, random.nextBoolean() ? "support1" : "support2", rounds <= 1 && chance(NOT_READY)
            ? Map.of("readyForAssessment", false, "supportAdvice", "Add the minutes where the board adopted the plan.")
            : Map.of("readyForAssessment", true));
      }
      case "assessEvidence" -> {
        long rounds = number(instance, CertificationProcess.CLARIFICATION_ROUNDS.name());
        String[] confirmed = confirmed(instance);
        later(task, 3, 25, task.getAssignee(), ProcessTestSupport.assessment(rounds < 2 && chance(CLARIFY), confirmed));
      }
      case "provideClarification" -> later(task, 2, 25, applicantOf(task),
          Map.of("clarificationResponse", "The minutes are at https://provider.example/minutes"));
      case "supportClarification" -> later(task, 1, 5, "support2",
          Map.of("supportNotes", "Called the contact; the answer is on its way."));
      case "reviewAsPanelMember" -> later(task, 1, 10, task.getAssignee(), Map.of("panelMemberAgrees", true));
      case "moderateAssessment" -> later(task, 1, 10, "moderator1", Map.of("moderationAgreed", true));
      case "approveCertification" -> later(task, 1, 10, "panel1",
          !referredBack.contains(instance) && chance(REFER_BACK) && referredBack.add(instance)
              ? Map.of("panelDecision", "refer-back", "panelComments", "Check the outcomes evidence again.")
              : Map.of("panelDecision", "approve"));
      case "agreeActionPlan" -> later(task, 1, 20, applicantOf(task), null);
      case "lodgeAppeal" -> {
        boolean atTarget = "certified-at-target".equals(runtime.getVariable(instance, "outcome"));
        if (chance(atTarget ? APPEAL : Math.min(1, 4 * APPEAL))) {
          later(task, 3, 25, applicantOf(task),
              Map.of("appealGrounds", "The assessor did not read the outcomes evidence we sent in round two."));
        }
      }
      case "reviewAppeal" -> later(task, 5, 20, appealsOfficer(instance), chance(UPHELD)
          ? Map.of("appealDecision", "upheld", "appealDecisionReasons", "The round-two evidence was not considered.")
          : Map.of("appealDecision", "dismissed", "appealDecisionReasons", "The evidence was considered in full."));
      case "allocateAssessorsManually" -> later(task, 1, 5, "manager1",
          Map.of("leadAssessor", "assessor" + (1 + random.nextInt(6))));
      case "confirmRegistration" -> {
        if (chance(REASSESS)) {
          later(task, 5, 30, applicantOf(task), Map.of());
        }
      }
      case "submitAnnualReturn" -> {
        if (!chance(MISSED_RETURN)) {
          later(task, 5, 40, applicantOf(task), annualReturn());
        }
      }
      case "reviewAnnualReturn" -> later(task, 2, 20, anyAssessor(), chance(REJECTED_RETURN)
          ? Map.of("revalidated", false, "reviewComments", "No progress on the training item.")
          : Map.of("revalidated", true));
      case "submitCorrectiveReturn" -> {
        if (chance(CURE)) {
          later(task, 10, 60, applicantOf(task),
              Map.of("correctiveActions", "Training for all ward staff was delivered in May."));
        }
      }
      case "reviewCorrectiveReturn" -> later(task, 2, 14, anyAssessor(), chance(0.85)
          ? Map.of("correctionAccepted", true)
          : Map.of("correctionAccepted", false, "correctionReviewComments", "The training covered one ward of four."));
      default -> actions.merge("unplanned " + key, 1, Integer::sum);
    }
  }

  private void later(Task task, int minDays, int maxDays, String user, Map<String, Object> variables) {
    int on = day + minDays + random.nextInt(maxDays - minDays + 1);
    plan.computeIfAbsent(on, d -> new ArrayList<>()).add(new Planned(task.getId(), task.getTaskDefinitionKey(), user,
        variables));
  }

  /** The day's planned actions, done by {@code bench.users} people at once (each on its own thread). */
  private void actInParallel(List<Planned> planned) {
    List<Future<?>> done = planned.stream().<Future<?>>map(action -> users.submit(() -> act(action))).toList();
    for (Future<?> action : done) {
      try {
        action.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a user's action failed on day " + day, e.getCause());
      }
    }
  }

  private void act(Planned action) {
    Task task = tasks.createTaskQuery().taskId(action.taskId()).singleResult();
    if (task == null) {
      actions.merge(action.key() + " (gone)", 1, Integer::sum);
      return;
    }
    Map<String, Object> variables = action.variables() == null
        ? Map.of("actionPlan", ours.agreedActionPlan(task.getProcessInstanceId()))
        : action.variables();
    try {
      complete(action, variables);
      actions.merge(action.key(), 1, Integer::sum);
    } catch (RuntimeException refusal) {
      refused.merge(action.key(), 1, Integer::sum);
      if (refusals.size() < 10) {
        refusals.add(action.key() + " by " + action.user() + ": " + refusal.getMessage());
        Benchmark.log("[%s] 6. refused: %s by %s: %s", db, action.key(), action.user(), refusal.getMessage());
      }
    }
  }

  /**
   * Completes the task as its user. A step of the same case that the job executor runs at that moment makes the
   * engine refuse one of the two (optimistic locking): the user tries again, as a Tasklist user would. A manager
   * whose pick of assessor the app refuses (not eligible for the case) picks the next one.
   */
  private void complete(Planned action, Map<String, Object> variables) {
    Map<String, Object> answer = variables;
    for (int attempt = 1; ; attempt++) {
      try {
        Map<String, Object> tried = answer;
        clock.time(action.key(), () -> ours.completeAs(action.user(), action.taskId(), tried));
        return;
      } catch (OptimisticLockingException conflict) {
        actions.merge(action.key() + " (tried again)", 1, Integer::sum);
        if (attempt == 5) {
          throw conflict;
        }
      } catch (RuntimeException refusal) {
        if (concurrentChange(refusal)) {
          if (tasks.createTaskQuery().taskId(action.taskId()).count() == 0) {
            actions.merge(action.key() + " (gone after a concurrent change)", 1, Integer::sum);
            return;
          }
          actions.merge(action.key() + " (tried again)", 1, Integer::sum);
          if (attempt < 5) {
            continue;
          }
        }
        String assessor = (String) answer.get("leadAssessor");
        if (!"allocateAssessorsManually".equals(action.key()) || assessor == null || attempt >= 6) {
          throw refusal;
        }
        actions.merge(action.key() + " (another assessor)", 1, Integer::sum);
        answer = Map.of("leadAssessor", "assessor" + (1 + Integer.parseInt(assessor.substring(8)) % 6));
      }
    }
  }

  /**
   * A write that the database refused because another transaction changed the same case at that moment (for example
   * a row it refers to was deleted when another user completed a task of the case), which the engine reports as a
   * persistence-layer exception rather than as optimistic locking.
   */
  private static boolean concurrentChange(Throwable refusal) {
    for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- the end state

  private void check(Certificates certificates, Map<String, Object> json) {
    Map<String, Integer> byState = new TreeMap<>();
    List<String> disagreements = new ArrayList<>();
    List<String> numbers = certificateNumbers();
    for (String number : numbers) {
      Certificate certificate = certificates.find(number).orElseThrow();
      List<StateChange> changes = certificates.history(number);
      CertificateState expected = expectedState(certificate);
      byState.merge(certificate.state().id(), 1, Integer::sum);
      if (changes.isEmpty() || changes.get(changes.size() - 1).state() != certificate.state()
          || expected != certificate.state()) {
        disagreements.add(number + " is " + certificate.state() + ", its monitoring says " + expected
            + ", its history ends " + (changes.isEmpty() ? "nowhere" : changes.get(changes.size() - 1).state()));
      }
    }
    long incidents = runtime.createIncidentQuery().count();
    long failing = management.createJobQuery().withException().count();
    long twice = JobLog.repeatedSuccesses(engine);
    int refusedTotal = refused.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Long> endsOfCases = new TreeMap<>();
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(CertificationProcess.KEY).finished().list()) {
      endsOfCases.merge(String.valueOf(instance.getEndActivityId()), 1L, Long::sum);
    }
    endsOfCases.put("(running)", runtime.createProcessInstanceQuery().processDefinitionKey(CertificationProcess.KEY)
        .count());
    table.add(db, PART, "certificates by state " + byState, String.valueOf(numbers.size()), "", Double.NaN, null,
        null);
    table.add(db, PART, "cases by end " + endsOfCases, "", "", Double.NaN, null, null);
    table.add(db, PART, "certificates whose state disagrees with their history", String.valueOf(disagreements.size()),
        "", Double.NaN, "0", disagreements.isEmpty());
    table.add(db, PART, "incidents / jobs run twice / refused actions / jobs failing with retries left",
        incidents + " / " + twice + " / " + refusedTotal + " / " + failing, "", Double.NaN, "0 / 0 / 0 / 0",
        incidents == 0 && twice == 0 && refusedTotal == 0 && failing == 0);
    Map<String, Object> size = databaseSize();
    long rows = (Long) size.get("rows");
    table.add(db, PART, "rows at the end (per organisation) / database MB", rows + " (" + rows / ORGS + ") / "
        + size.get("megabytes"), "", Double.NaN, null, null);
    Map<String, Object> cleanup = cleanUpHistory();
    Map<String, Object> cleaned = databaseSize();
    long rowsCleaned = (Long) cleaned.get("rows");
    table.add(db, PART, "rows after history cleanup at the end + " + cleanup.get("timeToLiveDays")
        + " days (per organisation) / s / job runs",
        rowsCleaned + " (" + rowsCleaned / ORGS + ") / " + cleanup.get("seconds") + " / " + cleanup.get("runs"), "",
        Double.NaN, null, null);
    json.put("historyCleanup", cleanup);
    json.put("databaseAfterCleanup", cleaned);
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    table.add(db, PART, "heap after GC MB at the end", String.valueOf(heap), "", Double.NaN, null, null);
    json.put("certificatesByState", byState);
    json.put("casesByEnd", endsOfCases);
    json.put("disagreements", disagreements.subList(0, Math.min(20, disagreements.size())));
    json.put("incidents", incidents);
    json.put("jobsFailingWithRetriesLeft", failing);
    json.put("jobsRunTwice", twice);
    json.put("refusals", refusals);
    json.put("database", size);
    json.put("heapAfterGcMb", heap);
    Benchmark.log("[%s] 6. end: certificates %s, cases %s, %d disagreements, %d incidents, %d jobs run twice, "
        + "%d refused", db, byState, endsOfCases, disagreements.size(), incidents, twice, refusedTotal);
    disagreements.stream().limit(10).forEach(d -> Benchmark.log("[%s] 6. disagrees: %s", db, d));
    if (!disagreements.isEmpty() || incidents > 0 || twice > 0) {
      throw new IllegalStateException("Part 6: the end state is not consistent (see above)");
    }
  }

  /**
   * Camunda's history cleanup as the nightly window runs it, once the history of every case that ended in the
   * simulation is due: the clock moved past the end by the longest time to live of the deployed models, the
   * cleanup job run (the job executor stays off, so no timer fires) until it finds nothing more to remove (with no
   * window configured, as in the test profile, it then suspends itself).
   */
  private Map<String, Object> cleanUpHistory() {
    int timeToLive = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
        .map(definition -> definition.getHistoryTimeToLive()).filter(ttl -> ttl != null)
        .mapToInt(Integer::intValue).max().orElse(0);
    ClockUtil.setCurrentTime(Date.from(FIRST_DAY.plus(Duration.ofDays(day + timeToLive + 1L))));
    long start = System.nanoTime();
    String jobId = history.cleanUpHistoryAsync(true).getId();
    int runs = 0;
    for (var job = management.createJobQuery().jobId(jobId).singleResult();
        job != null && !job.isSuspended() && !job.getDuedate().after(ClockUtil.getCurrentTime()) && runs < 100_000;
        job = management.createJobQuery().jobId(jobId).singleResult()) {
      management.executeJob(jobId);
      runs++;
    }
    Map<String, Object> cleanup = new LinkedHashMap<>();
    cleanup.put("timeToLiveDays", timeToLive);
    cleanup.put("runs", runs);
    cleanup.put("seconds", Figures.round((System.nanoTime() - start) / 1e9));
    Benchmark.log("[%s] 6. history cleanup: %s", db, cleanup);
    return cleanup;
  }

  /** What the certificate's monitoring (in history) says its state is now. */
  private CertificateState expectedState(Certificate certificate) {
    if (certificate.stateReason() != null && certificate.stateReason().startsWith("Replaced by ")) {
      // an upheld appeal issued the case a new certificate and revoked this one; the case's monitoring is the new one's
      return CertificateState.REVOKED;
    }
    List<HistoricProcessInstance> monitoring = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(certificate.processInstanceId()).processDefinitionKey(MonitoringProcess.KEY)
        .orderByProcessInstanceStartTime().desc().list();
    if (monitoring.isEmpty()) {
      return CertificateState.ACTIVE; // decided, not yet monitored (action plan or appeal window still open)
    }
    HistoricProcessInstance latest = monitoring.get(0);
    if (passed(latest, MonitoringProcess.Elements.WITHDRAW_FOR_MISSED_CORRECTION)
        || passed(latest, MonitoringProcess.Elements.WITHDRAW_FOR_REJECTED_CORRECTION)
        || passed(latest, MonitoringProcess.Elements.REVOKE_CERTIFICATE)) {
      // withdrawn or revoked, though its mail step may still be waiting
      return CertificateState.REVOKED;
    }
    if (latest.getEndTime() == null) {
      List<String> waiting = runtime.getActiveActivityIds(latest.getId());
      return waiting.contains(MonitoringProcess.Elements.SUBMIT_CORRECTIVE_RETURN)
          || waiting.contains(MonitoringProcess.Elements.REVIEW_CORRECTIVE_RETURN)
          ? CertificateState.SUSPENDED : CertificateState.ACTIVE;
    }
    return switch (String.valueOf(latest.getEndActivityId())) {
      case MonitoringProcess.Elements.CERTIFICATE_EXPIRED, MonitoringProcess.Elements.CERTIFICATE_RENEWED ->
          CertificateState.EXPIRED;
      case MonitoringProcess.Elements.CERTIFICATE_REVOKED, MonitoringProcess.Elements.CERTIFICATE_WITHDRAWN ->
          CertificateState.REVOKED;
      default -> null;
    };
  }

  private boolean passed(HistoricProcessInstance instance, String activityId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(activityId)
        .count() > 0;
  }

  private List<String> certificateNumbers() {
    List<String> numbers = new ArrayList<>();
    try (Connection connection = java.sql.DriverManager.getConnection(target.url(), target.user(), target.password());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select certificate_number from em_certificate order by 1")) {
      while (rows.next()) {
        numbers.add(rows.getString(1));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return numbers;
  }

  /** Live rows in every table (after ANALYZE) and the database's size on disk. */
  private Map<String, Object> databaseSize() {
    try (Connection connection = java.sql.DriverManager.getConnection(target.url(), target.user(), target.password());
        Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
      Map<String, Object> size = new LinkedHashMap<>();
      Map<String, Long> byTable = new LinkedHashMap<>();
      long total = 0;
      try (ResultSet rows = statement.executeQuery(
          "select relname, reltuples::bigint from pg_class where relkind = 'r' and relnamespace = "
              + "'public'::regnamespace order by 2 desc")) {
        while (rows.next()) {
          long count = Math.max(0, rows.getLong(2));
          total += count;
          if (byTable.size() < 15) {
            byTable.put(rows.getString(1), count);
          }
        }
      }
      try (ResultSet rows = statement.executeQuery("select pg_database_size(current_database()) >> 20")) {
        rows.next();
        size.put("megabytes", rows.getLong(1));
      }
      size.put("rows", total);
      size.put("largestTables", byTable);
      return size;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- who does what

  private String applicantOf(Task task) {
    String organisation = (String) runtime.getVariable(task.getProcessInstanceId(),
        CertificationProcess.ORGANISATION_ID.name());
    return applicantOfOrganisation.get(organisation);
  }

  /**
   * An appeals officer who has not taken part in the case: a second or third appeal (after an upheld appeal and a
   * new decision) is not decided by an officer who decided an earlier one.
   */
  private String appealsOfficer(String instance) {
    // a Json array or a list, as text: ["assessor2","appeals1"] or [assessor2, appeals1]
    String participants = String.valueOf(runtime.getVariable(instance, CertificationProcess.CASE_PARTICIPANTS.name()));
    return EquityMarkSystem.APPEALS_OFFICERS.stream()
        .filter(officer -> !participants.matches("(?s).*\\b" + officer + "\\b.*"))
        .findFirst().orElse(EquityMarkSystem.APPEALS_OFFICERS.get(0));
  }

  private String targetOf(String instance) {
    return (String) runtime.getVariable(instance, CertificationProcess.TARGET_LEVEL.name());
  }

  /** The indicators the assessor confirms in this case: up to its target, or (drawn once) a level below. */
  private String[] confirmed(String instance) {
    String level = confirmedLevel.computeIfAbsent(instance, i -> {
      int target = List.of(LEVELS).indexOf(targetOf(i));
      return chance(BELOW_TARGET) ? (target == 0 ? "" : LEVELS[target - 1]) : LEVELS[target];
    });
    return level.isEmpty() ? new String[0] : ProcessTestSupport.allIndicatorsUpTo(level);
  }

  private long number(String instance, String name) {
    Object value = runtime.getVariable(instance, name);
    return value instanceof Number n ? n.longValue() : 0;
  }

  private String anyAssessor() {
    return "assessor" + (1 + random.nextInt(6));
  }

  private boolean chance(double rate) {
    return random.nextDouble() < rate;
  }

  private String draw(String[] values, double[] weights) {
    double r = random.nextDouble();
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private static Map<String, Object> annualReturn() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("actionPlanProgress", "Item 1: the board adopted the plan in March. Item 2: training booked.");
    variables.put("outcomesByEthnicGroup", "{\"A\": {\"served\": 412, \"improved\": 260}}");
    variables.put("satisfactionByEthnicGroup", "{\"A\": {\"surveyed\": 120, \"satisfied\": 96}}");
    variables.put("discriminationComplaintsReceived", 4);
    variables.put("discriminationComplaintsResolved", 3);
    return variables;
  }
}
