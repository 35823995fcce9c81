package org.equitymark.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Part 4: a second EquityMark node on the same PostgreSQL database. The same backlog of asynchronous
 * steps and due reminders is drained by one node, then by both; the job log shows whether any job ran
 * twice. Both nodes share this JVM (and the machine's cores), as two containers on one host would.
 */
final class TwoNodesPart {

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
    Benchmark.log("[%s] 4. starting a second node on the same database", db);
    try (EquityMarkSystem node2 = new EquityMarkSystem("node 2", target, "--camunda.bpm.process-engine-name=node2")) {
      BenchSystem both = new Both(node1, node2);
      List<Double> one = new ArrayList<>();
      List<Double> two = new ArrayList<>();
      long duplicates = 0;
      long failures = 0;
      for (int run = 1; run <= runs; run++) {
        for (BenchSystem system : List.of(node1, both)) {
          JobDrain.Result async = JobDrain.asyncSteps(system, cases);
          JobDrain.Result timers = JobDrain.dueReminders(system, cases);
          Benchmark.forgetMails();
          double rate = (async.jobs() + timers.jobs()) / (async.seconds() + timers.seconds());
          (system == both ? two : one).add(rate);
          duplicates += async.duplicates() + timers.duplicates();
          failures += async.failures() + timers.failures();
          Benchmark.log("[%s] 4. run %d %-8s %6.1f jobs/s", db, run, system == both ? "2 nodes" : "1 node", rate);
        }
      }
      Figures.Runs oneNode = Figures.Runs.of(one);
      Figures.Runs twoNodes = Figures.Runs.of(two);
      table.add(db, "4 two nodes", "jobs/s, 2 nodes (ours) vs 1 node (baseline), " + 3 * cases + " jobs", twoNodes,
          oneNode, ">= 1.3", 1.3, true);
      table.add(db, "4 two nodes", "jobs run twice / failed", duplicates + " / " + failures, "", Double.NaN, "0",
          duplicates == 0);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("oneNode", oneNode.json());
      json.put("twoNodes", twoNodes.json());
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
