package org.equitymark.selfassessment;

import static org.equitymark.process.CertificationProcess.READY_FOR_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.SELF_ASSESSMENT_ROUNDS;
import static org.equitymark.process.CertificationProcess.SUPPORT_ADVICE;
import static org.equitymark.process.CertificationProcess.SUPPORT_OFFICERS;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code reviewSelfAssessment}: the support officer's supportive review. "Not yet" needs advice
 * written now; the officer is recorded so that they never assess, moderate, approve or decide an
 * appeal on this case (role separation).
 */
@Component
class ReviewSelfAssessmentForm implements SubmissionForm {

  static final int MAX_ADVICE = Checks.MAX_TEXT_VARIABLE;

  @Override
  public String activityId() {
    return CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(READY_FOR_ASSESSMENT.name(), Checks.yesNo()),
        optional(SUPPORT_ADVICE.name(), Checks.paragraphs(MAX_ADVICE)));
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    boolean ready = submission.isTrue(READY_FOR_ASSESSMENT.name());
    if (!ready && !submission.submittedText(SUPPORT_ADVICE.name())) {
      problems.add(SUPPORT_ADVICE.name(), "is required when the self-assessment is not yet ready: tell the applicant what evidence they still need");
    }
  }

  @Override
  public boolean isDecisionOnCase() {
    return true;
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    List<String> officers = new ArrayList<>(SUPPORT_OFFICERS.get(execution, List.of()));
    if (!officers.contains(userId)) {
      officers.add(userId);
    }
    SUPPORT_OFFICERS.set(execution, officers);
    SELF_ASSESSMENT_ROUNDS.set(execution, SELF_ASSESSMENT_ROUNDS.get(execution, 0L) + 1);
  }
}
