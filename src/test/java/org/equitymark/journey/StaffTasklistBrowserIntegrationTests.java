package org.equitymark.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.equitymark.access.ActingUser;
import org.equitymark.certificate.Certificates;
import org.equitymark.feedback.FeedbackTriageProcess;
import org.equitymark.frameworkreview.FrameworkReviewProcess;
import org.equitymark.process.CertificationProcess;
import org.equitymark.support.BrowserTestSupport;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.Registrations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheme's staff in Tasklist, in Chromium, on the demo's cases and a few more set up once: finance,
 * the support officer, an assessor with two assessments, a certification panel member and a scheme
 * manager each land on their own queue (the first filter, selected), whose cards name each case's
 * organisation and reference; the webapps carry the EquityMark name without the vendor's banner; the
 * manager triages public feedback in Tasklist, opens the reports page from Tasklist's header, and
 * uploads a draft framework file on the drafts page (refused with its line and column, then listed).
 */
class StaffTasklistBrowserIntegrationTests extends BrowserTestSupport {

  private static final Duration ASYNC = Duration.ofSeconds(60);
  private static final String RIVERSIDE = "Riverside Mental Health NHS Trust";
  private static final String NORTHGATE = "Northgate Community Wellbeing";
  /** What the assessor typed as findings: markup and Markdown a form must show as written. */
  private static final String AS_TYPED = "<img src=x onerror=alert(1)> and **bold**, as the assessor typed them";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired Certificates certificates;
  @Autowired JdbcTemplate jdbc;

  private String leadAssessor;
  private List<ProcessInstance> assessments;
  private ProcessInstance panelCase;
  private long feedbackId;

  @BeforeAll
  void casesForEveryQueue() throws Exception {
    // the demo's Youth Wellbeing Service waits for its lead; a second assessment is given to the same lead
    ProcessInstance youth = demoCase("Youth Wellbeing Service");
    leadAssessor = (String) runtimeService.getVariable(youth.getId(), CertificationProcess.LEAD_ASSESSOR.name());
    ProcessInstance second = caseAtAssessment("northgate", NORTHGATE, "Browser Second Service " + System.nanoTime());
    taskService.setAssignee(task(second, ASSESS_EVIDENCE), leadAssessor); // as a scheme manager reallocates
    assessments = List.of(youth, second);

    // a case assessed at Foundation, waiting for the certification panel, with markup in the findings
    panelCase = caseAtAssessment("riverside", RIVERSIDE, "Browser Panel Ward " + System.nanoTime());
    String lead = (String) runtimeService.getVariable(panelCase.getId(), CertificationProcess.LEAD_ASSESSOR.name());
    Map<String, Object> findings = ProcessTestSupport.assessment(false, ProcessTestSupport.allIndicatorsUpTo("foundation"));
    findings.put("leadershipAssessorComment", AS_TYPED);
    complete(lead, panelCase, ASSESS_EVIDENCE, findings);
    task(panelCase, APPROVE_CERTIFICATION);

    // public feedback on the demo's certificate, with markup in it
    String certificate = certificates.register().get(0).certificateNumber();
    HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(url("/api/feedback/" + certificate))).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"submitterType\": \"carer\", \"message\": "
            + "\"<b>Browser</b> feedback: the ward found an interpreter the same day.\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    feedbackId = await().atMost(ASYNC).until(() -> jdbc.queryForList(
        "select id from em_feedback where message like '%Browser%' and status = 'open'", Long.class),
        ids -> !ids.isEmpty()).get(0);
  }

  @Test
  void shouldOpenEachStaffRoleOnItsOwnQueueWithCardsNamingTheCase() {
    ProcessInstance acuteWard = demoCase("Acute Ward 3");
    ProcessInstance teamNorth = demoCase("Community Mental Health Team North");

    Page finance = loginToTasklist("finance");
    assertQueue(finance, "Payments to confirm", "finance");
    assertCard(finance, acuteWard, RIVERSIDE);
    assertBranded(finance);

    Page support = loginToTasklist("support");
    assertQueue(support, "Self-assessments to review", "support");
    assertCard(support, teamNorth, RIVERSIDE);

    Page assessor = loginToTasklist(leadAssessor);
    assertQueue(assessor, "Assessments assigned to me", "assessor");
    Locator cards = assessor.locator("ol.tasks-list li.task");
    await().atMost(ASYNC).until(() -> cards.count() >= 2);
    for (ProcessInstance assessment : assessments) {
      assertCard(assessor, assessment, NORTHGATE);
    }
    assertThat(assessor.locator("ol.tasks-list").innerText()).contains("Youth Wellbeing Service")
        .contains("Browser Second Service");

    Page panel = loginToTasklist("panel");
    assertQueue(panel, "Certifications to approve", "panel");
    assertCard(panel, panelCase, RIVERSIDE);

    // the reports link is for scheme managers only
    assertThat(panel.locator("a.equitymark-reports-link").count()).isZero();
    assertThat(panel.locator("a.equitymark-drafts-link").count()).isZero();

    // when the panel opens the case, then it reads the assessor's findings as typed, nothing rendered
    panel.locator("ol.tasks-list li.task a[href*='task=" + task(panelCase, APPROVE_CERTIFICATION) + "']").first().click();
    Locator findings = panel.locator("form.fjs-form .fjs-form-field-text").filter(
        new Locator.FilterOptions().setHasText("onerror"));
    findings.first().waitFor();
    assertThat(findings.first().innerText()).contains(AS_TYPED);
    assertThat(panel.locator("form.fjs-form img").count()).as("an img element").isZero();
    assertThat(findings.first().locator("strong, b").filter(new Locator.FilterOptions().setHasText("bold")).count())
        .as("bold made of the typed **").isZero();
  }

  @Test
  void shouldLetTheSchemeManagerTriageFeedbackAndOpenTheReports() {
    // given
    Page manager = loginToTasklist("manager");
    assertQueue(manager, "Scheme management tasks", "manager");
    assertBranded(manager);
    String triage = await().atMost(ASYNC).until(() -> Optional.ofNullable(taskService.createTaskQuery()
        .processInstanceBusinessKey(FeedbackTriageProcess.businessKey(feedbackId)).singleResult()), Optional::isPresent)
        .map(Task::getId).get();

    // when the manager opens the triage task, reads the message as written and records the outcome
    manager.locator("ol.tasks-list li.task a[href*='task=" + triage + "']").first().click();
    Locator form = manager.locator("form.fjs-form");
    form.waitFor();
    assertThat(form.innerText()).contains("<b>Browser</b> feedback: the ward found an interpreter the same day.");
    assertThat(form.locator("b").count()).isZero();
    Locator claim = manager.locator("[cam-tasklist-task-meta]").getByText("Claim", new Locator.GetByTextOptions().setExact(true));
    if (claim.isVisible()) {
      claim.click();
    }
    form.getByLabel("Acted on: the scheme has taken it up").check();
    form.getByLabel("Notes").fill("Thanked the ward; shared with the assessor as good practice.");
    screenshot(manager, "staff-5-manager-triage");
    manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true)).click();

    // then the feedback is triaged
    await().atMost(ASYNC).until(() -> jdbc.queryForObject("select status from em_feedback where id = ?", String.class,
        feedbackId), "acted-on"::equals);
    assertThat(jdbc.queryForObject("select triaged_by from em_feedback where id = ?", String.class, feedbackId))
        .isEqualTo("manager");

    // when the manager follows the reports link in Tasklist's header
    Locator link = manager.locator("a.equitymark-reports-link");
    link.waitFor();
    link.click();
    manager.waitForURL("**/reports**");

    // then the certificates chart has a bar with the figures of its table
    Locator chart = manager.locator("[data-report='certificates'] svg.chart");
    chart.waitFor();
    Locator bar = chart.locator("rect.bar[data-series='active'][data-category='Foundation']");
    assertThat(bar.count()).isEqualTo(1);
    String value = bar.getAttribute("data-value");
    assertThat(Long.parseLong(value)).isPositive();
    assertThat(Double.parseDouble(bar.getAttribute("width"))).isPositive();
    assertThat(manager.locator("[data-report='certificates'] table.figures tbody tr").filter(
        new Locator.FilterOptions().setHasText("Foundation")).innerText()).contains(value);
    assertThat(manager.locator("a.csv[href='/reports/certificates.csv']").count()).isEqualTo(1);
    screenshot(manager, "staff-6-manager-reports");
    assertAccessible(manager, "the reports page");
  }

  @Test
  void shouldLetTheSchemeManagerUploadADraftFrameworkAndSeeItListed() throws Exception {
    // given the framework in force as a file, once broken and once as a new version
    String version = "browser-" + System.nanoTime();
    String inForce = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/framework"))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String draft = inForce.replaceFirst("\"version\"\\s*:\\s*\"[^\"]+\"", "\"version\":\"" + version + "\"");
    Page manager = loginToTasklist("manager");
    Locator drafts = manager.locator("a.equitymark-drafts-link");
    drafts.waitFor();
    drafts.click();
    manager.waitForURL("**/framework/drafts**");
    Locator file = manager.getByLabel("Draft framework file (JSON)");
    Locator upload = manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and check"));

    // when the manager uploads a file with a syntax error
    file.setInputFiles(new FilePayload("draft.json", "application/json",
        draft.replaceFirst(",", "").getBytes(StandardCharsets.UTF_8)));
    upload.click();

    // then the page says where the error is and stores nothing
    Locator problems = manager.locator(".error-summary");
    problems.waitFor();
    assertThat(problems.innerText()).contains("The file was not stored").containsPattern("line 1, column \\d+");
    assertThat(manager.locator("tr[data-version='" + version + "']").count()).isZero();

    // when the manager uploads the new version
    file.setInputFiles(new FilePayload("draft.json", "application/json", draft.getBytes(StandardCharsets.UTF_8)));
    upload.click();

    // then it is listed, uploaded by the manager, valid
    manager.waitForURL("**/framework/drafts?uploaded=" + version + "**");
    Locator row = manager.locator("tr[data-version='" + version + "']");
    assertThat(row.innerText()).contains(version).contains("manager").contains("Yes");
    screenshot(manager, "staff-7-manager-framework-drafts");
    assertAccessible(manager, "the framework drafts page");

    // when the yearly review opens (started here rather than waiting a year for its timer)
    ProcessInstance review = runtimeService.startProcessInstanceByKey(FrameworkReviewProcess.KEY);
    try {
      String taskId = taskService.createTaskQuery().processInstanceId(review.getId()).singleResult().getId();
      manager.navigate(url("/camunda/app/tasklist/default/#/?task=" + taskId));
      Locator form = manager.locator("form.fjs-form");
      form.waitFor();
      Locator claim = manager.locator("[cam-tasklist-task-meta]").getByText("Claim",
          new Locator.GetByTextOptions().setExact(true));
      claim.waitFor();
      claim.click();
      form.getByLabel("Publish a new version").check();

      // then its New version select offers the draft just uploaded
      Locator select = form.locator(".fjs-form-field-select");
      select.locator(".fjs-select-display").click();
      assertThat(select.locator(".fjs-dropdownlist-item").filter(new Locator.FilterOptions().setHasText(version))
          .count()).isEqualTo(1);
      screenshot(manager, "staff-8-manager-framework-review");
    } finally {
      runtimeService.deleteProcessInstance(review.getId(), "browser test");
    }
  }

  // --- what each person sees

  private void assertQueue(Page person, String queue, String who) {
    Locator filters = person.locator(".task-filter");
    filters.first().waitFor();
    assertThat(filters.first().innerText()).as("first filter of " + who).contains(queue);
    assertThat(filters.first().getAttribute("class")).as("first filter of " + who + " selected").contains("active");
    person.locator("ol.tasks-list li.task").first().waitFor();
    screenshot(person, "staff-" + who + "-queue");
  }

  private void assertCard(Page person, ProcessInstance instance, String organisation) {
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).list().get(0).getId();
    Locator card = person.locator("ol.tasks-list li.task").filter(new Locator.FilterOptions()
        .setHas(person.locator("a[href*='task=" + taskId + "']")));
    card.first().waitFor();
    assertThat(card.first().innerText()).contains(instance.getBusinessKey()).contains(organisation);
  }

  private static void assertBranded(Page person) {
    assertThat(person.locator(".navbar-brand .brand-name").innerText()).contains("EquityMark");
    Locator banner = person.locator(".ce-eol-banner");
    assertThat(banner.count() == 0 || !banner.first().isVisible()).as("the vendor's banner is hidden").isTrue();
  }

  // --- the cases, moved as the other people would through the engine API

  private ProcessInstance demoCase(String workplaceArea) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(CertificationProcess.KEY)
        .variableValueEquals("workplaceArea", workplaceArea).singleResult();
  }

  private ProcessInstance caseAtAssessment(String applicant, String organisation, String workplaceArea) {
    Map<String, Object> registration = Registrations.valid(organisation, applicant + "@browser.example");
    registration.put("workplaceArea", workplaceArea);
    registration.put("targetLevel", "foundation");
    ProcessInstance instance = ActingUser.as(identityService, applicant,
        () -> runtimeService.startProcessInstanceByKey(CertificationProcess.KEY, registration));
    complete("finance", instance, CONFIRM_PAYMENT,
        Map.of("paymentReceived", true, "feeWaived", false, "paymentReference", "BACS browser"));
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT,
        ProcessTestSupport.selfAssessment(ProcessTestSupport.allIndicatorsUpTo("foundation")));
    complete("support", instance, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", true));
    task(instance, ASSESS_EVIDENCE);
    return instance;
  }

  private void complete(String userId, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    String taskId = task(instance, taskKey);
    ActingUser.as(identityService, userId, () -> {
      taskService.claim(taskId, userId);
      taskService.complete(taskId, variables);
      return null;
    });
  }

  private String task(ProcessInstance instance, String taskKey) {
    return await().atMost(ASYNC).until(() -> Optional.ofNullable(taskService.createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult()), Optional::isPresent)
        .map(Task::getId).get();
  }
}
