package org.equitymark.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.process.CertificationProcess;
import org.equitymark.support.BrowserTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The people of the scheme in Camunda Tasklist and Cockpit, in Chromium: an applicant registers from
 * the start form and completes the self-assessment (ticks and typed evidence arrive as the contract's
 * variables), the support officer and the assessor see that evidence and the gap analysis in their
 * forms and complete them, a scheme manager sees the case's token in Cockpit's diagram, and an
 * applicant of another organisation sees none of it. Form fields are found by the labels and option
 * texts of {@code forms/*.form}, by field key: a renamed key or a missing form fails here.
 */
class TasklistBrowserIntegrationTests extends BrowserTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ASYNC = Duration.ofSeconds(30);

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void shouldRegisterFromTheStartFormInTasklist() throws IOException {
    // given
    String ward = "Browser Ward " + System.nanoTime();
    Page applicant = loginToTasklist("riverside");

    // when the applicant starts a registration and fills the start form
    applicant.getByText("Start process").first().click();
    applicant.getByText("EquityMark certification").first().click();
    Locator form = applicant.locator(".modal-content");
    JsonNode registration = form("registration");
    form.getByLabel(label(registration, "organisationName")).fill("Riverside Mental Health NHS Trust");
    form.getByLabel(label(registration, "workplaceArea")).fill(ward);
    select(form, registration, "organisationType", "nhs-trust");
    form.getByLabel(label(registration, "staffCount")).fill("2400");
    form.getByLabel(label(registration, "contactName")).fill("Rhian Morgan");
    form.getByLabel(label(registration, "contactEmail")).fill("rhian.browser@riverside.example");
    form.getByLabel(optionLabel(registration, "targetLevel", "competence")).check();
    select(form, registration, "preferredLanguage", "cy");
    screenshot(applicant, "tasklist-1-start-form");
    applicant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start").setExact(true)).click();

    // then what was typed arrives as the contract's variables
    ProcessInstance instance = await().atMost(ASYNC).until(() -> Optional.ofNullable(runtimeService
        .createProcessInstanceQuery().variableValueEquals("workplaceArea", ward).singleResult()), Optional::isPresent).get();
    Map<String, Object> variables = runtimeService.getVariables(instance.getId());
    assertThat(variables)
        .containsEntry("organisationName", "Riverside Mental Health NHS Trust")
        .containsEntry("organisationType", "nhs-trust")
        .containsEntry("contactName", "Rhian Morgan")
        .containsEntry("contactEmail", "rhian.browser@riverside.example")
        .containsEntry("targetLevel", "competence")
        .containsEntry("preferredLanguage", "cy")
        .containsEntry("registeredBy", "riverside");
    assertThat(((Number) variables.get("staffCount")).longValue()).isEqualTo(2400L);
    assertThat(instance.getBusinessKey()).matches("CC-\\d{4}-\\d{5}");
  }

  @Test
  void shouldTakeTheSelfAssessmentThroughSupportAndAssessmentInTasklistAndShowItInCockpit() throws IOException {
    // given a paid application of Riverside's
    String ward = "Self-assessed Ward " + System.nanoTime();
    ProcessInstance instance = paidApplication("riverside", ward);
    String reference = instance.getBusinessKey();
    awaitTask(instance, COMPLETE_SELF_ASSESSMENT);

    // when the applicant ticks indicators and writes evidence in the self-assessment form
    Page applicant = loginToTasklist("riverside");
    Locator selfAssessment = openTask(applicant, "My organisation's tasks", instance, COMPLETE_SELF_ASSESSMENT, "Complete self-assessment");
    JsonNode form = form("self-assessment");
    List<String> claimed = new ArrayList<>();
    for (String area : List.of("leadership", "workforce", "engagement", "access", "outcomes")) {
      for (EvidenceFramework.Indicator indicator : FRAMEWORK.area(area).indicators().subList(0, 2)) {
        selfAssessment.getByLabel(optionLabel(indicator), new Locator.GetByLabelOptions().setExact(true)).check();
        claimed.add(indicator.id());
      }
      selfAssessment.getByLabel(label(form, area + "Evidence"))
          .fill("Typed in the browser: our " + area + " policy, see https://riverside.example/" + area);
    }
    // and the form read the indicators, their guidance and examples from the case's framework version
    EvidenceFramework.Indicator first = FRAMEWORK.area("access").indicators().get(0);
    assertThat(selfAssessment.textContent()).contains(first.guidance(), first.evidenceExamples().get(0));
    screenshot(applicant, "tasklist-2-self-assessment");
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT);

    // then ticks and text arrive as the contract's variables
    assertThat(listVariable(instance, "leadershipIndicators")).containsExactlyElementsOf(claimed.subList(0, 2));
    assertThat(listVariable(instance, "outcomesIndicators")).containsExactlyElementsOf(claimed.subList(8, 10));
    assertThat(runtimeService.getVariable(instance.getId(), "accessEvidence"))
        .isEqualTo("Typed in the browser: our access policy, see https://riverside.example/access");
    // and a statement tied to a claimed indicator, as the portal's self-assessment sends it (PortalTaskIntegrationTests)
    EvidenceFramework.Indicator stated = FRAMEWORK.area("leadership").indicators().get(0);
    runtimeService.setVariable(instance.getId(), "leadershipClaims", SpinValues.jsonValue(
        "[{\"indicator\": \"" + stated.id() + "\", \"statement\": \"Board minutes of <b>12 March</b> adopt the "
            + "**code of practice**\", \"links\": \"https://riverside.example/minutes\"}]").create());

    // and an applicant of another organisation sees none of Riverside's tasks
    Page other = loginToTasklist("northgate");
    other.locator("ol.tasks-list li.task").first().waitFor();
    assertThat(other.locator("ol.tasks-list").textContent()).contains("Northgate")
        .doesNotContain(reference).doesNotContain("Riverside");
    String reviewTask = awaitTask(instance, REVIEW_SELF_ASSESSMENT);
    other.navigate(url("/camunda/app/tasklist/default/#/?task=" + reviewTask));
    other.getByText("The task does not exist anymore").waitFor();
    assertThat(other.locator("form.fjs-form").count()).isZero();
    assertThat(other.locator("body").textContent()).doesNotContain(reference).doesNotContain("Self-assessed Ward");
    screenshot(other, "tasklist-3-other-organisation");

    // when the support officer opens the review
    Page support = loginToTasklist("support");
    Locator review = openTask(support, "Self-assessments to review", instance, REVIEW_SELF_ASSESSMENT, "Review self-assessment");

    // then the applicant's evidence and the gap analysis are rendered in the form (its Markdown as formatting)
    String gapFirstLine = runtimeService.getVariable(instance.getId(), "gapAnalysisText").toString().lines()
        .findFirst().orElse("").replace("**", "");
    assertThat(review.textContent()).contains("Typed in the browser: our leadership policy", "Gap analysis", gapFirstLine);
    screenshot(support, "tasklist-4-support-review");
    review.getByLabel(label(form("review-self-assessment"), "readyForAssessment")).check();
    complete(support, instance, REVIEW_SELF_ASSESSMENT);
    assertThat(runtimeService.getVariable(instance.getId(), "readyForAssessment")).isEqualTo(true);

    // when the lead assessor opens the assessment
    awaitTask(instance, ASSESS_EVIDENCE);
    String lead = (String) runtimeService.getVariable(instance.getId(), "leadAssessor");
    Page assessor = loginToTasklist(lead);
    Locator assessment = openTask(assessor, "Assessments assigned to me", instance, ASSESS_EVIDENCE, "Assess evidence");

    // then the evidence and the gap analysis are there, and the assessor's findings arrive as variables
    assertThat(assessment.textContent()).contains("Typed in the browser: our workforce policy", "Gap analysis");
    JsonNode assessmentForm = form("assessment");
    // with each indicator's text and guidance from the case's framework version, the claims' texts among them
    EvidenceFramework.Indicator confirmed = FRAMEWORK.area("leadership").indicators().get(0);
    assertThat(assessment.textContent()).contains(confirmed.text(), confirmed.guidance());
    // and the claim's statement beside its indicator's text, as the applicant typed it (no markup, no bold)
    assertThat(assessment.textContent()).contains("Evidence per indicator", stated.id() + ", "
        + optionLabel(stated), "Statement: Board minutes of <b>12 March</b> adopt the **code of practice**",
        "Links: https://riverside.example/minutes");
    assertThat(assessment.locator("b:has-text('12 March')").count()).isZero();
    assessment.getByLabel(optionLabel(confirmed), new Locator.GetByLabelOptions().setExact(true)).check();
    assessment.getByLabel(label(assessmentForm, "leadershipAssessorComment"))
        .fill("The board minutes confirm the public commitment.");
    screenshot(assessor, "tasklist-5-assessment");

    // and a scheme manager sees the case waiting at the assessment in Cockpit's diagram
    Page manager = newPerson("en-GB");
    manager.navigate(url("/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime"));
    login(manager, "manager");
    Locator token = manager.locator(".djs-overlays[data-container-id='" + ASSESS_EVIDENCE + "'] .badge");
    token.first().waitFor();
    assertThat(token.first().textContent().trim()).isEqualTo("1");
    assertThat(manager.locator("[data-element-id='" + REVIEW_SELF_ASSESSMENT + "']").count()).isPositive();
    screenshot(manager, "cockpit-1-case-diagram");

    complete(assessor, instance, ASSESS_EVIDENCE);
    await().atMost(ASYNC).until(() -> runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
        .count() == 0 || taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(ASSESS_EVIDENCE).count() == 0);
  }

  // --- Tasklist as a person uses it

  /**
   * Picks the Tasklist filter, clicks the case's task in the list (by its link: staff lists show no case
   * variables on the cards), claims it unless assigned, and returns its form.
   */
  private Locator openTask(Page person, String filter, ProcessInstance instance, String taskKey, String taskName) {
    String taskId = awaitTask(instance, taskKey);
    person.getByText(filter).first().click();
    person.locator("ol.tasks-list li.task a[href*='task=" + taskId + "']").first().click();
    person.locator("h2.task").filter(new Locator.FilterOptions().setHasText(taskName)).waitFor();
    Locator form = person.locator("form.fjs-form");
    form.waitFor();
    Locator claim = person.locator("[cam-tasklist-task-meta]").getByText("Claim", new Locator.GetByTextOptions().setExact(true));
    if (claim.isVisible()) {
      claim.click();
    }
    return form;
  }

  private void complete(Page person, ProcessInstance instance, String taskKey) {
    person.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true)).click();
    await().atMost(ASYNC).until(() -> taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).count() == 0);
  }

  /** A form-js select: opens it and picks the option with the value's label. */
  private static void select(Locator form, JsonNode definition, String key, String value) {
    Locator field = form.locator(".fjs-form-field-select").filter(new Locator.FilterOptions()
        .setHas(form.page().locator("label", new Page.LocatorOptions().setHasText(label(definition, key)))));
    field.locator(".fjs-select-display").click();
    field.locator(".fjs-dropdownlist-item").filter(new Locator.FilterOptions()
        .setHasText(optionLabel(definition, key, value))).first().click();
  }

  // --- the forms as designers wrote them: labels by field key

  private static JsonNode form(String name) throws IOException {
    return JSON.readTree(Path.of("forms", name + ".form").toFile());
  }

  private static JsonNode field(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("No field with key " + key + " in form " + form.path("id").asText());
  }

  private static String label(JsonNode form, String key) {
    return field(form, key).path("label").asText();
  }

  /** The framework version new cases record: the forms' indicator options come from it. */
  private static final EvidenceFramework FRAMEWORK = org.equitymark.framework.TestFrameworks.latest();

  /** A checklist option's label as showIndicators writes it for an English case. */
  private static String optionLabel(EvidenceFramework.Indicator indicator) {
    return FRAMEWORK.levelDescription(indicator.level()).orElseThrow().name() + ": " + indicator.text();
  }

  private static List<JsonNode> values(JsonNode form, String key) {
    List<JsonNode> values = new ArrayList<>();
    field(form, key).path("values").forEach(values::add);
    return values;
  }

  private static String optionLabel(JsonNode form, String key, String value) {
    return values(form, key).stream().filter(v -> value.equals(v.path("value").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("No option " + value + " in " + key)).path("label").asText();
  }

  // --- the case, moved as the other people would through the engine API

  private ProcessInstance paidApplication(String applicant, String ward) {
    Map<String, Object> registration = new HashMap<>(Map.of(
        "organisationName", "Riverside Mental Health NHS Trust", "organisationType", "nhs-trust", "staffCount", 2400,
        "contactName", "Rhian Morgan", "contactEmail", "rhian.browser@riverside.example", "targetLevel", "foundation",
        "preferredLanguage", "en", "workplaceArea", ward));
    ProcessInstance instance = as(applicant, () -> runtimeService.startProcessInstanceByKey(CertificationProcess.KEY, registration));
    String payment = awaitTask(instance, CONFIRM_PAYMENT);
    as("finance", () -> {
      taskService.claim(payment, "finance");
      taskService.complete(payment, Map.of("paymentReceived", true, "feeWaived", false, "paymentReference", "BACS 1"));
      return null;
    });
    return instance;
  }

  private String awaitTask(ProcessInstance instance, String taskKey) {
    return await().atMost(ASYNC).until(() -> Optional.ofNullable(taskService.createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult()), Optional::isPresent)
        .map(Task::getId).get();
  }

  private List<String> listVariable(ProcessInstance instance, String name) {
    SpinJsonNode list = (SpinJsonNode) runtimeService.getVariable(instance.getId(), name);
    return list.elements().stream().map(SpinJsonNode::stringValue).toList();
  }

  private <T> T as(String userId, Supplier<T> work) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
