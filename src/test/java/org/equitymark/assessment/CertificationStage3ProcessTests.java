package org.equitymark.assessment;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.AGREE_ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.Elements.ALLOCATE_ASSESSORS_MANUALLY;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.CLARIFICATION_REMINDER_DUE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.ISSUE_CERTIFICATE;
import static org.equitymark.process.CertificationProcess.Elements.LODGE_APPEAL;
import static org.equitymark.process.CertificationProcess.Elements.MODERATE_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.PREPARE_FEEDBACK_REPORT;
import static org.equitymark.process.CertificationProcess.Elements.PROVIDE_CLARIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.SEND_CERTIFICATE;
import static org.equitymark.process.CertificationProcess.Elements.SUPPORT_CLARIFICATION;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.equitymark.allocation.Assessor;
import org.equitymark.allocation.AssessorDeclaration;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;

/** Stage 3 of {@code certification} through the real model: allocation, assessment, clarification, decision. */
class CertificationStage3ProcessTests extends ProcessTestSupport {

  private String applicant;
  private String email;

  private ProcessInstance ready(String target, String... claims) {
    applicant = newApplicant();
    email = uniqueEmail();
    return caseReadyForAssessment(applicant, email, target, claims);
  }

  @Test
  void shouldAllocateAnIndependentLeadAndCertifyAtTarget() {
    // given
    ProcessInstance instance = ready("developing", allIndicatorsUpTo("developing"));

    // then an eligible lead assessor has the assessment
    String lead = leadAssessor(instance);
    assertThat(instance).isWaitingAt(ASSESS_EVIDENCE).task().isAssignedTo(lead);
    Assertions.assertThat(lead).startsWith("assessor");
    Assertions.assertThat(runtimeService.getVariable(instance.getId(), "assessmentPanel").toString()).isEqualTo("[]");

    // when the assessor confirms everything and the panel approves
    complete(lead, instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("developing")));
    assertThat(instance).variables()
        .containsEntry("achievedLevel", "developing")
        .containsEntry("outcome", "certified-at-target")
        .containsEntry("moderationRequired", false)
        .containsEntry("leadershipLevel", "developing");
    complete("panel1", instance, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();

    // then the certificate is issued, sent, and the action plan and appeal window are open
    assertThat(instance).hasPassed(ISSUE_CERTIFICATE, SEND_CERTIFICATE).hasNotPassed(MODERATE_ASSESSMENT);
    Assertions.assertThat((String) runtimeService.getVariable(instance.getId(), "certificateNumber"))
        .matches("EM-\\d{4}-\\d{5}");
    assertThat(instance).isWaitingAt(AGREE_ACTION_PLAN, LODGE_APPEAL);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("is certified at Developing level"));

    // when the action plan is agreed and 28 days pass without appeal
    complete(applicant, instance, AGREE_ACTION_PLAN, Map.of("actionPlan", agreedActionPlan(instance)));
    moveClockBy(Duration.ofDays(28).plusMinutes(1));

    // then the certified case goes on to monitoring (Stage 4)
    assertThat(instance).isWaitingAt(org.equitymark.process.CertificationProcess.MONITOR_CERTIFICATE);
  }

  @Test
  void shouldStopCountingACaseInItsLeadsLoadOnceTheCertificateIsUnderMonitoring() {
    // given a certified case whose action plan is agreed, its appeal window still open
    ProcessInstance instance = ready("developing", allIndicatorsUpTo("developing"));
    String lead = leadAssessor(instance);
    complete(lead, instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("developing")));
    complete("panel1", instance, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();
    complete(applicant, instance, AGREE_ACTION_PLAN, Map.of("actionPlan", agreedActionPlan(instance)));
    int loadWhileDeciding = assessorPool.find(lead).orElseThrow().load();

    // when its appeal window closes (this case's timer only), so that it goes under monitoring
    managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(org.equitymark.process.CertificationProcess.Elements.APPEAL_WINDOW_CLOSED).singleResult().getId());
    runAsyncJobs();

    // then the lead assessor's load no longer counts it: monitoring is no assessment work
    assertThat(instance).isWaitingAt(org.equitymark.process.CertificationProcess.MONITOR_CERTIFICATE);
    Assertions.assertThat(loadWhileDeciding).isPositive();
    Assertions.assertThat(assessorPool.find(lead).orElseThrow().load()).isEqualTo(loadWhileDeciding - 1);
  }

  @Test
  void shouldComposeAPanelThatMeetsTheCommitmentForCompetence() {
    // given
    ProcessInstance instance = ready("competence", allIndicatorsUpTo("competence"));

    // then
    SpinJsonNode panel = (SpinJsonNode) runtimeService.getVariable(instance.getId(), "assessmentPanel");
    List<String> members = panel.elements().stream().map(SpinJsonNode::stringValue).toList();
    Assertions.assertThat(members).hasSize(3).contains(leadAssessor(instance));
    List<AssessorDeclaration> declared = assessorPool.declarations().stream()
        .filter(d -> members.contains(d.userId())).toList();
    Assertions.assertThat(declared.stream().filter(d -> d.gender() == Assessor.Gender.WOMAN).count())
        .isGreaterThanOrEqualTo(2);
    Assertions.assertThat(declared.stream().filter(d -> d.minoritised() == Assessor.Minoritised.YES).count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldGoThroughOneClarificationRoundAndKeepTheThread() {
    // given
    ProcessInstance instance = ready("foundation", allIndicatorsUpTo("foundation"));
    String lead = leadAssessor(instance);

    // when the assessor asks and the applicant answers
    complete(lead, instance, ASSESS_EVIDENCE, assessment(true, "leadership.foundation.1"));
    runAsyncJobs();
    assertThat(instance).isWaitingAt(PROVIDE_CLARIFICATION);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("your assessor has a question"));
    complete(applicant, instance, PROVIDE_CLARIFICATION, Map.of(
        "clarificationResponse", "The minutes of 3 March are attached as a link: https://provider.example/minutes",
        "leadershipEvidence", "Updated: board minutes of 3 March."));

    // then the assessment is back with the lead, with the thread kept
    assertThat(instance).isWaitingAt(ASSESS_EVIDENCE).task().isAssignedTo(lead);
    assertThat(instance).variables().containsEntry("clarificationRounds", 1L)
        .containsEntry("leadershipEvidence", "Updated: board minutes of 3 March.");
    Assertions.assertThat((String) runtimeService.getVariable(instance.getId(), "clarificationThreadText"))
        .contains("Round 1").contains("board reviewed the plan").contains("minutes of 3 March are attached");
  }

  @Test
  void shouldAskAboutOneIndicatorAndShowTheApplicantItsTextAndGuidance() {
    // given
    ProcessInstance instance = ready("foundation", allIndicatorsUpTo("foundation"));
    String lead = leadAssessor(instance);
    org.equitymark.framework.EvidenceFramework.Indicator asked = org.equitymark.framework.TestFrameworks.latest()
        .indicator("access.foundation.1").orElseThrow();

    // when the assessor names an indicator that is not one of the case's version, or names one without asking
    Map<String, Object> unknown = new java.util.HashMap<>(assessment(true));
    unknown.put("clarificationIndicator", "access.foundation.99");
    Map<String, Object> notAsking = new java.util.HashMap<>(assessment(false, allIndicatorsUpTo("foundation")));
    notAsking.put("clarificationIndicator", asked.id());

    // then both are refused and the assessment stays open
    Assertions.assertThatThrownBy(() -> complete(lead, instance, ASSESS_EVIDENCE, unknown))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("clarificationIndicator")
        .hasMessageContaining("access.foundation.99 is not an indicator of framework version");
    Assertions.assertThatThrownBy(() -> complete(lead, instance, ASSESS_EVIDENCE, notAsking))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("can only be given when asking for clarification");
    assertThat(instance).isWaitingAt(ASSESS_EVIDENCE);

    // when the assessor asks about that one indicator
    Map<String, Object> about = new java.util.HashMap<>(assessment(true));
    about.put("clarificationIndicator", asked.id());
    complete(lead, instance, ASSESS_EVIDENCE, about);
    runAsyncJobs();

    // then the applicant's task shows the indicator's text and guidance, and the thread names it
    Assertions.assertThat((String) taskService.getVariableLocal(task(instance, PROVIDE_CLARIFICATION).getId(),
        "clarificationIndicatorText")).contains(asked.id(), asked.text(), asked.guidance());
    Assertions.assertThat((String) runtimeService.getVariable(instance.getId(), "clarificationThreadText"))
        .contains(asked.id());

    // and once answered, the next round starts with no indicator chosen
    complete(applicant, instance, PROVIDE_CLARIFICATION, Map.of("clarificationResponse", "Our leaflets are in Welsh."));
    assertThat(instance).isWaitingAt(ASSESS_EVIDENCE);
    assertThat(instance).variables().doesNotContainKey("clarificationIndicator");
  }

  @Test
  void shouldConcludeOnTheEvidenceAtHandAfterThreeRounds() {
    // given three rounds of clarification
    ProcessInstance instance = ready("foundation", allIndicatorsUpTo("foundation"));
    String lead = leadAssessor(instance);
    for (int round = 1; round <= 3; round++) {
      complete(lead, instance, ASSESS_EVIDENCE, assessment(true));
      runAsyncJobs();
      complete(applicant, instance, PROVIDE_CLARIFICATION, Map.of("clarificationResponse", "Answer " + round));
    }

    // when the assessor asks a fourth time
    Assertions.assertThatThrownBy(() -> complete(lead, instance, ASSESS_EVIDENCE, assessment(true)))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("all 3 clarification rounds have been used");

    // then it concludes on the evidence at hand
    complete(lead, instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("foundation")));
    assertThat(instance).isWaitingAt(APPROVE_CERTIFICATION);
    assertThat(instance).variables().containsEntry("clarificationRounds", 3L);
  }

  @Test
  void shouldRemindAfterSevenDaysAndEscalateToSupportAfterTwentyOne() {
    // given
    ProcessInstance instance = ready("foundation", allIndicatorsUpTo("foundation"));
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(true));
    runAsyncJobs();

    // when
    moveClockBy(Duration.ofDays(7).plusMinutes(1));

    // then
    assertThat(instance).hasPassed(CLARIFICATION_REMINDER_DUE).isWaitingAt(PROVIDE_CLARIFICATION);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("question is waiting"));

    // when
    moveClockBy(Duration.ofDays(14));

    // then a support officer is asked to help, and the applicant can still answer
    assertThat(instance).isWaitingAt(PROVIDE_CLARIFICATION, SUPPORT_CLARIFICATION);
    complete("support2", instance, SUPPORT_CLARIFICATION, Map.of("supportNotes", "Called the contact; answer coming."));
    Assertions.assertThat((String) runtimeService.getVariable(instance.getId(), "clarificationThreadText"))
        .contains("support2: Called the contact");
  }

  @org.springframework.beans.factory.annotation.Value("${equitymark.assessment.max-clarification-rounds}")
  long maxClarificationRounds;

  @Test
  void shouldShowTheConfiguredMostClarificationRoundsOnEachClarificationTask() throws Exception {
    // given a case in clarification, escalated to a support officer
    ProcessInstance instance = ready("foundation", allIndicatorsUpTo("foundation"));
    Assertions.assertThat(taskService.getVariableLocal(task(instance, ASSESS_EVIDENCE).getId(), "maxClarificationRounds"))
        .isEqualTo(maxClarificationRounds);
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(true));
    runAsyncJobs();
    moveClockBy(Duration.ofDays(21).plusMinutes(1));

    // then every clarification task carries the configured limit for its form's text
    for (String taskKey : List.of(PROVIDE_CLARIFICATION, SUPPORT_CLARIFICATION)) {
      Assertions.assertThat(taskService.getVariableLocal(task(instance, taskKey).getId(), "maxClarificationRounds"))
          .as(taskKey).isEqualTo(maxClarificationRounds);
    }
    // and the forms show that variable, never a number of their own
    for (String form : List.of("assessment", "clarification", "support-clarification")) {
      String text = java.nio.file.Files.readString(java.nio.file.Path.of("forms", form + ".form"));
      Assertions.assertThat(text).as(form).contains("{{maxClarificationRounds}}")
          .doesNotContainPattern("(of|at most|All) (at most )?3\\b").doesNotContain(">= 3")
          .doesNotContain("21 days");
    }
  }

  @Test
  void shouldRequireModerationWhenAssessedTwoLevelsBelowTheSelfAssessment() {
    // given a competence self-assessment assessed at foundation
    ProcessInstance instance = ready("competence", allIndicatorsUpTo("competence"));
    String lead = leadAssessor(instance);
    complete(lead, instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("foundation")));
    reviewAsPanel(instance);
    assertThat(instance).isWaitingAt(MODERATE_ASSESSMENT);
    identityService.createMembership(lead, "moderators");
    try {
      // when the lead assessor tries to moderate its own assessment
      Assertions.assertThatThrownBy(() -> complete(lead, instance, MODERATE_ASSESSMENT,
              Map.of("moderationAgreed", true)))
          .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("assessed this case and may not moderate");
    } finally {
      identityService.deleteMembership(lead, "moderators");
    }

    // and when a moderator disagrees
    complete("moderator1", instance, MODERATE_ASSESSMENT, Map.of("moderationAgreed", false,
        "moderatedLevel", "developing", "moderationComments", "Developing evidence is sound in every area."));

    // then
    assertThat(instance).isWaitingAt(APPROVE_CERTIFICATION);
    assertThat(instance).variables().containsEntry("achievedLevel", "developing")
        .containsEntry("outcome", "certified-below-target").containsEntry("moderator", "moderator1");
  }

  @Test
  void shouldModerateEveryExcellenceTarget() {
    // given
    ProcessInstance instance = ready("excellence", allIndicatorsUpTo("excellence"));

    // when
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("excellence")));
    reviewAsPanel(instance);

    // then
    assertThat(instance).isWaitingAt(MODERATE_ASSESSMENT);
  }

  @Test
  void shouldReturnToTheAssessorWhenThePanelRefersBack() {
    // given
    ProcessInstance instance = ready("foundation", allIndicatorsUpTo("foundation"));
    String lead = leadAssessor(instance);
    complete(lead, instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("foundation")));

    // when
    Assertions.assertThatThrownBy(() -> complete("panel1", instance, APPROVE_CERTIFICATION,
        Map.of("panelDecision", "refer-back"))).hasMessageContaining("panelComments is required");
    complete("panel1", instance, APPROVE_CERTIFICATION,
        Map.of("panelDecision", "refer-back", "panelComments", "Check the outcomes evidence again."));

    // then
    assertThat(instance).isWaitingAt(ASSESS_EVIDENCE).task().isAssignedTo(lead);
    assertThat(instance).variables().containsEntry("panelComments", "Check the outcomes evidence again.");
  }

  @Test
  void shouldCertifyBelowTarget() {
    // given
    ProcessInstance instance = ready("developing", allIndicatorsUpTo("developing"));

    // when only foundation is confirmed (one level apart: no moderation)
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(false, allIndicatorsUpTo("foundation")));
    complete("panel1", instance, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();

    // then
    assertThat(instance).variables().containsEntry("outcome", "certified-below-target");
    assertThat(instance).hasPassed(ISSUE_CERTIFICATE).isWaitingAt(AGREE_ACTION_PLAN, LODGE_APPEAL);
    SpinJsonNode plan = (SpinJsonNode) runtimeService.getVariable(instance.getId(), "actionPlan");
    Assertions.assertThat(plan.elements()).hasSize(allIndicatorsUpTo("developing").length
            - allIndicatorsUpTo("foundation").length)
        .allSatisfy(item -> Assertions.assertThat(item.prop("level").stringValue()).isEqualTo("developing"));
  }

  @Test
  void shouldNotCertifyAndSendAFeedbackReport() {
    // given
    ProcessInstance instance = ready("foundation", allIndicatorsUpTo("foundation"));

    // when nothing is confirmed in one area
    String[] confirmed = Arrays.stream(allIndicatorsUpTo("foundation"))
        .filter(id -> !id.startsWith("outcomes.")).toArray(String[]::new);
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(false, confirmed));
    complete("panel1", instance, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();

    // then
    assertThat(instance).variables().containsEntry("outcome", "not-certified").containsEntry("outcomesLevel", "none");
    assertThat(instance).hasPassed(PREPARE_FEEDBACK_REPORT, "sendFeedbackReport").hasNotPassed(ISSUE_CERTIFICATE);
    Assertions.assertThat(runtimeService.getVariable(instance.getId(), "certificateNumber")).isNull();
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("your assessment feedback"));
    assertThat(instance).isWaitingAt(AGREE_ACTION_PLAN, LODGE_APPEAL);
  }

  @Test
  void shouldWaitForManualAllocationWhenNoAssessorIsEligible() {
    // given every assessor declared a tie with the organisation
    applicant = newApplicant();
    email = uniqueEmail();
    ProcessInstance first = register(applicant, registration(uniqueEmail()));
    String organisationId = (String) runtimeService.getVariable(first.getId(), "organisationId");
    List<AssessorDeclaration> original = assessorPool.declarations();
    try {
      original.forEach(d -> assessorPool.save(withTie(d, organisationId)));
      ProcessInstance instance = caseReadyForAssessment(applicant, email, "foundation", allIndicatorsUpTo("foundation"));

      // then
      assertThat(instance).isWaitingAt(ALLOCATE_ASSESSORS_MANUALLY).task().hasCandidateGroup("scheme-managers");

      // when the manager picks an assessor who is not eligible
      Assertions.assertThatThrownBy(() -> complete("manager1", instance, ALLOCATE_ASSESSORS_MANUALLY,
              Map.of("leadAssessor", "assessor1")))
          .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("not an eligible assessor");

      // and when one declaration is corrected and that assessor is picked
      assessorPool.save(original.stream().filter(d -> d.userId().equals("assessor5")).findFirst().orElseThrow());
      complete("manager1", instance, ALLOCATE_ASSESSORS_MANUALLY, Map.of("leadAssessor", "assessor5"));

      // then
      assertThat(instance).isWaitingAt(ASSESS_EVIDENCE).task().isAssignedTo("assessor5");
    } finally {
      original.forEach(assessorPool::save);
    }
  }

  @Test
  void shouldNeverLetTheSupportOfficerAssess() {
    // given a support officer who is also an assessor, with no load and an id that sorts first
    ensureUser("aadvisor", "support-officers");
    ensureAssessor("aadvisor", Assessor.Gender.WOMAN, Assessor.Minoritised.YES);
    try {
      applicant = newApplicant();
      ProcessInstance instance = register(applicant, registration(uniqueEmail()));
      runAsyncJobs();
      complete("finance1", instance, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "B1"));
      runAsyncJobs();
      complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, selfAssessment(allIndicatorsUpTo("foundation")));

      // when that officer advises the case
      complete("aadvisor", instance, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", true));
      runAsyncJobs();

      // then someone else assesses it
      Assertions.assertThat(leadAssessor(instance)).isNotEqualTo("aadvisor").isNotNull();
    } finally {
      assessorPool.declarations().stream().filter(d -> d.userId().equals("aadvisor")).findFirst()
          .ifPresent(d -> assessorPool.save(new AssessorDeclaration(d.userId(), d.displayName(), d.gender(),
              d.minoritised(), false, d.ties())));
    }
  }

  static AssessorDeclaration withTie(AssessorDeclaration d, String organisationId) {
    List<AssessorDeclaration.Tie> ties = new ArrayList<>(d.ties());
    ties.add(new AssessorDeclaration.Tie(organisationId, "employment"));
    return new AssessorDeclaration(d.userId(), d.displayName(), d.gender(), d.minoritised(), d.active(), ties);
  }
}
