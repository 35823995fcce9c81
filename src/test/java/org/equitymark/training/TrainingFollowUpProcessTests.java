package org.equitymark.training;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.training.TrainingFollowUpProcess.Elements.COMPLETE_FOLLOW_UP_SURVEY;
import static org.equitymark.training.TrainingFollowUpProcess.Elements.FOLLOW_UP_COMPLETED;
import static org.equitymark.training.TrainingFollowUpProcess.Elements.FOLLOW_UP_SURVEY_DUE;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.registration.Organisations;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code training-follow-up} through the real model: a scheme manager records a day, the
 * organisation answers a survey every quarter for a year (one missed here), and the aggregate
 * appears as workforce evidence when the organisation is next assessed.
 */
class TrainingFollowUpProcessTests extends ProcessTestSupport {

  @Autowired Organisations organisations;
  @Autowired TrainingFollowUps followUps;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

  /** A registered organisation with the applicant acting for it (registration runs in a transaction). */
  private String organisation(String name, String applicant) {
    return new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(status -> {
      String id = organisations.register(name, "nhs-trust").organisationId();
      organisations.addMember(applicant, id);
      return id;
    });
  }

  private Map<String, Object> trainingDay(String organisationId) {
    Map<String, Object> day = new HashMap<>();
    day.put("organisationId", organisationId);
    day.put("trainingKind", "experience-day");
    day.put("runBy", "Bangladeshi Women's Wellbeing Forum");
    day.put("community", "Bangladeshi");
    day.put("heldOn", "2026-03-14");
    day.put("attendees", 24);
    return day;
  }

  private static Map<String, Object> survey(int surveyed, int applying, int confident) {
    return Map.of("staffSurveyed", surveyed, "staffApplyingLearning", applying, "staffMoreConfident", confident);
  }

  @Test
  void shouldSurveyEveryQuarterForAYearAndFeedTheWorkforceEvidence() {
    // given an organisation with an applicant acting for it
    String applicant = newApplicant();
    String organisationId = organisation("Follow-Up Health", applicant);

    // when a scheme manager records an experience day
    ProcessInstance instance = as("manager1", () ->
        runtimeService.startProcessInstanceByKey(TrainingFollowUpProcess.KEY, trainingDay(organisationId)));

    // then it waits a quarter for the first survey
    Assertions.assertThat(instance.getBusinessKey()).matches("TF-\\d{4}-\\d{5}");
    assertThat(instance).isWaitingAt(FOLLOW_UP_SURVEY_DUE);

    // when the organisation answers three quarters and misses one
    for (int quarter = 1; quarter <= 4; quarter++) {
      moveClockBy(Duration.ofDays(93));
      assertThat(instance).isWaitingAt(COMPLETE_FOLLOW_UP_SURVEY);
      if (quarter == 2) {
        moveClockBy(Duration.ofDays(31));
      } else {
        if (quarter > 1) {
          // a quarter's survey is answered afresh: the last quarter's counts do not pass for this one's
          Assertions.assertThatThrownBy(() -> complete(applicant, instance, COMPLETE_FOLLOW_UP_SURVEY, Map.of()))
              .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("is required");
        }
        complete(applicant, instance, COMPLETE_FOLLOW_UP_SURVEY, survey(20, 12, 15));
      }
    }

    // then the year of follow-up is over, and the results are evidence for the workforce area
    assertThat(instance).isEnded().hasPassed(FOLLOW_UP_COMPLETED);
    String evidence = followUps.workforceEvidence(organisationId);
    Assertions.assertThat(evidence).contains("diversity experience day with the Bangladeshi community")
        .contains("24 attendees").contains("Follow-up surveys returned: 3").contains("staff surveyed 60")
        .contains("applying the learning 36 (60%)").contains("more confident 45 (75%)");

    // when the organisation is next assessed
    ProcessInstance assessment = caseReadyForAssessment(applicant, uniqueEmail(), "foundation",
        allIndicatorsUpTo("foundation"));

    // then its assessor sees them
    Assertions.assertThat(runtimeService.getVariable(assessment.getId(), "organisationId")).isEqualTo(organisationId);
    Assertions.assertThat((String) taskService.getVariableLocal(task(assessment, ASSESS_EVIDENCE).getId(),
        "trainingFollowUpEvidence")).isEqualTo(evidence);
  }

  @Test
  void shouldRefuseAnUnknownOrganisationAndCountsAboveTheStaffSurveyed() {
    // when / then
    Assertions.assertThatThrownBy(() -> as("manager1", () ->
            runtimeService.startProcessInstanceByKey(TrainingFollowUpProcess.KEY, trainingDay("99999"))))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("organisationId");

    // given
    String applicant = newApplicant();
    String organisationId = organisation("Counting Care", applicant);
    ProcessInstance instance = as("manager1", () ->
        runtimeService.startProcessInstanceByKey(TrainingFollowUpProcess.KEY, trainingDay(organisationId)));
    moveClockBy(Duration.ofDays(93));

    // when / then
    Assertions.assertThatThrownBy(() -> complete(applicant, instance, COMPLETE_FOLLOW_UP_SURVEY, survey(10, 11, 3)))
        .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("staffApplyingLearning");
  }
}
