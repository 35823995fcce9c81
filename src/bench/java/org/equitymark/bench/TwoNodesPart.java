package org.equitymark.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Part 4: a second EquityMark node on the same PostgreSQL database. The same backlog of asynchronous
 * steps and due reminders is drained by one node, then by both; the job log shows whether any job ran
 * twice; then one node with twice the threads, to show which of the two helps. Both nodes share this
 * JVM (and the machine's cores), as two containers on one host would. With {@code -Dbench.smtpDelayMs}
 * the SMTP server answers each mail after that delay, as a remote relay does: work that waits.
 */
final class TwoNodesPart {

  /** How long the SMTP server waits before it answers each mail (the test mail server reads it too). */
  private static final long SMTP_DELAY_MS = Long.getLong("bench.smtpDelayMs", 0);
  private static final String ONE_NODE = "1 node";
  private static final String TWO_NODES = "2 nodes";
  private static final String DOUBLED_THREADS = "1 node, twice the threads";

  private final String db;
  private final BenchDatabase.Target target;
  private final int cases;
  private final int runs;
  private final ResultTable table;

  TwoNodesPart(String db, BenchDatabase.Target target, int cases, int runs, ResultTable table) {
    this.db = db;
    this.target = target;
    this.cases = cases;
    this.runs = runs;
    this.table = table;
  }

  Map<String, Object> run(EquityMarkSystem node1) {
    Benchmark.log("[%s] 4. starting a second node on the same database (SMTP answers after %d ms)", db, SMTP_DELAY_MS);
    try (EquityMarkSystem node2 = new EquityMarkSystem("node 2", target, "--camunda.bpm.process-engine-name=node2")) {
      BenchSystem both = new Both(node1, node2);
      JobExecutorSettings shipped = node1.shippedJobExecutorSettings();
      JobExecutorSettings doubled = new JobExecutorSettings(2 * shipped.corePoolSize(), 2 * shipped.maxPoolSize(),
          shipped.queueCapacity(), shipped.maxJobsPerAcquisition());
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      long duplicates = 0;
      long failures = 0;
      for (int run = 1; run <= runs; run++) {
        for (String setup : List.of(ONE_NODE, TWO_NODES, DOUBLED_THREADS)) {
          BenchSystem system = setup.equals(TWO_NODES) ? both : node1;
          node1.useJobExecutorSettings(setup.equals(DOUBLED_THREADS) ? doubled : shipped);
          JobDrain.Result async = JobDrain.asyncSteps(system, cases);
          JobDrain.Result timers = JobDrain.dueReminders(system, cases);
          Benchmark.forgetMails();
          double rate = (async.jobs() + timers.jobs()) / (async.seconds() + timers.seconds());
          rates.computeIfAbsent(setup, s -> new ArrayList<>()).add(rate);
          duplicates += async.duplicates() + timers.duplicates();
          failures += async.failures() + timers.failures();
          Benchmark.log("[%s] 4. run %d %-24s %6.1f jobs/s", db, run, setup, rate);
        }
      }
      node1.useJobExecutorSettings(shipped);
      Figures.Runs oneNode = Figures.Runs.of(rates.get(ONE_NODE));
      Figures.Runs twoNodes = Figures.Runs.of(rates.get(TWO_NODES));
      Figures.Runs doubledThreads = Figures.Runs.of(rates.get(DOUBLED_THREADS));
      String jobs = 3 * cases + " jobs, SMTP answering after " + SMTP_DELAY_MS + " ms";
      // two nodes can only beat one where jobs wait (on mail); on CPU-bound jobs they share the same cores
      boolean waiting = SMTP_DELAY_MS > 0;
      table.add(db, "4 two nodes", "jobs/s, 2 nodes (ours) vs 1 node (baseline), " + shipped.maxPoolSize()
          + " threads each, " + jobs, twoNodes, oneNode, waiting ? ">= 1.7" : null, waiting ? 1.7 : null, true);
      table.add(db, "4 two nodes", "jobs/s, 1 node with " + doubled.maxPoolSize() + " threads (ours) vs "
          + shipped.maxPoolSize() + " (baseline), " + jobs, doubledThreads, oneNode, null, null, true);
      table.add(db, "4 two nodes", "jobs run twice / failed", duplicates + " / " + failures, "", Double.NaN, "0",
          duplicates == 0);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("smtpDelayMs", SMTP_DELAY_MS);
      json.put("oneNode", oneNode.json());
      json.put("twoNodes", twoNodes.json());
      json.put("oneNodeDoubledThreads", doubledThreads.json());
      json.put("duplicates", duplicates);
      json.put("failures", failures);
      return json;
    }
  }

  /** Both nodes as one system: cases start on node 1, both job executors run. */
  private record Both(EquityMarkSystem node1, EquityMarkSystem node2) implements BenchSystem {

    public String label() {
      return "2 nodes";
    }

    public ProcessEngine engine() {
      return node1.engine();
    }

    public void runCase(StepClock clock) {
      node1.runCase(clock);
    }

    public String startCaseWaitingForPayment() {
      return node1.startCaseWaitingForPayment();
    }

    public void startJobExecutor() {
      node1.startJobExecutor();
      node2.startJobExecutor();
    }

    public void stopJobExecutor() {
      node1.stopJobExecutor();
      node2.stopJobExecutor();
    }

    public void close() {
    }
  }
}
