package org.equitymark.bench;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** What the benchmark drives: EquityMark itself, or a bare engine as the baseline. */
interface BenchSystem extends AutoCloseable {

  String label();

  ProcessEngine engine();

  /** One case from registration to its end after the certificate, each step timed under its name. */
  void runCase(StepClock clock);

  /** A case waiting for payment, with its first asynchronous step (the invoice) due as a job. */
  String startCaseWaitingForPayment();

  void startJobExecutor();

  void stopJobExecutor();

  @Override
  void close();

  /** Runs the instance's due asynchronous continuations (not timers) until none is left, as the job executor would. */
  default void runJobs(String instanceId) {
    var management = engine().getManagementService();
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instanceId).executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new IllegalStateException("Asynchronous jobs keep coming in " + instanceId);
  }

  /** Fires a timer now, as the job executor does when it falls due. */
  default void fireTimer(String instanceId, String activityId) {
    var management = engine().getManagementService();
    Job timer = management.createJobQuery().processInstanceId(instanceId).activityId(activityId).timers()
        .singleResult();
    if (timer == null) {
      throw new IllegalStateException("No timer " + activityId + " in " + instanceId);
    }
    management.executeJob(timer.getId());
    runJobs(instanceId);
  }

  static Task task(ProcessEngine engine, String instanceId, String taskKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("No open task " + taskKey + " in " + instanceId);
    }
    return task;
  }

  /** A certified case's lifecycle ends where its certificate goes under monitoring (years long). */
  static void assertMonitoring(ProcessEngine engine, String instanceId, String monitoringActivity) {
    var runtime = engine.getRuntimeService();
    if (!runtime.getActiveActivityIds(instanceId).contains(monitoringActivity)) {
      throw new IllegalStateException("Case " + instanceId + " waits at " + runtime.getActiveActivityIds(instanceId));
    }
  }
}
