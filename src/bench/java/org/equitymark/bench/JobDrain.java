package org.equitymark.bench;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Part 3: how fast a job executor drains a backlog. Cases are put in place with the executor off, then
 * the executor is started and timed until no due job is left. The job log tells how many jobs ran,
 * how many ran more than once (a lock that expired) and how many failed.
 */
final class JobDrain {

  /** Far enough for a payment reminder (every 14 days) to be due, not far enough for the lapse (60 days). */
  private static final Duration REMINDER_DUE = Duration.ofDays(15);
  private static final long TIMEOUT_MILLIS = 600_000;

  record Result(long jobs, double seconds, long duplicates, long failures) {
    double jobsPerSecond() {
      return jobs / seconds;
    }
  }

  private JobDrain() {
  }

  /** {@code cases} new cases, each with its invoice step due as an asynchronous job. */
  static Result asyncSteps(BenchSystem system, int cases) {
    system.stopJobExecutor();
    for (int i = 0; i < cases; i++) {
      system.startCaseWaitingForPayment();
    }
    return drain(system, system);
  }

  /**
   * Moves the engine clock 15 days on, so that the payment reminder of every case waiting for payment
   * is due: each fires (a timer job) and sends its reminder (an asynchronous job).
   */
  static Result dueReminders(BenchSystem system, int cases) {
    system.stopJobExecutor();
    ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(REMINDER_DUE)));
    try {
      return drain(system, system);
    } finally {
      system.stopJobExecutor();
      ClockUtil.reset();
    }
  }

  private static Result drain(BenchSystem system, BenchSystem executor) {
    ManagementService management = system.engine().getManagementService();
    HistoryService history = system.engine().getHistoryService();
    long succeededBefore = history.createHistoricJobLogQuery().successLog().count();
    long failedBefore = history.createHistoricJobLogQuery().failureLog().count();
    long repeatedBefore = JobLog.repeatedSuccesses(system.engine());
    long start = System.nanoTime();
    executor.startJobExecutor();
    while (management.createJobQuery().executable().count() > 0) {
      if ((System.nanoTime() - start) / 1_000_000 > TIMEOUT_MILLIS) {
        throw new IllegalStateException(system.label() + ": jobs still due after " + TIMEOUT_MILLIS + " ms");
      }
      sleep(25);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    executor.stopJobExecutor();
    long succeeded = history.createHistoricJobLogQuery().successLog().count() - succeededBefore;
    long failed = history.createHistoricJobLogQuery().failureLog().count() - failedBefore;
    long repeated = JobLog.repeatedSuccesses(system.engine()) - repeatedBefore;
    return new Result(succeeded, seconds, repeated, failed);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
