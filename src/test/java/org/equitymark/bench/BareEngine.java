package org.equitymark.bench;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The baseline: a bare Camunda engine of the same version, on the same kind of database, at the same
 * history level, running a generated model with the same wait states (user tasks, asynchronous steps,
 * timers, the after-decision sub-process) as {@code certification}'s path to a certificate, and no-op
 * delegates. No authorization, no forms, no variables beyond those the expressions need.
 */
final class BareEngine implements BenchSystem {

  static final String LIFECYCLE = "bare-lifecycle";
  static final String JOBS = "bare-jobs";
  static final String TASKS = "bare-tasks";

  enum JobExecutorSetting {
    /** The engine's own defaults: 3-10 threads, queue 3, 3 jobs per acquisition. */
    DEFAULTS,
    /** The same numbers EquityMark ships in application.yaml. */
    TUNED
  }

  private final ProcessEngine engine;
  private final String label;
  private final DefaultJobExecutor jobExecutor;

  BareEngine(String label, BenchDatabase.Target target, JobExecutorSetting setting) {
    this.label = label;
    jobExecutor = new DefaultJobExecutor();
    if (setting == JobExecutorSetting.TUNED) {
      tune(jobExecutor);
    }
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(label + "-" + System.nanoTime());
    configuration.setJdbcUrl(target.url());
    configuration.setJdbcUsername(target.user());
    configuration.setJdbcPassword(target.password());
    configuration.setJdbcDriver(target.driver());
    // more connections than job threads (at most 10 with the defaults), so no job waits for a connection
    configuration.setJdbcMaxActiveConnections(20);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setJobExecutor(jobExecutor);
    configuration.setMetricsEnabled(true);
    Map<Object, Object> beans = new HashMap<>();
    beans.put("noop", (JavaDelegate) execution -> { });
    configuration.setBeans(beans);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("bare")
        .addModelInstance(LIFECYCLE + ".bpmn", lifecycleModel())
        .addModelInstance(JOBS + ".bpmn", jobsModel())
        .addModelInstance(TASKS + ".bpmn", tasksModel())
        .deploy();
  }

  /** EquityMark's shipped job-executor numbers (application.yaml), applied to a bare engine. */
  static void tune(DefaultJobExecutor executor) {
    executor.setCorePoolSize(4);
    executor.setMaxPoolSize(4);
    executor.setQueueSize(20);
    executor.setMaxJobsPerAcquisition(10);
    executor.setLockTimeInMillis(300_000);
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public ProcessEngine engine() {
    return engine;
  }

  @Override
  public void startJobExecutor() {
    jobExecutor.start();
  }

  @Override
  public void stopJobExecutor() {
    jobExecutor.shutdown();
  }

  @Override
  public void close() {
    jobExecutor.shutdown();
    engine.close();
  }

  /** Start to end with the same waits as a certified case: 7 user tasks, 5 async steps, 1 timer fired. */
  @Override
  public void runCase(StepClock clock) {
    var runtime = engine.getRuntimeService();
    Map<String, Object> start = Map.of("organisationId", "1001", "leadAssessor", "assessor1");
    ProcessInstance instance = clock.time("register", () -> runtime.startProcessInstanceByKey(LIFECYCLE, start));
    String id = instance.getId();
    clock.time("sendInvoice (async)", () -> runJobs(id));
    clock.time("confirmPayment", () -> completeTask(id, "confirmPayment"));
    clock.time("sendSelfAssessmentInvitation (async)", () -> runJobs(id));
    clock.time("completeSelfAssessment", () -> completeTask(id, "completeSelfAssessment"));
    clock.time("reviewSelfAssessment", () -> completeTask(id, "reviewSelfAssessment"));
    clock.time("sendReadyForAssessment, allocate (async)", () -> runJobs(id));
    clock.time("assessEvidence", () -> completeTask(id, "assessEvidence"));
    clock.time("approveCertification", () -> completeTask(id, "approveCertification"));
    clock.time("issue, send certificate (async)", () -> runJobs(id));
    clock.time("agreeActionPlan", () -> completeTask(id, "agreeActionPlan"));
    clock.time("appealWindowClosed (timer)", () -> fireTimer(id, "appealWindowClosed"));
    BenchSystem.assertEnded(engine, id);
  }

  private void completeTask(String instanceId, String taskKey) {
    var tasks = engine.getTaskService();
    tasks.complete(BenchSystem.task(engine, instanceId, taskKey).getId());
  }

  @Override
  public String startCaseWaitingForPayment() {
    return engine.getRuntimeService().startProcessInstanceByKey(JOBS, Map.of("organisationId", "1001")).getId();
  }

  private static BpmnModelInstance lifecycleModel() {
    return Bpmn.createExecutableProcess(LIFECYCLE).camundaHistoryTimeToLive(2555)
        .startEvent("registrationReceived")
        .serviceTask("calculateFee").camundaDelegateExpression("${noop}")
        .serviceTask("sendInvoice").camundaAsyncBefore().camundaDelegateExpression("${noop}")
        .userTask("confirmPayment").camundaCandidateGroups("finance")
        .boundaryEvent("paymentOverdue").timerWithDuration("P60D").endEvent("applicationLapsed")
        .moveToActivity("confirmPayment")
        .boundaryEvent("paymentReminderDue").cancelActivity(false).timerWithCycle("R/P14D")
        .serviceTask("sendPaymentReminder").camundaAsyncBefore().camundaDelegateExpression("${noop}")
        .endEvent("paymentReminderSent")
        .moveToActivity("confirmPayment")
        .serviceTask("sendSelfAssessmentInvitation").camundaAsyncBefore().camundaDelegateExpression("${noop}")
        .userTask("completeSelfAssessment").camundaCandidateGroups("org-${organisationId}")
        .boundaryEvent("selfAssessmentIdle").timerWithDuration("P90D").endEvent("selfAssessmentLapsed")
        .moveToActivity("completeSelfAssessment")
        .boundaryEvent("selfAssessmentReminderDue").cancelActivity(false).timerWithCycle("R/P14D")
        .serviceTask("sendSelfAssessmentReminder").camundaAsyncBefore().camundaDelegateExpression("${noop}")
        .endEvent("selfAssessmentReminderSent")
        .moveToActivity("completeSelfAssessment")
        .serviceTask("scoreSelfAssessment").camundaDelegateExpression("${noop}")
        .userTask("reviewSelfAssessment").camundaCandidateGroups("support-officers")
        .serviceTask("sendReadyForAssessment").camundaAsyncBefore().camundaDelegateExpression("${noop}")
        .serviceTask("allocateAssessors").camundaDelegateExpression("${noop}")
        .userTask("assessEvidence").camundaAssignee("${leadAssessor}")
        .serviceTask("scoreAssessment").camundaDelegateExpression("${noop}")
        .userTask("approveCertification").camundaCandidateGroups("certification-panel")
        .serviceTask("issueCertificate").camundaAsyncBefore().camundaDelegateExpression("${noop}")
        .serviceTask("sendCertificate").camundaAsyncBefore().camundaDelegateExpression("${noop}")
        .subProcess("afterDecision").embeddedSubProcess()
          .startEvent("afterDecisionStarted")
          .parallelGateway("actionPlanAndAppealWindow")
          .serviceTask("draftActionPlan").camundaDelegateExpression("${noop}")
          .userTask("agreeActionPlan").camundaCandidateGroups("org-${organisationId}")
          .parallelGateway("actionPlanAndAppealSettled")
          .endEvent("afterDecisionCompleted")
          .moveToNode("actionPlanAndAppealWindow")
          .userTask("lodgeAppeal").camundaCandidateGroups("org-${organisationId}")
          .exclusiveGateway("appealSettled")
          .connectTo("actionPlanAndAppealSettled")
          .moveToActivity("lodgeAppeal")
          .boundaryEvent("appealWindowClosed").timerWithDuration("P28D")
          .connectTo("appealSettled")
        .subProcessDone()
        .endEvent("certificationDecided")
        .done();
  }

  /** The job-executor workload: an async step, then a wait with a due reminder that runs an async step. */
  private static BpmnModelInstance jobsModel() {
    return Bpmn.createExecutableProcess(JOBS).camundaHistoryTimeToLive(2555)
        .startEvent()
        .serviceTask("sendInvoice").camundaAsyncBefore().camundaDelegateExpression("${noop}")
        .userTask("confirmPayment").camundaCandidateGroups("finance")
        .boundaryEvent("paymentReminderDue").cancelActivity(false).timerWithCycle("R/P14D")
        .serviceTask("sendPaymentReminder").camundaAsyncBefore().camundaDelegateExpression("${noop}")
        .endEvent()
        .moveToActivity("confirmPayment")
        .endEvent()
        .done();
  }

  /** The task-list workload: one user task per stage, with the candidate groups of certification. */
  private static BpmnModelInstance tasksModel() {
    return Bpmn.createExecutableProcess(TASKS).camundaHistoryTimeToLive(2555)
        .startEvent()
        .userTask("confirmPayment").camundaCandidateGroups("finance")
        .userTask("completeSelfAssessment").camundaCandidateGroups("org-${organisationId}")
        .userTask("reviewSelfAssessment").camundaCandidateGroups("support-officers")
        .userTask("assessEvidence").camundaAssignee("${leadAssessor}")
        .userTask("approveCertification").camundaCandidateGroups("certification-panel")
        .userTask("agreeActionPlan").camundaCandidateGroups("org-${organisationId}")
        .endEvent()
        .done();
  }
}
