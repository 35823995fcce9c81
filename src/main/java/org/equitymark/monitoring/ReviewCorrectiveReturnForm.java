package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.CORRECTION_ACCEPTED;
import static org.equitymark.process.CertificationProcess.CORRECTION_REVIEW_COMMENTS;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.allocation.AssessorPool;
import org.equitymark.allocation.RoleSeparation;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code reviewCorrectiveReturn} (assessors): the corrective return accepted (the certificate is
 * reinstated) or not, with the reasons (it is withdrawn). An assessor with a declared tie to the
 * organisation may not decide, as at every other review of the case.
 */
@Component
class ReviewCorrectiveReturnForm implements SubmissionForm {

  private final AssessorPool pool;

  ReviewCorrectiveReturnForm(AssessorPool pool) {
    this.pool = pool;
  }

  @Override
  public String activityId() {
    return MonitoringProcess.Elements.REVIEW_CORRECTIVE_RETURN;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(CORRECTION_ACCEPTED.name(), Checks.yesNo()),
        optional(CORRECTION_REVIEW_COMMENTS.name(), Checks.paragraphs(Checks.MAX_TEXT_VARIABLE)));
  }

  @Override
  public void checkActor(DelegateExecution execution, String userId, Problems problems) {
    RoleSeparation.notTied(pool, execution, userId, "review the corrective return of", problems);
  }

  @Override
  public boolean isFilledAfresh() {
    return true;
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    if (!submission.isTrue(CORRECTION_ACCEPTED.name()) && !submission.submittedText(CORRECTION_REVIEW_COMMENTS.name())) {
      problems.add(CORRECTION_REVIEW_COMMENTS.name(), "is required when the corrective return is not accepted");
    }
  }
}
