package org.equitymark.selfassessment;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.ALLOCATE_ASSESSORS;
import static org.equitymark.process.CertificationProcess.Elements.APPLICATION_WITHDRAWN;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.SCORE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.SELF_ASSESSMENT_REMINDER_DUE;
import static org.equitymark.process.CertificationProcess.Elements.SEND_SUPPORT_ADVICE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.submission.FormText;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stage 2 of {@code certification}: the supportive self-assessment loop, its reminders and withdrawal. */
class CertificationStage2ProcessTests extends ProcessTestSupport {

  @Autowired ObjectMapper objectMapper;

  private String applicant;
  private String email;

  private ProcessInstance paidCase(String targetLevel) {
    applicant = newApplicant();
    email = uniqueEmail();
    Map<String, Object> registration = registration(email);
    registration.put("targetLevel", targetLevel);
    ProcessInstance instance = register(applicant, registration);
    runAsyncJobs();
    complete("finance1", instance, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "BACS 1"));
    runAsyncJobs();
    return instance;
  }

  @Test
  void shouldScoreTheClaimAndAnalyseTheGapsForTheSupportOfficer() {
    // given
    ProcessInstance instance = paidCase("developing");

    // when all foundation indicators are claimed and one developing indicator in leadership
    String[] claims = append(allIndicatorsUpTo("foundation"), "leadership.developing.1");
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, selfAssessment(claims));

    // then
    assertThat(instance).isWaitingAt(REVIEW_SELF_ASSESSMENT).hasPassed(SCORE_SELF_ASSESSMENT);
    assertThat(instance).task().hasCandidateGroup("support-officers");
    assertThat(instance).variables()
        .containsEntry("leadershipSelfLevel", "foundation")
        .containsEntry("outcomesSelfLevel", "foundation")
        .containsEntry("selfAssessedLevel", "foundation");
    SpinJsonNode gaps = (SpinJsonNode) runtimeService.getVariable(instance.getId(), "gapAnalysis");
    Assertions.assertThat(gaps.prop("targetLevel").stringValue()).isEqualTo("developing");
    Assertions.assertThat(gaps.prop("areas").elements().get(0).prop("missing").elements())
        .extracting(n -> n.prop("id").stringValue()).containsExactlyElementsOf(
            org.equitymark.framework.TestFrameworks.latest().area("leadership")
                .indicatorsAt(org.equitymark.framework.Level.DEVELOPING).stream().map(i -> i.id())
                .filter(id -> !id.equals("leadership.developing.1")).toList());
    Assertions.assertThat((String) runtimeService.getVariable(instance.getId(), "gapAnalysisText"))
        .contains("workforce.developing.1").doesNotContain("leadership.developing.1");
  }

  @Test
  void shouldTieAStatementToEachClaimedIndicatorAndShowItBesideTheIndicatorToTheSupportOfficerAndTheAssessor()
      throws Exception {
    // given a paid case, and answers claiming every Foundation indicator with a statement for one of them
    ProcessInstance instance = paidCase("foundation");
    Map<String, Object> answers = selfAssessment(allIndicatorsUpTo("foundation"));
    String statement = "Our board adopted a **race-equality** plan <b>in March</b>.";

    // when a claim is for an indicator not ticked, twice the same, without a statement, or with a link that is no web address
    for (String bad : List.of(
        "[{\"indicator\": \"leadership.developing.1\", \"statement\": \"Not ticked\"}]",
        "[{\"indicator\": \"leadership.foundation.1\", \"statement\": \"Once\"},"
            + " {\"indicator\": \"leadership.foundation.1\", \"statement\": \"Twice\"}]",
        "[{\"indicator\": \"leadership.foundation.1\", \"statement\": \"  \"}]",
        "[{\"indicator\": \"leadership.foundation.1\", \"statement\": \"Plan\", \"links\": \"javascript:alert(1)\"}]",
        "{\"indicator\": \"leadership.foundation.1\"}")) {
      Map<String, Object> refused = new HashMap<>(answers);
      refused.put("leadershipClaims", SpinValues.jsonValue(bad).create());

      // then it is refused, naming the row and field, and nothing moves
      Assertions.assertThatThrownBy(() -> complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, refused))
          .as(bad).isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("leadershipClaims");
      assertThat(instance).isWaitingAt(COMPLETE_SELF_ASSESSMENT);
    }

    // when the claim is sent right
    answers.put("leadershipClaims", SpinValues.jsonValue("[{\"indicator\": \"leadership.foundation.1\", \"statement\": "
        + objectMapper.writeValueAsString(statement) + ", \"links\": \"https://provider.example/plan\"}]").create());
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, answers);

    // then the support officer's task shows it beside the indicator's text, the statement as written
    String indicatorText = org.equitymark.framework.TestFrameworks.latest().indicator("leadership.foundation.1")
        .orElseThrow().text("en");
    Assertions.assertThat(claimStatements(instance, "leadership"))
        .contains("leadership.foundation.1, Foundation: " + indicatorText)
        .contains("Statement: " + FormText.literal(statement))
        .contains("Links: " + FormText.literal("https://provider.example/plan"));
    Assertions.assertThat(claimStatements(instance, "workforce")).isEmpty();

    // and so does the lead assessor's, once the case is ready
    complete("support1", instance, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", true));
    runAsyncJobs();
    assertThat(instance).isWaitingAt(ASSESS_EVIDENCE);
    Assertions.assertThat(claimStatements(instance, "leadership")).contains("leadership.foundation.1, Foundation: ")
        .contains("Statement: " + FormText.literal(statement));
  }

  /** The open task's claimStatements text for the area, as its form shows it. */
  private String claimStatements(ProcessInstance instance, String area) throws Exception {
    String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    SerializableValue value = taskService.getVariableLocalTyped(taskId, "claimStatements", false);
    return objectMapper.readTree(value.getValueSerialized()).path(area).asText();
  }

  @Test
  void shouldKeepTheLongestEvidenceTheFormAllows() {
    // given
    ProcessInstance instance = paidCase("foundation");
    Map<String, Object> answers = selfAssessment(allIndicatorsUpTo("foundation"));
    String longest = "e".repeat(SelfAssessmentForm.MAX_EVIDENCE);
    answers.put("leadershipEvidence", longest);

    // when
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, answers);

    // then it is kept whole
    assertThat(instance).isWaitingAt(REVIEW_SELF_ASSESSMENT);
    Assertions.assertThat(runtimeService.getVariable(instance.getId(), "leadershipEvidence")).isEqualTo(longest);
  }

  @Test
  void shouldSendAdviceAndReturnToTheApplicantWithItsAnswersKept() {
    // given
    ProcessInstance instance = paidCase("developing");
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, selfAssessment(allIndicatorsUpTo("foundation")));

    // when the support officer says "not yet"
    complete("support1", instance, REVIEW_SELF_ASSESSMENT,
        Map.of("readyForAssessment", false, "supportAdvice", "Please add your strategic plan with targets."));
    runAsyncJobs();

    // then
    assertThat(instance).isWaitingAt(COMPLETE_SELF_ASSESSMENT).hasPassed(SEND_SUPPORT_ADVICE);
    Assertions.assertThat(((SpinJsonNode) runtimeService.getVariable(instance.getId(), "leadershipIndicators"))
        .elements()).hasSize(org.equitymark.framework.TestFrameworks.latest().area("leadership")
            .indicatorsAt(org.equitymark.framework.Level.FOUNDATION).size());
    Assertions.assertThat(TestMailServer.to(email)).anySatisfy(mail -> {
      Assertions.assertThat(mail.getSubject()).contains("advice on your self-assessment");
      Assertions.assertThat((String) mail.getContent()).contains("Please add your strategic plan with targets.")
          .contains("leadership.developing.1");
    });

    // and when the applicant completes the rest and the officer agrees
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, selfAssessment(allIndicatorsUpTo("developing")));
    complete("support2", instance, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", true));
    runAsyncJobs();

    // then the case goes on to Stage 3
    assertThat(instance).hasPassed("sendReadyForAssessment", ALLOCATE_ASSESSORS);
    assertThat(instance).variables()
        .containsEntry("selfAssessedLevel", "developing")
        .containsEntry("selfAssessmentRounds", 2L);
    Assertions.assertThat(((SpinJsonNode) runtimeService.getVariable(instance.getId(), "supportOfficers")).elements())
        .extracting(SpinJsonNode::stringValue).containsExactly("support1", "support2");
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("ready for independent assessment"));
  }

  @Test
  void shouldRequireAdviceWhenNotReady() {
    // given
    ProcessInstance instance = paidCase("foundation");
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, selfAssessment("leadership.foundation.1"));

    // when / then
    Assertions.assertThatThrownBy(() -> complete("support1", instance, REVIEW_SELF_ASSESSMENT,
            Map.of("readyForAssessment", false)))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("supportAdvice is required");
    assertThat(instance).isWaitingAt(REVIEW_SELF_ASSESSMENT);
  }

  @Test
  void shouldRejectIndicatorsOfAnotherAreaOrUnknownOnes() {
    // given
    ProcessInstance instance = paidCase("foundation");
    Map<String, Object> answers = selfAssessment("leadership.foundation.1");
    answers.put("leadershipIndicators", json(List.of("leadership.foundation.1", "access.foundation.1", "made.up.9")));

    // when / then
    Assertions.assertThatThrownBy(() -> complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, answers))
        .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> Assertions.assertThat(e.problems())
            .containsEntry("leadershipIndicators",
                "contains access.foundation.1, made.up.9, which are not indicator ids of area leadership"));
    assertThat(instance).isWaitingAt(COMPLETE_SELF_ASSESSMENT);
  }

  @Test
  void shouldNotLetTheApplicantSetWhatTheServerDecides() {
    // given
    ProcessInstance instance = paidCase("foundation");
    Map<String, Object> answers = selfAssessment("leadership.foundation.1");
    answers.put("readyForAssessment", true);
    answers.put("selfAssessedLevel", "excellence");

    // when / then
    Assertions.assertThatThrownBy(() -> complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, answers))
        .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> Assertions.assertThat(e.problems())
            .containsOnlyKeys("readyForAssessment", "selfAssessedLevel"));
    assertThat(instance).isWaitingAt(COMPLETE_SELF_ASSESSMENT);
  }

  @Test
  void shouldRequireAtLeastOneClaim() {
    // given
    ProcessInstance instance = paidCase("foundation");

    // when / then
    Assertions.assertThatThrownBy(() -> complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, selfAssessment()))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("claim at least one indicator");
  }

  @Test
  void shouldRemindTheApplicantEveryFourteenDays() {
    // given
    ProcessInstance instance = paidCase("foundation");

    // when
    moveClockBy(Duration.ofDays(14).plusMinutes(1));

    // then
    assertThat(instance).isWaitingAt(COMPLETE_SELF_ASSESSMENT).hasPassed(SELF_ASSESSMENT_REMINDER_DUE);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).filteredOn(s -> s.contains("is waiting")).hasSize(1);
  }

  @Test
  void shouldWithdrawAfterNinetyDaysWithoutASelfAssessment() {
    // given
    ProcessInstance instance = paidCase("foundation");

    // when
    for (int fortnight = 0; fortnight < 7; fortnight++) {
      moveClockBy(Duration.ofDays(14));
    }

    // then
    assertThat(instance).isEnded().hasPassed(APPLICATION_WITHDRAWN);
    Assertions.assertThat(TestMailServer.subjectsTo(email)).anyMatch(s -> s.contains("has been withdrawn"));
  }

  private static String[] append(String[] ids, String... more) {
    String[] all = java.util.Arrays.copyOf(ids, ids.length + more.length);
    System.arraycopy(more, 0, all, ids.length, more.length);
    return all;
  }
}
