package org.equitymark.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.equitymark.process.CertificationProcess;

/**
 * Part 2: the task lists at scale. Open tasks are put at a realistic mix of stages (each case registered
 * through the real start, so its organisation, group and authorizations exist, then moved to its stage),
 * and the queries Tasklist makes for our filters are timed: a page of 15 sorted by creation date, the
 * count, and the page's filter variables. The bare engine gets the same filters, tasks and variables,
 * without authorization.
 */
final class TaskListPart {

  /** Stage of each open task, in the proportions of a running scheme. */
  private static final String[] MIX = {
      "confirmPayment", "confirmPayment",
      "completeSelfAssessment", "completeSelfAssessment", "completeSelfAssessment",
      "reviewSelfAssessment", "reviewSelfAssessment",
      "assessEvidence", "assessEvidence",
      "approveCertification",
      "agreeActionPlan", "agreeActionPlan"};
  private static final int CASES_PER_ORGANISATION = 4;
  private static final int QUERIES = Integer.getInteger("bench.queries", 30);
  private static final int CLAIMS = Integer.getInteger("bench.claims", 30);
  /** Threads that put tasks in place; 3 on 2 cores keeps them busy while one waits for the database. */
  private static final int FILL_THREADS = Integer.getInteger("bench.fillThreads",
      Math.max(2, Runtime.getRuntime().availableProcessors() + 1));
  private static final int BARE_BATCH = 100;
  /** References are CC-{year}-{nnnnn}: at most 99,999 a year (numbering/SequenceNumbers). */
  private static final int CASES_PER_YEAR = 90_000;
  private static final List<String> FILTER_VARIABLES =
      List.of("applicationReference", "organisationName", "workplaceArea", "targetLevel");

  /** Who looks at which filter. */
  private record Look(String filter, String user) {
  }

  private static final List<Look> LOOKS = List.of(
      new Look("Payments to confirm", "finance1"),
      new Look("My group's tasks", "support1"),
      new Look("Assessments assigned to me", "assessor1"),
      new Look("All open tasks", "manager1"),
      new Look("My organisation's tasks", null));

  private final String db;
  private final EquityMarkSystem ours;
  private final BareEngine bare;
  private final int runs;
  private final ResultTable table;
  private int oursCases;
  private int bareCases;
  private volatile String applicantToWatch;
  private final Map<Integer, Map<String, Object>> fillRates = new LinkedHashMap<>();

  TaskListPart(String db, EquityMarkSystem ours, BareEngine bare, int runs, ResultTable table) {
    this.db = db;
    this.ours = ours;
    this.bare = bare;
    this.runs = runs;
    this.table = table;
  }

  static List<Integer> sizes() {
    if (Boolean.getBoolean("bench.large")) {
      return List.of(20_000, 100_000);
    }
    return Arrays.stream(System.getProperty("bench.tasks", "2000").split(",")).map(String::trim)
        .map(Integer::valueOf).toList();
  }

  Map<String, Object> run() {
    copyFilters();
    Map<String, Object> json = new LinkedHashMap<>();
    Map<Integer, Map<String, Figures.Runs>> oursP95BySize = new LinkedHashMap<>();
    List<Integer> sizes = sizes();
    for (int size : sizes) {
      Benchmark.log("[%s] 2. putting %d open tasks in place on each side", db, size);
      fillOurs(size);
      fillBare(size);
      analyze(ours.engine());
      analyze(bare.engine());
      for (Look look : LOOKS) {
        Benchmark.log("[%s] 2. %s sees %d tasks in %s (bare engine: %d)", db, oursUser(look), filterCount(ours.engine(),
            look, oursUser(look), groupsInOurs(oursUser(look))), look.filter(), filterCount(bare.engine(), look,
            bareUser(look), bareGroups(look)));
      }
      if (SqlCapture.enabled()) {
        explainStatements();
        SqlCapture.holdForInspection(db, ours.engine(), bare.engine());
      }
      Map<String, Object> atSize = new LinkedHashMap<>();
      Map<String, List<Double>> oursP50 = new LinkedHashMap<>();
      Map<String, List<Double>> oursP95 = new LinkedHashMap<>();
      Map<String, List<Double>> bareP50 = new LinkedHashMap<>();
      Map<String, List<Double>> bareP95 = new LinkedHashMap<>();
      for (int run = 1; run <= runs; run++) {
        for (Look look : LOOKS) {
          List<Double> o = timeLook(ours.engine(), look, oursUser(look), groupsInOurs(oursUser(look)));
          List<Double> b = timeLook(bare.engine(), look, bareUser(look), bareGroups(look));
          oursP50.computeIfAbsent(look.filter(), k -> new ArrayList<>()).add(Figures.percentile(o, 50));
          oursP95.computeIfAbsent(look.filter(), k -> new ArrayList<>()).add(Figures.percentile(o, 95));
          bareP50.computeIfAbsent(look.filter(), k -> new ArrayList<>()).add(Figures.percentile(b, 50));
          bareP95.computeIfAbsent(look.filter(), k -> new ArrayList<>()).add(Figures.percentile(b, 95));
        }
        List<Double> o = claimAndComplete(ours.engine(), "finance1", groupsInOurs("finance1"), true, CLAIMS);
        List<Double> b = claimAndComplete(bare.engine(), "finance1", List.of("finance"), false, CLAIMS);
        oursP50.computeIfAbsent("claim + complete", k -> new ArrayList<>()).add(Figures.percentile(o, 50));
        oursP95.computeIfAbsent("claim + complete", k -> new ArrayList<>()).add(Figures.percentile(o, 95));
        bareP50.computeIfAbsent("claim + complete", k -> new ArrayList<>()).add(Figures.percentile(b, 50));
        bareP95.computeIfAbsent("claim + complete", k -> new ArrayList<>()).add(Figures.percentile(b, 95));
        Benchmark.log("[%s] 2. run %d at %d open tasks done", db, run, size);
      }
      Map<String, Figures.Runs> p95s = new LinkedHashMap<>();
      for (String query : oursP50.keySet()) {
        Figures.Runs o50 = Figures.Runs.of(oursP50.get(query));
        Figures.Runs o95 = Figures.Runs.of(oursP95.get(query));
        Figures.Runs b50 = Figures.Runs.of(bareP50.get(query));
        Figures.Runs b95 = Figures.Runs.of(bareP95.get(query));
        p95s.put(query, o95);
        boolean goalApplies = size == sizes.get(0);
        table.add(db, "2 task lists", "p95 ms " + query + ", " + size + " open", o95, b95,
            goalApplies ? "<= 1.5" : null, goalApplies ? 1.5 : null, false);
        atSize.put(query, Map.of("ours", Map.of("p50", o50.json(), "p95", o95.json()),
            "baseline", Map.of("p50", b50.json(), "p95", b95.json())));
      }
      oursP95BySize.put(size, p95s);
      atSize.put("fillCasesPerSecond", fillRates.get(size));
      json.put(String.valueOf(size), atSize);
    }
    if (sizes.size() > 1) {
      int small = sizes.get(0);
      int large = sizes.get(sizes.size() - 1);
      Map<String, Object> growth = new LinkedHashMap<>();
      for (String query : oursP95BySize.get(small).keySet()) {
        Figures.Runs from = oursP95BySize.get(small).get(query);
        Figures.Runs to = oursP95BySize.get(large).get(query);
        table.add(db, "2 task lists", "p95 growth " + query + ", " + small + " -> " + large, to, from,
            "<= 3", 3.0, false);
        growth.put(query, Figures.round(Figures.ratio(to, from)));
      }
      json.put("growth", growth);
    }
    return json;
  }

  /** One user's look at one filter, as Tasklist makes it: page of 15 by creation date, count, variables. */
  /**
   * Each role's list (the filters of {@link #LOOKS}) looked at {@code queries} times in EquityMark, the applicant
   * given looking at "My organisation's tasks": the p95 in ms by filter name (part 6).
   */
  static Map<String, Double> p95ByRole(ProcessEngine engine, String applicant, int queries) {
    Map<String, Double> p95 = new LinkedHashMap<>();
    for (Look look : LOOKS) {
      String user = look.user() == null ? applicant : look.user();
      List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList();
      p95.put(look.filter(), Figures.percentile(timeLook(engine, look, user, groups, queries), 95));
    }
    return p95;
  }

  private static List<Double> timeLook(ProcessEngine engine, Look look, String user, List<String> groups) {
    return timeLook(engine, look, user, groups, QUERIES);
  }

  private static List<Double> timeLook(ProcessEngine engine, Look look, String user, List<String> groups,
      int queries) {
    String filterId = filterId(engine, look);
    List<Double> millis = new ArrayList<>();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      for (int i = 0; i < queries; i++) {
        long start = System.nanoTime();
        look(engine, filterId);
        millis.add((System.nanoTime() - start) / 1e6);
      }
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return millis;
  }

  /**
   * What Tasklist's filter list request (REST, HAL) runs: the page, the count, and the filter's variables
   * of the page's tasks by variable scope (task, execution, process instance), as the REST layer asks.
   */
  private static void look(ProcessEngine engine, String filterId) {
    FilterService filters = engine.getFilterService();
    TaskQuery sorted = engine.getTaskService().createTaskQuery().orderByTaskCreateTime().desc();
    List<Task> page = filters.listPage(filterId, sorted, 0, 15);
    filters.count(filterId);
    if (!page.isEmpty()) {
      Set<String> scopes = new LinkedHashSet<>();
      page.forEach(task -> scopes.addAll(List.of(task.getId(), task.getExecutionId(), task.getProcessInstanceId())));
      ((VariableInstanceQueryImpl) engine.getRuntimeService().createVariableInstanceQuery()
          .disableBinaryFetching().disableCustomObjectDeserialization()
          .variableNameIn(FILTER_VARIABLES.toArray(String[]::new))
          .variableScopeIdIn(scopes.toArray(String[]::new))).unlimitedList();
    }
  }

  private static String filterId(ProcessEngine engine, Look look) {
    return engine.getFilterService().createFilterQuery().filterName(look.filter()).singleResult().getId();
  }

  /** Diagnosis: each side's statements for one look at each filter and one claim + complete, with plans. */
  private void explainStatements() {
    for (Look look : LOOKS) {
      explain("EquityMark, " + look.filter(), ours.engine(), oursUser(look), groupsInOurs(oursUser(look)),
          () -> look(ours.engine(), filterId(ours.engine(), look)));
      explain("bare engine, " + look.filter(), bare.engine(), bareUser(look), bareGroups(look),
          () -> look(bare.engine(), filterId(bare.engine(), look)));
    }
    SqlCapture.explain(db, "EquityMark, claim + complete", ours.engine(),
        () -> claimAndComplete(ours.engine(), "finance1", groupsInOurs("finance1"), true, 1));
    SqlCapture.explain(db, "bare engine, claim + complete", bare.engine(),
        () -> claimAndComplete(bare.engine(), "finance1", List.of("finance"), false, 1));
  }

  private void explain(String label, ProcessEngine engine, String user, List<String> groups, Runnable work) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      SqlCapture.explain(db, label, engine, work);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static long filterCount(ProcessEngine engine, Look look, String user, List<String> groups) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine.getFilterService().count(filterId(engine, look));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Claims and completes payments as the finance officer, from the top of its list. */
  private static List<Double> claimAndComplete(ProcessEngine engine, String user, List<String> groups, boolean ours,
      int claims) {
    IdentityService identity = engine.getIdentityService();
    List<Double> millis = new ArrayList<>();
    identity.setAuthentication(user, groups);
    try {
      List<Task> tasks = engine.getTaskService().createTaskQuery().taskDefinitionKey("confirmPayment")
          .taskUnassigned().orderByTaskCreateTime().desc().listPage(0, claims);
      Map<String, Object> variables = ours ? Map.of("paymentReceived", true, "paymentReference", "BACS 9") : Map.of();
      for (Task task : tasks) {
        long start = System.nanoTime();
        engine.getTaskService().claim(task.getId(), user);
        engine.getTaskService().complete(task.getId(), variables);
        millis.add((System.nanoTime() - start) / 1e6);
      }
    } finally {
      identity.clearAuthentication();
    }
    return millis;
  }

  /**
   * Registers cases through the real registration start, as applicants (a new applicant, so a new
   * organisation, group and grants, every {@value #CASES_PER_ORGANISATION} cases), each started at its
   * stage, until {@code size} tasks are open. Several threads, a case to a command, as concurrent
   * requests would; the open tasks are counted once per round, not once per case.
   */
  private void fillOurs(int size) {
    long started = System.nanoTime();
    int before = oursCases;
    Map<String, Object> fee = ours.feeAsCalculated();
    for (int round = 0; round < 3; round++) {
      long missing = size - openTasks(ours.engine());
      while (missing > 0) {
        // references are CC-{year}-{nnnnn}: past 90,000 cases the engine clock runs a year ahead
        int year = oursCases / CASES_PER_YEAR;
        int cases = (int) Math.min(missing, (year + 1L) * CASES_PER_YEAR - oursCases);
        if (year > 0) {
          ClockUtil.offset(Duration.ofDays(366L * year).toMillis());
        }
        try {
          fillOurs(oursCases, cases, fee);
        } finally {
          ClockUtil.reset();
        }
        oursCases += cases;
        missing -= cases;
      }
    }
    fillRate("ours", size, oursCases - before, started, openTasks(ours.engine()));
  }

  /** Cases {@code first} to {@code first + cases - 1}, an organisation (its applicant, up to 4 cases) at a time. */
  private void fillOurs(int first, int cases, Map<String, Object> fee) {
    int organisations = (cases + CASES_PER_ORGANISATION - 1) / CASES_PER_ORGANISATION;
    AtomicInteger next = new AtomicInteger();
    inParallel(() -> {
      for (int o = next.getAndIncrement(); o < organisations; o = next.getAndIncrement()) {
        String applicant = ours.createApplicant();
        if (first == 0 && o == 0) {
          applicantToWatch = applicant;
        }
        int from = first + o * CASES_PER_ORGANISATION;
        int to = Math.min(first + cases, from + CASES_PER_ORGANISATION);
        for (int c = from; c < to; c++) {
          Map<String, Object> atStage = new LinkedHashMap<>(fee);
          atStage.put("invoiceNumber", String.format("INV-2026-%06d", c));
          atStage.put("leadAssessor", leadAssessor(c));
          atStage.put("workplaceArea", "Ward " + (c % 40));
          ours.registerAtStage(applicant, MIX[c % MIX.length], atStage);
        }
      }
    });
  }

  /** The bare side has no registration: its cases are started at their stage, {@value #BARE_BATCH} to a command. */
  private void fillBare(int size) {
    long started = System.nanoTime();
    int before = bareCases;
    for (int round = 0; round < 3; round++) {
      long missing = size - openTasks(bare.engine());
      if (missing <= 0) {
        break;
      }
      int first = bareCases;
      int batches = (int) ((missing + BARE_BATCH - 1) / BARE_BATCH);
      AtomicInteger next = new AtomicInteger();
      CommandExecutor commands = ((ProcessEngineConfigurationImpl) bare.engine().getProcessEngineConfiguration())
          .getCommandExecutorTxRequired();
      inParallel(() -> {
        for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
          int from = first + b * BARE_BATCH;
          int to = (int) Math.min(first + missing, from + BARE_BATCH);
          commands.execute(context -> {
            for (int c = from; c < to; c++) {
              startBareAtStage(c);
            }
            return null;
          });
        }
      });
      bareCases += (int) missing;
    }
    fillRate("bare", size, bareCases - before, started, openTasks(bare.engine()));
  }

  private void startBareAtStage(int caseNumber) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("organisationId", "b" + caseNumber / CASES_PER_ORGANISATION);
    variables.put("leadAssessor", leadAssessor(caseNumber));
    variables.put("applicationReference", String.format("EM-2026-%06d", caseNumber));
    variables.put("organisationName", "Provider " + caseNumber / CASES_PER_ORGANISATION);
    variables.put("workplaceArea", "Ward " + (caseNumber % 40));
    variables.put("targetLevel", "developing");
    variables.put("contactEmail", "contact" + caseNumber + "@provider.example");
    bare.engine().getRuntimeService().createProcessInstanceByKey(BareEngine.TASKS)
        .startBeforeActivity(MIX[caseNumber % MIX.length]).setVariables(variables).execute();
  }

  /** Each of the 6 assessors leads a sixth of the assessments. */
  private static String leadAssessor(int caseNumber) {
    return "assessor" + (1 + caseNumber / MIX.length % 6);
  }

  private void fillRate(String side, int size, int cases, long startedNanos, long open) {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    double rate = cases / seconds;
    Benchmark.log("[%s] 2. %s: %d cases in %.0f s (%.1f cases/s), %d open tasks", db, side, cases, seconds, rate,
        open);
    if (open < size) {
      throw new IllegalStateException(side + ": " + open + " open tasks after filling, " + size + " wanted");
    }
    fillRates.computeIfAbsent(size, s -> new LinkedHashMap<>()).put(side, Figures.round(rate));
  }

  /**
   * Brings the database's statistics up to date after the fill, as a database in use has them (PostgreSQL's
   * autovacuum analyzes a table a minute or more after it changed; until then plans are made for empty tables).
   */
  private static void analyze(ProcessEngine engine) {
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException("ANALYZE failed", e);
    }
  }

  /** Runs the work on {@link #FILL_THREADS} threads and waits for all; the first failure is rethrown. */
  private static void inParallel(Runnable work) {
    ExecutorService threads = Executors.newFixedThreadPool(FILL_THREADS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < FILL_THREADS; i++) {
        running.add(threads.submit(work));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("filling failed", e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  private static long openTasks(ProcessEngine engine) {
    return engine.getTaskService().createTaskQuery().count();
  }

  /** The bare engine gets EquityMark's filters as they are stored (queries with expressions, properties). */
  private void copyFilters() {
    FilterService from = ours.engine().getFilterService();
    FilterService to = bare.engine().getFilterService();
    for (Look look : LOOKS) {
      if (to.createFilterQuery().filterName(look.filter()).count() > 0) {
        continue;
      }
      Filter original = from.createFilterQuery().filterName(look.filter()).singleResult();
      Filter copy = to.newTaskFilter(look.filter());
      TaskQuery query = original.getQuery();
      if (CertificationProcess.KEY.equals(((TaskQueryImpl) query).getProcessDefinitionKey())) {
        // the same query on the baseline's process, not a query that finds nothing
        query.processDefinitionKey(BareEngine.TASKS);
      }
      copy.setQuery(query);
      copy.setProperties(original.getProperties());
      to.saveFilter(copy);
    }
  }

  private String oursUser(Look look) {
    return look.user() == null ? applicantToWatch : look.user();
  }

  private static String bareUser(Look look) {
    return look.user() == null ? "applicant0" : look.user();
  }

  private List<String> bareGroups(Look look) {
    return look.user() == null ? List.of("applicants", "org-b0") : groupsInOurs(look.user());
  }

  private List<String> groupsInOurs(String user) {
    return ours.engine().getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
  }
}
