package org.equitymark.support;

import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_AS_PANEL_MEMBER;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.access.ActingUser;
import org.equitymark.access.Groups;
import org.equitymark.allocation.Assessor;
import org.equitymark.allocation.AssessorDeclaration;
import org.equitymark.allocation.AssessorPool;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Level;
import org.equitymark.framework.TestFrameworks;
import org.equitymark.process.CertificationProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Process tests run the real models with the real delegates in one shared Spring context; only the
 * outside world is substituted: mail goes to GreenMail, and the engine clock is moved instead of
 * waiting. The job executor is off: tests run jobs themselves, so nothing happens behind their back;
 * so is the mail outbox's poller (a mail is sent when its step's job commits; tests of retries call
 * {@code OutboxDelivery.deliverDue}).
 */
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "equitymark.mail.outbox.poll-interval=0"})
@ActiveProfiles("test")
public abstract class ProcessTestSupport {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected HistoryService historyService;

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry);
    TestDatabase.register(registry);
  }

  @Autowired protected AssessorPool assessorPool;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
    ensureSchemeStaff();
  }

  /** The scheme's staff every test (and the benchmark) works with: one or two per role, six assessors. */
  protected void ensureSchemeStaff() {
    ensureUser("finance1", Groups.FINANCE);
    ensureUser("support1", Groups.SUPPORT_OFFICERS);
    ensureUser("support2", Groups.SUPPORT_OFFICERS);
    ensureUser("manager1", Groups.SCHEME_MANAGERS);
    ensureUser("moderator1", Groups.MODERATORS);
    ensureUser("panel1", Groups.CERTIFICATION_PANEL);
    ensureUser("appeals1", Groups.APPEALS_PANEL);
    ensureAssessor("assessor1", Assessor.Gender.WOMAN, Assessor.Minoritised.YES);
    ensureAssessor("assessor2", Assessor.Gender.WOMAN, Assessor.Minoritised.NO);
    ensureAssessor("assessor3", Assessor.Gender.MAN, Assessor.Minoritised.YES);
    ensureAssessor("assessor4", Assessor.Gender.WOMAN, Assessor.Minoritised.NOT_DECLARED);
    ensureAssessor("assessor5", Assessor.Gender.MAN, Assessor.Minoritised.NO);
    ensureAssessor("assessor6", Assessor.Gender.NON_BINARY, Assessor.Minoritised.YES);
  }

  /** A case at the end of Stage 2: paid, self-assessed with the given claims, found ready by support1. */
  protected ProcessInstance caseReadyForAssessment(String applicant, String email, String targetLevel,
      String... claims) {
    Map<String, Object> registration = registration(email);
    registration.put("targetLevel", targetLevel);
    ProcessInstance instance = register(applicant, registration);
    runAsyncJobs();
    complete("finance1", instance, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "BACS 9"));
    runAsyncJobs();
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, selfAssessment(claims));
    complete("support1", instance, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", true));
    runAsyncJobs();
    return instance;
  }

  /** The lead assessor's findings: the confirmed indicators (Json lists per area) and a comment per area. */
  public static Map<String, Object> assessment(boolean clarificationNeeded, String... confirmedIds) {
    Map<String, Object> variables = new HashMap<>();
    Map<String, Object> claims = selfAssessment(confirmedIds);
    EvidenceFramework.AREA_IDS.forEach(area -> {
      variables.put(area + "ConfirmedIndicators", claims.get(area + "Indicators"));
      variables.put(area + "AssessorComment", "Findings for " + area + ".");
    });
    variables.put("clarificationNeeded", clarificationNeeded);
    if (clarificationNeeded) {
      variables.put("clarificationQuestions", "Please send the minutes where the board reviewed the plan.");
    }
    return variables;
  }

  /** A case just decided by the panel: assessed with the given confirmations, approved, its steps run. */
  protected ProcessInstance decidedCase(String applicant, String email, String target, String... confirmed) {
    ProcessInstance instance = caseReadyForAssessment(applicant, email, target, allIndicatorsUpTo(target));
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(false, confirmed));
    reviewAsPanel(instance);
    complete("panel1", instance, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();
    return instance;
  }

  /**
   * Each open {@code reviewAsPanelMember} task completed by its own panel member, in the order of the
   * open tasks' assignees: agreeing, or not (with reasons) where {@code agrees} says so; every member
   * agrees when nothing is given. Does nothing on a case without a panel review open.
   */
  protected void reviewAsPanel(ProcessInstance instance, boolean... agrees) {
    List<Task> reviews = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(REVIEW_AS_PANEL_MEMBER).orderByTaskAssignee().asc().list();
    for (int i = 0; i < reviews.size(); i++) {
      Task review = reviews.get(i);
      boolean agreeing = i >= agrees.length || agrees[i];
      Map<String, Object> view = agreeing
          ? Map.of("panelMemberAgrees", true)
          : Map.of("panelMemberAgrees", false, "panelMemberReasons", "The access evidence does not show translated signs.");
      as(review.getAssignee(), () -> {
        taskService.complete(review.getId(), view);
        return null;
      });
    }
  }

  /** The drafted action plan with a person and a date filled in for every action, as the applicant would. */
  protected Object agreedActionPlan(ProcessInstance instance) {
    SpinJsonNode plan = (SpinJsonNode) runtimeService.getVariable(instance.getId(), "actionPlan");
    String date = LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC).plusMonths(6).toString();
    for (SpinJsonNode item : plan.elements()) {
      item.prop("personResponsible", "Dana Fox");
      item.prop("targetDate", date);
    }
    return SpinValues.jsonValue(plan.toString()).create();
  }

  protected String leadAssessor(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), "leadAssessor");
  }

  protected void ensureAssessor(String id, Assessor.Gender gender, Assessor.Minoritised minoritised) {
    ensureUser(id, Groups.ASSESSORS);
    if (assessorPool.declarations().stream().noneMatch(d -> d.userId().equals(id))) {
      assessorPool.save(new AssessorDeclaration(id, "Assessor " + id, gender, minoritised, true, List.of()));
    }
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  /** A new applicant user of its own, so that each test has its own organisation. */
  protected String newApplicant() {
    String id = "applicant" + SEQUENCE.incrementAndGet();
    ensureUser(id, Groups.APPLICANTS);
    return id;
  }

  /** A unique contact address, so that mail assertions see only this test's mails. */
  protected static String uniqueEmail() {
    return "contact" + SEQUENCE.incrementAndGet() + "@provider.example";
  }

  /** A valid registration; tests override what they are about. */
  protected static Map<String, Object> registration(String contactEmail) {
    return Registrations.valid("Brookside Mental Health Services", contactEmail);
  }

  protected ProcessInstance register(String userId, Map<String, Object> registration) {
    return as(userId, () -> runtimeService.startProcessInstanceByKey(CertificationProcess.KEY, registration));
  }

  /** Completes the instance's open task with the given key as the user would through Tasklist or REST. */
  protected void complete(String userId, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    as(userId, () -> {
      taskService.complete(task(instance, taskKey).getId(), variables);
      return null;
    });
  }

  protected Task task(ProcessInstance instance, String taskKey) {
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new AssertionError("No open task " + taskKey + " in " + instance.getBusinessKey());
    }
    return task;
  }

  /** Runs the due asynchronous continuations (not timers) until none is left. */
  protected void runAsyncJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = managementService.createJobQuery().executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("Asynchronous jobs keep coming: a loop in the model?");
  }

  /** Moves the engine clock forward, fires every timer now due, then runs the steps they started. */
  protected void moveClockBy(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(duration)));
    for (int fired = 0; fired < 500; fired++) {
      // one at a time: an interrupting timer removes its siblings
      List<Job> due = managementService.createJobQuery().timers().executable().orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        runAsyncJobs();
        return;
      }
      managementService.executeJob(due.get(0).getId());
      runAsyncJobs();
    }
    throw new AssertionError("Timers keep firing: a cycle without end?");
  }

  /** Self-assessment answers: the claimed indicators (Json lists per area, as Tasklist sends) and evidence. */
  public static Map<String, Object> selfAssessment(String... indicatorIds) {
    Map<String, List<String>> byArea = new HashMap<>();
    EvidenceFramework.AREA_IDS.forEach(area -> byArea.put(area, new ArrayList<>()));
    for (String id : indicatorIds) {
      byArea.get(id.substring(0, id.indexOf('.'))).add(id);
    }
    Map<String, Object> variables = new HashMap<>();
    byArea.forEach((area, ids) -> {
      variables.put(area + "Indicators", json(ids));
      variables.put(area + "Evidence", "Our " + area + " evidence: policy, minutes and monitoring data.");
    });
    return variables;
  }

  public static Object json(List<String> strings) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < strings.size(); i++) {
      json.append(i == 0 ? "" : ",").append('"').append(strings.get(i)).append('"');
    }
    return SpinValues.jsonValue(json.append(']').toString()).create();
  }

  /** Every indicator of the given levels in every area. */
  public static String[] allIndicatorsUpTo(String level) {
    return allIndicatorsUpTo(TestFrameworks.latest(), level);
  }

  /** Every indicator of the given levels in every area of this framework version. */
  public static String[] allIndicatorsUpTo(EvidenceFramework framework, String level) {
    Level upTo = Level.fromId(level).orElseThrow();
    return framework.areas().stream().flatMap(a -> a.indicators().stream())
        .filter(i -> upTo.atLeast(i.levelValue())).map(EvidenceFramework.Indicator::id).toArray(String[]::new);
  }

  protected <T> T as(String userId, java.util.function.Supplier<T> work) {
    return ActingUser.as(identityService, userId, work);
  }

  protected void ensureUser(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setPassword(id);
      user.setEmail(id + "@equitymark.example");
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }
}
