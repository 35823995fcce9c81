package org.equitymark.bench;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The baseline: a bare Camunda engine of the same version, on the same kind of database, at the same
 * history level, running a generated model with the same wait states (user tasks, asynchronous steps,
 * timers, the after-decision sub-process, the call into certificate monitoring with its timers and
 * message) as {@code certification}'s path to a certificate, and no-op delegates. Its user tasks are
 * completed with the same values ours receive ({@link CaseData}: a bare engine carrying the same
 * case data); no authorization, no validation, none of the values our delegates derive. Ids come
 * from the generator Camunda requires in production, as ours do.
 */
final class BareEngine implements BenchSystem {

  static final String LIFECYCLE = "bare-lifecycle";
  static final String JOBS = "bare-jobs";
  static final String TASKS = "bare-tasks";
  static final String MONITORING = "bare-monitoring";
  /** What the call into monitoring passes on: the applicant's registration (ours passes its own list). */
  private static final java.util.List<String> MONITORING_INPUTS = java.util.List.of("organisationId",
      "organisationName", "organisationType", "staffCount", "contactName", "contactEmail", "targetLevel",
      "preferredLanguage");

  /**
   * Ids as Camunda requires for production and as ours are (the Spring Boot starter's default):
   * {@code StrongUuidGenerator}. The engine class's own default, {@code DbIdGenerator}, is in Camunda's
   * words for debugging and testing only; its short numeric ids make every table and index narrower
   * than a production engine's ({@code -Dbench.bareIdGenerator=db} measures against it).
   */
  private static final boolean UUID_IDS = !"db".equals(System.getProperty("bench.bareIdGenerator", "uuid"));

  private final ProcessEngine engine;
  private final String label;
  private final DefaultJobExecutor jobExecutor;

  /** Which generator gives the baseline its ids (recorded with the results). */
  static String idGenerator() {
    return UUID_IDS ? "StrongUuidGenerator" : "DbIdGenerator";
  }

  /** A bare engine whose job executor runs with the given settings (the engine's defaults, or ours). */
  BareEngine(String label, BenchDatabase.Target target, JobExecutorSettings settings) {
    this.label = label;
    jobExecutor = new DefaultJobExecutor();
    jobExecutor.setCorePoolSize(settings.corePoolSize());
    jobExecutor.setMaxPoolSize(settings.maxPoolSize());
    jobExecutor.setQueueSize(settings.queueCapacity());
    jobExecutor.setMaxJobsPerAcquisition(settings.maxJobsPerAcquisition());
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(label + "-" + System.nanoTime());
    configuration.setJdbcUrl(target.url());
    configuration.setJdbcUsername(target.user());
    configuration.setJdbcPassword(target.password());
    configuration.setJdbcDriver(target.driver());
    // more connections than job threads, so no job waits for a connection
    configuration.setJdbcMaxActiveConnections(settings.maxPoolSize() + 10);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setJobExecutor(jobExecutor);
    configuration.setMetricsEnabled(true);
    if (UUID_IDS) {
      configuration.setIdGenerator(new StrongUuidGenerator());
    }
    // Json values, as the forms submit them (Spin, the engine's own plugin for them)
    configuration.setDefaultSerializationFormat("application/json");
    configuration.getProcessEnginePlugins().add(new org.camunda.spin.plugin.impl.SpinProcessEnginePlugin());
    Map<Object, Object> beans = new HashMap<>();
    beans.put("noop", (JavaDelegate) execution -> { });
    configuration.setBeans(beans);
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("bare")
        .addModelInstance(LIFECYCLE + ".bpmn", lifecycleModel())
        .addModelInstance(JOBS + ".bpmn", jobsModel())
        .addModelInstance(TASKS + ".bpmn", tasksModel())
        .addModelInstance(MONITORING + ".bpmn", monitoringModel())
        .deploy();
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

  /**
   * Start to monitoring with the same waits as a certified case: 7 user tasks, 5 async steps, 1 timer
   * fired, then the call into monitoring (its timers and message wait), with the same submitted values.
   */
  @Override
  public void runCase(StepClock clock) {
    var runtime = engine.getRuntimeService();
    CaseData data = EquityMarkSystem.caseData();
    Map<String, Object> start = new HashMap<>(data.registration());
    start.put("organisationId", "1001");
    start.put("leadAssessor", "assessor1");
    ProcessInstance instance = clock.time("register", () -> runtime.startProcessInstanceByKey(LIFECYCLE, start));
    String id = instance.getId();
    clock.time("sendInvoice (async)", () -> runJobs(id));
    clock.time("confirmPayment", () -> completeTask(id, "confirmPayment", data.payment()));
    clock.time("sendSelfAssessmentInvitation (async)", () -> runJobs(id));
    clock.time("completeSelfAssessment", () -> completeTask(id, "completeSelfAssessment", data.claims()));
    clock.time("reviewSelfAssessment", () -> completeTask(id, "reviewSelfAssessment", data.review()));
    clock.time("sendReadyForAssessment, allocate (async)", () -> runJobs(id));
    clock.time("assessEvidence", () -> completeTask(id, "assessEvidence", data.findings()));
    clock.time("approveCertification", () -> completeTask(id, "approveCertification", data.panel()));
    clock.time("issue, send certificate (async)", () -> runJobs(id));
    clock.time("agreeActionPlan", () -> completeTask(id, "agreeActionPlan", Map.of("actionPlan", actionPlan())));
    clock.time("appealWindowClosed (timer)", () -> fireTimer(id, "appealWindowClosed"));
    BenchSystem.assertMonitoring(engine, id, "monitorCertificate");
  }

  private void completeTask(String instanceId, String taskKey, Map<String, Object> variables) {
    engine.getTaskService().complete(BenchSystem.task(engine, instanceId, taskKey).getId(), variables);
  }

  /** An agreed action plan of the size ours drafts: an action per area with a person and a date. */
  private static Object actionPlan() {
    StringBuilder json = new StringBuilder("[");
    for (String area : org.equitymark.framework.EvidenceFramework.AREA_IDS) {
      json.append(json.length() > 1 ? "," : "").append("{\"area\":\"").append(area)
          .append("\",\"action\":\"Reach the next level in ").append(area)
          .append("\",\"personResponsible\":\"Dana Fox\",\"targetDate\":\"2027-06-01\"}");
    }
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(json.append(']').toString()).create();
  }

  @Override
  public String startCaseWaitingForPayment() {
    return engine.getRuntimeService().startProcessInstanceByKey(JOBS, Map.of("organisationId", "1001")).getId();
  }

  private static BpmnModelInstance lifecycleModel() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(LIFECYCLE).camundaHistoryTimeToLive(2555)
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
        .callActivity("monitorCertificate").calledElement(MONITORING)
        .endEvent("certificationDecided")
        .done();
    model.<org.camunda.bpm.model.bpmn.instance.CallActivity>getModelElementById("monitorCertificate")
        .builder().camundaInBusinessKey("#{execution.processBusinessKey}");
    for (String name : MONITORING_INPUTS) {
      model.<org.camunda.bpm.model.bpmn.instance.CallActivity>getModelElementById("monitorCertificate")
          .builder().camundaIn(name, name);
    }
    return model;
  }

  /**
   * Monitoring's waits from its start: a scheduling step, then the first annual return's timer and the
   * reassessment invitation's timer in parallel, and the revocation message.
   */
  private static BpmnModelInstance monitoringModel() {
    org.camunda.bpm.model.bpmn.builder.ProcessBuilder process = Bpmn.createExecutableProcess(MONITORING)
        .camundaHistoryTimeToLive(2555);
    process.eventSubProcess("revocation").startEvent("certificateRevokedReceived").message("CertificateRevoked")
        .serviceTask("revokeCertificate").camundaDelegateExpression("${noop}").endEvent("certificateRevoked");
    return process.startEvent("monitoringStarted")
        .serviceTask("scheduleMonitoring").camundaDelegateExpression("${noop}")
        .parallelGateway("monitoringSplit")
        .serviceTask("scheduleAnnualReturn").camundaDelegateExpression("${noop}")
        .intermediateCatchEvent("annualReturnOpens").timerWithDuration("P12M")
        .endEvent("annualReturnsCompleted")
        .moveToNode("monitoringSplit")
        .intermediateCatchEvent("reassessmentInvitationDue").timerWithDuration("P33M")
        .endEvent("reassessmentInvited")
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
