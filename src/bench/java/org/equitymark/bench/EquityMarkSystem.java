package org.equitymark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.EquityMarkApplication;
import org.equitymark.allocation.AssessorPool;
import org.equitymark.process.CertificationProcess;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * EquityMark as it ships: the Spring Boot application (profile {@code test}: mail to the local
 * GreenMail SMTP server) on its own database, with authorization on and the shipped job-executor
 * settings. Cases are driven as {@link ProcessTestSupport} drives them: the real model, forms'
 * variables and delegates, each step done as the user who does it.
 */
final class EquityMarkSystem extends ProcessTestSupport implements BenchSystem {

  private static final String TARGET = "developing";
  private static final String MONITORING = "monitorCertificate";
  /** Part 6's appeals officers: appeals1 (the scheme staff's) and two more, for a case's later appeals. */
  static final List<String> APPEALS_OFFICERS = List.of("appeals1", "appeals2", "appeals3");

  private final ConfigurableApplicationContext context;
  private String label;
  private final JobExecutor jobExecutor;
  private final JobExecutorSettings shipped;

  EquityMarkSystem(String label, BenchDatabase.Target target, String... extraArguments) {
    this.label = label;
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.org.equitymark=WARN",
        "--spring.datasource.url=" + target.url(),
        "--spring.datasource.username=" + target.user(),
        "--spring.datasource.password=" + target.password(),
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + TestMailServer.server().getSmtp().getPort()));
    arguments.addAll(List.of(extraArguments));
    context = new SpringApplicationBuilder(EquityMarkApplication.class).profiles("test")
        .run(arguments.toArray(String[]::new));
    jobExecutor = context.getBean(JobExecutor.class);
    ThreadPoolTaskExecutor pool = context.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class);
    shipped = new JobExecutorSettings(pool.getCorePoolSize(), pool.getMaxPoolSize(), pool.getQueueCapacity(),
        jobExecutor.getMaxJobsPerAcquisition());
    // the benchmark runs jobs itself until a part is about the job executor
    jobExecutor.shutdown();
    engine = context.getBean(ProcessEngine.class);
    runtimeService = context.getBean(RuntimeService.class);
    taskService = context.getBean(TaskService.class);
    managementService = context.getBean(ManagementService.class);
    identityService = context.getBean(IdentityService.class);
    historyService = context.getBean(HistoryService.class);
    assessorPool = context.getBean(AssessorPool.class);
    ensureSchemeStaff();
    // part 6's second and third appeals (after an upheld appeal and a new decision) go to another officer
    APPEALS_OFFICERS.forEach(officer -> ensureUser(officer, org.equitymark.access.Groups.APPEALS_PANEL));
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public ProcessEngine engine() {
    return engine;
  }

  void relabel(String newLabel) {
    label = newLabel;
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  /** A new case's submissions, with a contact address of its own; the same for ours and the baseline. */
  static CaseData caseData() {
    Map<String, Object> registration = registration(uniqueEmail());
    registration.put("targetLevel", TARGET);
    return new CaseData(registration, Map.of("paymentReceived", true, "paymentReference", "BACS 9"),
        selfAssessment(allIndicatorsUpTo(TARGET)), Map.of("readyForAssessment", true),
        assessment(false, allIndicatorsUpTo(TARGET)), Map.of("panelDecision", "approve"));
  }

  @Override
  public void runCase(StepClock clock) {
    String applicant = newApplicant();
    CaseData data = caseData();

    ProcessInstance instance = clock.time("register", () -> register(applicant, data.registration()));
    String id = instance.getId();
    clock.time("sendInvoice (async)", () -> runJobs(id));
    clock.time("confirmPayment", () -> complete("finance1", instance, "confirmPayment", data.payment()));
    clock.time("sendSelfAssessmentInvitation (async)", () -> runJobs(id));
    clock.time("completeSelfAssessment", () -> complete(applicant, instance, "completeSelfAssessment",
        data.claims()));
    clock.time("reviewSelfAssessment", () -> complete("support1", instance, "reviewSelfAssessment", data.review()));
    clock.time("sendReadyForAssessment, allocate (async)", () -> runJobs(id));
    String lead = leadAssessor(instance);
    clock.time("assessEvidence", () -> complete(lead, instance, "assessEvidence", data.findings()));
    clock.time("approveCertification", () -> complete("panel1", instance, "approveCertification", data.panel()));
    clock.time("issue, send certificate (async)", () -> runJobs(id));
    Object plan = agreedActionPlan(instance);
    clock.time("agreeActionPlan", () -> complete(applicant, instance, "agreeActionPlan", Map.of("actionPlan", plan)));
    clock.time("appealWindowClosed (timer)", () -> fireTimer(id, "appealWindowClosed"));
    BenchSystem.assertMonitoring(engine, id, MONITORING);
  }

  @Override
  public String startCaseWaitingForPayment() {
    return register(newApplicant(), registration(uniqueEmail())).getId();
  }

  /** Registers a case as the given applicant (its organisation is created on its first case). */
  ProcessInstance registerAs(String applicant) {
    return register(applicant, registration(uniqueEmail()));
  }

  /**
   * Registers a case as the given applicant through the real registration start (validation, reference,
   * organisation, group, grants), started at the given activity (the steps before it are skipped) with
   * the given variables, which the registration's validation does not see.
   */
  ProcessInstance registerAtStage(String applicant, String activityId, Map<String, Object> atStage) {
    return as(applicant, () -> runtimeService.createProcessInstanceByKey(CertificationProcess.KEY)
        .setVariables(registration(uniqueEmail()))
        .startBeforeActivity(activityId)
        .setVariables(atStage)
        .execute());
  }

  /** What {@code calculateFee} sets for {@link #registration}'s organisation (the fee-band DMN, evaluated once). */
  Map<String, Object> feeAsCalculated() {
    Map<String, Object> registration = registration(uniqueEmail());
    var fee = engine.getDecisionService().evaluateDecisionTableByKey("fee-band", Map.of(
        "organisationType", registration.get("organisationType"), "staffCount", registration.get("staffCount"),
        "reassessment", false)).getSingleResult();
    return Map.of("fee", ((Number) fee.getEntry("fee")).longValue(), "feeBand", fee.getEntry("feeBand"));
  }

  String createApplicant() {
    return newApplicant();
  }

  /** Registers a new organisation's case as its applicant, aiming at the given level (part 6). */
  ProcessInstance registerAiming(String applicant, String targetLevel) {
    Map<String, Object> registration = registration(uniqueEmail());
    registration.put("targetLevel", targetLevel);
    return register(applicant, registration);
  }

  /** Completes a task as the user would through Tasklist or the portal (part 6). */
  void completeAs(String userId, String taskId, Map<String, Object> variables) {
    as(userId, () -> {
      taskService.complete(taskId, variables);
      return null;
    });
  }

  /** The case's drafted action plan with a person and a date for every action, as the applicant agrees it. */
  Object agreedActionPlan(String instanceId) {
    return agreedActionPlan(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult());
  }

  /**
   * Sets the job executor's threads, queue and jobs per acquisition while it is stopped: the shipped
   * values (application.yaml) or the engine's defaults, to measure what the tuning buys.
   */
  void useJobExecutorSettings(JobExecutorSettings settings) {
    jobExecutor.shutdown();
    ThreadPoolTaskExecutor pool = context.getBean("camundaTaskExecutor", ThreadPoolTaskExecutor.class);
    pool.shutdown();
    if (settings.corePoolSize() > pool.getMaxPoolSize()) {
      pool.setMaxPoolSize(settings.maxPoolSize());
      pool.setCorePoolSize(settings.corePoolSize());
    } else {
      pool.setCorePoolSize(settings.corePoolSize());
      pool.setMaxPoolSize(settings.maxPoolSize());
    }
    pool.setQueueCapacity(settings.queueCapacity());
    pool.initialize();
    jobExecutor.setMaxJobsPerAcquisition(settings.maxJobsPerAcquisition());
  }

  /** The job-executor settings EquityMark ships (application.yaml), as the app read them at start. */
  JobExecutorSettings shippedJobExecutorSettings() {
    return shipped;
  }

  @Override
  public void startJobExecutor() {
    jobExecutor.start();
  }

  boolean jobExecutorRunning() {
    return jobExecutor.isActive();
  }

  @Override
  public void stopJobExecutor() {
    jobExecutor.shutdown();
  }

  @Override
  public void close() {
    context.close();
  }
}
