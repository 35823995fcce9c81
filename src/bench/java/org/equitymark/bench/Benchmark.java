package org.equitymark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.support.TestMailServer;

/**
 * EquityMark's benchmark (issue 7): ours against a bare Camunda engine in the same run, on H2 and on
 * embedded PostgreSQL. Not a test: run by {@code mvn -Pbench verify}; prints a table and writes
 * {@code target/bench/results.json}. Sizes come from system properties (see docs/performance.md).
 */
public final class Benchmark {

  private static final int CASES = Integer.getInteger("bench.cases", 200);
  private static final int RUNS = Integer.getInteger("bench.runs", 3);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
  private static final int JOB_CASES = Integer.getInteger("bench.jobCases", 300);
  private static final List<String> DATABASES = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
  private static final String PARTS = System.getProperty("bench.parts", "1,2,3,4");
  private static final Path OUTPUT = Path.of(System.getProperty("bench.output", "target/bench/results.json"));

  private static final String OURS = "EquityMark, shipped settings";
  private static final String OURS_ENGINE_DEFAULTS = "EquityMark, engine defaults";
  private static final String BARE_DEFAULTS = "bare engine, defaults";
  private static final String BARE_TUNED = "bare engine, tuned";

  private final ResultTable table = new ResultTable();
  private final Map<String, Object> details = new LinkedHashMap<>();
  private final List<Map<String, Object>> memory = new ArrayList<>();
  /** Checks that failed (part 6's end state): the run fails after its table is printed and written. */
  private final List<String> failures = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    try {
      new Benchmark().run();
    } catch (Throwable failure) {
      failure.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private void run() throws Exception {
    Instant started = Instant.now();
    log("EquityMark benchmark: cases=%d runs=%d warmup=%d jobCases=%d databases=%s parts=%s", CASES, RUNS, WARMUP,
        JOB_CASES, DATABASES, PARTS);
    TestMailServer.server();
    for (String name : DATABASES) {
      try (BenchDatabase database = name.trim().equals("postgres") ? BenchDatabase.postgres() : BenchDatabase.h2()) {
        runOn(database);
      }
      // written after each database, so that a long run that is stopped keeps what it measured
      write(started);
    }
    System.out.println();
    System.out.println("EquityMark benchmark, ours against a bare Camunda 7.24 engine (median of " + RUNS
        + " runs, min-max in brackets)");
    System.out.println(table.render());
    System.out.println("Written to " + OUTPUT.toAbsolutePath());
    if (!failures.isEmpty()) {
      throw new IllegalStateException("The benchmark's checks failed: " + failures);
    }
  }

  private void write(Instant started) throws java.io.IOException {
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("started", started.toString());
    results.put("finished", Instant.now().toString());
    results.put("machine", Map.of("processors", Runtime.getRuntime().availableProcessors(),
        "java", System.getProperty("java.version"), "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20));
    results.put("settings", Map.of("cases", CASES, "runs", RUNS, "warmup", WARMUP, "jobCases", JOB_CASES,
        "databases", DATABASES, "parts", PARTS, "taskCounts", TaskListPart.sizes(), "orgs", Integer.getInteger("bench.orgs", 2000),
        "baselineIds", BareEngine.idGenerator()));
    results.put("table", table.json());
    results.put("details", details);
    results.put("memory", memory);
    Files.createDirectories(OUTPUT.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(OUTPUT.toFile(), results);
    Files.writeString(OUTPUT.resolveSibling("results.txt"), table.render());
  }

  private void runOn(BenchDatabase database) {
    String db = database.name();
    Map<String, Object> perDatabase = new LinkedHashMap<>();
    details.put(db, perDatabase);
    if (PARTS.contains("6") && database instanceof BenchDatabase.Postgres) {
      try {
        perDatabase.put("nationalScheme", new NationalSchemePart(db, database.create("scheme"), table).run());
      } catch (IllegalStateException inconsistent) {
        failures.add(inconsistent.getMessage());
      }
      recordMemory(db, "6 national scheme");
    }
    if (!PARTS.matches(".*[1-4].*")) {
      return;
    }
    log("[%s] starting EquityMark and the bare engine", db);
    BenchDatabase.Target oursTarget = database.create("ours");
    BenchDatabase.Target bareTarget = database.create("bare");
    try (EquityMarkSystem ours = new EquityMarkSystem("EquityMark", oursTarget);
        BareEngine bare = new BareEngine("bare engine", bareTarget, ours.shippedJobExecutorSettings())) {
      recordMemory(db, "started");
      if (PARTS.contains("1")) {
        perDatabase.put("lifecycle", lifecycle(database, ours, oursTarget, bare, bareTarget));
        recordMemory(db, "1 lifecycle");
      }
      if (PARTS.contains("2")) {
        perDatabase.put("taskLists", new TaskListPart(db, ours, bare, RUNS, table).run());
        recordMemory(db, "2 task lists");
      }
      if (PARTS.contains("3")) {
        perDatabase.put("jobs", jobs(database, ours, bare));
        recordMemory(db, "3 jobs");
      }
      if (PARTS.contains("4") && database instanceof BenchDatabase.Postgres) {
        perDatabase.put("twoNodes", new TwoNodesPart(db, oursTarget, JOB_CASES, RUNS, table).run(ours));
        recordMemory(db, "4 two nodes");
      }
    }
  }

  // ---------------------------------------------------------------- 1. lifecycle

  private Map<String, Object> lifecycle(BenchDatabase database, EquityMarkSystem ours, BenchDatabase.Target oursTarget,
      BareEngine bare, BenchDatabase.Target bareTarget) {
    String db = database.name();
    log("[%s] 1. lifecycle: warm-up, %d cases each", db, WARMUP);
    for (BenchSystem system : List.of(ours, bare)) {
      StatementCounter.install(system.engine());
      StepClock warmup = new StepClock();
      for (int i = 0; i < WARMUP; i++) {
        system.runCase(warmup);
      }
    }
    Map<BenchSystem, BenchDatabase.Target> targets = Map.of(ours, oursTarget, bare, bareTarget);
    Map<BenchSystem, List<Double>> throughput = new LinkedHashMap<>();
    Map<BenchSystem, List<Double>> rows = new LinkedHashMap<>();
    Map<String, Object> rowsByTable = new LinkedHashMap<>();
    Map<BenchSystem, Map<String, List<Double>>> p50 = new LinkedHashMap<>();
    Map<BenchSystem, Map<String, List<Double>>> p95 = new LinkedHashMap<>();
    Map<BenchSystem, Map<String, List<Double>>> statements = new LinkedHashMap<>();
    Map<String, Object> statementNames = new LinkedHashMap<>();
    for (int run = 1; run <= RUNS; run++) {
      // alternate the order, so that neither side always runs on a warmer or a busier machine
      List<BenchSystem> order = run % 2 == 1 ? List.of(ours, bare) : List.of(bare, ours);
      for (BenchSystem system : order) {
        OptionalLong rowsBefore = database.rowsWritten(targets.get(system));
        Map<String, Long> tablesBefore = database.rowsWrittenByTable(targets.get(system));
        StepClock clock = new StepClock();
        long start = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
          system.runCase(clock);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        OptionalLong rowsAfter = database.rowsWritten(targets.get(system));
        Map<String, Long> tablesAfter = database.rowsWrittenByTable(targets.get(system));
        if (run == 1 && !tablesAfter.isEmpty()) {
          rowsByTable.put(system.label(), perCaseByTable(tablesBefore, tablesAfter));
        }
        if (run == 1 && clock.statementNames().values().stream().anyMatch(names -> !names.isEmpty())) {
          statementNames.put(system.label(), countedByStep(clock.statementNames()));
        }
        forgetMails();
        throughput.computeIfAbsent(system, s -> new ArrayList<>()).add(CASES / seconds);
        // the tables' own counts where there are some: the database's also count the statistics its
        // background analysis writes to the catalog, which are not the app's rows
        if (!tablesAfter.isEmpty()) {
          long written = tablesAfter.entrySet().stream()
              .mapToLong(e -> e.getValue() - tablesBefore.getOrDefault(e.getKey(), 0L)).sum();
          rows.computeIfAbsent(system, s -> new ArrayList<>()).add(written / (double) CASES);
        } else if (rowsBefore.isPresent() && rowsAfter.isPresent()) {
          rows.computeIfAbsent(system, s -> new ArrayList<>())
              .add((rowsAfter.getAsLong() - rowsBefore.getAsLong()) / (double) CASES);
        }
        clock.samples().forEach((step, samples) -> {
          p50.computeIfAbsent(system, s -> new LinkedHashMap<>()).computeIfAbsent(step, s -> new ArrayList<>())
              .add(Figures.percentile(samples, 50));
          p95.computeIfAbsent(system, s -> new LinkedHashMap<>()).computeIfAbsent(step, s -> new ArrayList<>())
              .add(Figures.percentile(samples, 95));
        });
        clock.statements().forEach((step, counts) -> statements.computeIfAbsent(system, s -> new LinkedHashMap<>())
            .computeIfAbsent(step, s -> new ArrayList<>()).addAll(counts));
        log("[%s] 1. run %d %-12s %7.1f cases/s", db, run, system.label(), CASES / seconds);
      }
    }
    String part = "1 lifecycle";
    Figures.Runs oursRate = Figures.Runs.of(throughput.get(ours));
    Figures.Runs bareRate = Figures.Runs.of(throughput.get(bare));
    table.add(db, part, "cases/s, N=" + CASES, oursRate, bareRate, ">= 0.8", 0.8, true);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cases", CASES);
    json.put("casesPerSecond", Map.of("ours", oursRate.json(), "baseline", bareRate.json()));
    if (rows.containsKey(ours)) {
      Figures.Runs oursRows = Figures.Runs.of(rows.get(ours));
      Figures.Runs bareRows = Figures.Runs.of(rows.get(bare));
      table.add(db, part, "rows written/case", oursRows, bareRows, "<= 1.5", 1.5, false);
      json.put("rowsWrittenPerCase", Map.of("ours", oursRows.json(), "baseline", bareRows.json()));
      json.put("rowsWrittenPerCaseByTableRun1", rowsByTable);
    }
    Map<String, Object> steps = new LinkedHashMap<>();
    double oursStatements = 0;
    double bareStatements = 0;
    for (String step : p50.get(ours).keySet()) {
      Figures.Runs o50 = Figures.Runs.of(p50.get(ours).get(step));
      Figures.Runs o95 = Figures.Runs.of(p95.get(ours).get(step));
      Figures.Runs b50 = Figures.Runs.of(p50.get(bare).getOrDefault(step, List.of()));
      Figures.Runs b95 = Figures.Runs.of(p95.get(bare).getOrDefault(step, List.of()));
      double oSt = Figures.percentile(statements.get(ours).get(step), 50);
      double bSt = Figures.percentile(statements.get(bare).getOrDefault(step, List.of(0.0)), 50);
      oursStatements += oSt;
      bareStatements += bSt;
      table.add(db, part, "p50/p95 ms, statements: " + step,
          Figures.format(o50.median()) + " / " + Figures.format(o95.median()) + ", " + Math.round(oSt),
          Figures.format(b50.median()) + " / " + Figures.format(b95.median()) + ", " + Math.round(bSt),
          o95.median() / b95.median(), null, null);
      steps.put(step, Map.of("ours", Map.of("p50", o50.json(), "p95", o95.json(), "statements", oSt),
          "baseline", Map.of("p50", b50.json(), "p95", b95.json(), "statements", bSt)));
    }
    table.add(db, part, "engine statements/case (median of each step)", Figures.format(oursStatements),
        Figures.format(bareStatements), oursStatements / bareStatements, null, null);
    json.put("stepMillis", steps);
    json.put("engineStatementsPerCase", Map.of("ours", oursStatements, "baseline", bareStatements));
    if (!statementNames.isEmpty()) {
      json.put("statementsOfTheFirstCaseByStep", statementNames);
    }
    SqlCapture.holdForInspection(db, ours.engine(), bare.engine());
    return json;
  }

  /** How often each statement ran in each step, most frequent first. */
  private static Map<String, Object> countedByStep(Map<String, List<String>> namesByStep) {
    Map<String, Object> counted = new LinkedHashMap<>();
    namesByStep.forEach((step, names) -> {
      Map<String, Long> sorted = new LinkedHashMap<>();
      names.stream().collect(Collectors.groupingBy(name -> name, Collectors.counting())).entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      counted.put(step, sorted);
    });
    return counted;
  }

  /** Rows written per case in each table, largest first. */
  private static Map<String, Object> perCaseByTable(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Object> perCase = new LinkedHashMap<>();
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> perCase.put(e.getKey(), Figures.round(e.getValue() / (double) CASES)));
    return perCase;
  }

  // ---------------------------------------------------------------- 3. jobs

  private Map<String, Object> jobs(BenchDatabase database, EquityMarkSystem ours, BareEngine tuned) {
    String db = database.name();
    Map<String, Object> json = new LinkedHashMap<>();
    JobExecutorSettings shipped = ours.shippedJobExecutorSettings();
    log("[%s] 3. shipped job executor: %s; engine defaults: %s", db, shipped, JobExecutorSettings.ENGINE_DEFAULTS);
    try (BareEngine defaults = new BareEngine("bare engine, defaults", database.create("baredefaults"),
        JobExecutorSettings.ENGINE_DEFAULTS)) {
      Map<String, List<Double>> asyncRate = new LinkedHashMap<>();
      Map<String, List<Double>> timerRate = new LinkedHashMap<>();
      long duplicates = 0;
      long failures = 0;
      List<String> settings = List.of(OURS, OURS_ENGINE_DEFAULTS, BARE_DEFAULTS, BARE_TUNED);
      for (int run = 0; run <= RUNS; run++) {
        // run 0 warms each setting up on a fifth of the backlog; later runs rotate the order
        List<String> order = new ArrayList<>(settings);
        java.util.Collections.rotate(order, run);
        for (String setting : order) {
          BenchSystem system = switch (setting) {
            case OURS -> {
              ours.useJobExecutorSettings(shipped);
              yield ours;
            }
            case OURS_ENGINE_DEFAULTS -> {
              ours.useJobExecutorSettings(JobExecutorSettings.ENGINE_DEFAULTS);
              yield ours;
            }
            case BARE_DEFAULTS -> defaults;
            default -> tuned;
          };
          int backlog = run == 0 ? Math.max(1, JOB_CASES / 5) : JOB_CASES;
          if (run > 0) {
            // settle: a small untimed drain right before the timed one, so no setting pays for the
            // caches another system left cold (without it the first of ours' two settings in a run
            // measured 10-30% slower even when both settings were the same)
            JobDrain.asyncSteps(system, Math.max(1, JOB_CASES / 10));
            JobDrain.dueReminders(system, Math.max(1, JOB_CASES / 10));
          }
          JobDrain.Result async = JobDrain.asyncSteps(system, backlog);
          JobDrain.Result timers = JobDrain.dueReminders(system, backlog);
          forgetMails();
          if (run == 0) {
            continue;
          }
          asyncRate.computeIfAbsent(setting, s -> new ArrayList<>()).add(async.jobsPerSecond());
          timerRate.computeIfAbsent(setting, s -> new ArrayList<>()).add(timers.jobsPerSecond());
          duplicates += async.duplicates() + timers.duplicates();
          failures += async.failures() + timers.failures();
          log("[%s] 3. run %d %-34s async %6.1f jobs/s, reminders %6.1f jobs/s", db, run, setting,
              async.jobsPerSecond(), timers.jobsPerSecond());
        }
      }
      ours.useJobExecutorSettings(shipped);
      String part = "3 jobs";
      for (var entry : Map.of("async steps", asyncRate, "due reminders", timerRate).entrySet()) {
        Map<String, List<Double>> rates = entry.getValue();
        Figures.Runs o = Figures.Runs.of(rates.get(OURS));
        Figures.Runs od = Figures.Runs.of(rates.get(OURS_ENGINE_DEFAULTS));
        Figures.Runs d = Figures.Runs.of(rates.get(BARE_DEFAULTS));
        Figures.Runs t = Figures.Runs.of(rates.get(BARE_TUNED));
        String what = entry.getKey() + " jobs/s, " + JOB_CASES * (entry.getKey().equals("async steps") ? 1 : 2);
        table.add(db, part, what + ", ours vs tuned bare engine", o, t, ">= 0.8", 0.8, true);
        table.add(db, part, what + ", ours vs ours on engine defaults", o, od, ">= 4", 4.0, true);
        table.add(db, part, what + ", ours vs bare engine defaults", o, d, null, null, true);
        table.add(db, part, what + ", tuned vs default bare engine", t, d, null, null, true);
        json.put(entry.getKey(), Map.of(OURS, o.json(), OURS_ENGINE_DEFAULTS, od.json(), BARE_DEFAULTS, d.json(),
            BARE_TUNED, t.json()));
      }
      table.add(db, part, "jobs run twice / failed", duplicates + " / " + failures, "", Double.NaN, "0", duplicates == 0);
      json.put("duplicates", duplicates);
      json.put("failures", failures);
      json.put("settings", Map.of("shipped", shipped.toString(), "engineDefaults",
          JobExecutorSettings.ENGINE_DEFAULTS.toString()));
      json.put("jobsPerRun", Map.of("async steps", JOB_CASES, "due reminders", 2 * JOB_CASES));
    } finally {
      ClockUtil.reset();
    }
    return json;
  }

  // ---------------------------------------------------------------- 5. memory

  private void recordMemory(String db, String after) {
    System.gc();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    long rss = rssMb();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("database", db);
    row.put("after", after);
    row.put("heapAfterGcMb", heap);
    row.put("rssMb", rss);
    memory.add(row);
    if (!after.equals("started")) {
      table.add(db, "5 memory", "heap after GC / RSS MB after " + after, heap + " / " + rss, "", Double.NaN,
          "heap <= 256", heap <= 256);
    }
    log("[%s] memory after %s: heap after GC %d MB, RSS %d MB", db, after, heap, rss);
    if (Boolean.getBoolean("bench.histogram")) {
      writeHistogram(db + "-" + after.replaceAll("[^A-Za-z0-9]+", "-"));
    }
  }

  /** Diagnosis ({@code -Dbench.histogram=true}): the live objects by class, as {@code jcmd GC.class_histogram}. */
  private static void writeHistogram(String name) {
    try {
      Object histogram = ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      Files.createDirectories(OUTPUT.toAbsolutePath().getParent());
      Files.writeString(OUTPUT.resolveSibling("histogram-" + name + ".txt"), histogram.toString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return -1;
  }

  /** The local SMTP server keeps every mail; a run's mails are dropped so that they do not count as our heap. */
  static void forgetMails() {
    try {
      TestMailServer.server().purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void log(String format, Object... args) {
    System.out.printf("%tT %s%n", System.currentTimeMillis(), String.format(format, args));
  }
}
