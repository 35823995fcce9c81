package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.REVALIDATED;
import static org.equitymark.process.CertificationProcess.REVIEW_COMMENTS;
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

/** {@code reviewAnnualReturn} (assessors): revalidated, or not with the reasons (the certificate is then suspended). */
@Component
class ReviewAnnualReturnForm implements SubmissionForm {

  private final AnnualReturns annualReturns;
  private final AssessorPool pool;

  ReviewAnnualReturnForm(AnnualReturns annualReturns, AssessorPool pool) {
    this.annualReturns = annualReturns;
    this.pool = pool;
  }

  @Override
  public String activityId() {
    return MonitoringProcess.Elements.REVIEW_ANNUAL_RETURN;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(REVALIDATED.name(), Checks.yesNo()),
        optional(REVIEW_COMMENTS.name(), Checks.paragraphs(Checks.MAX_TEXT_VARIABLE)));
  }

  @Override
  public void checkActor(DelegateExecution execution, String userId, Problems problems) {
    RoleSeparation.notTied(pool, execution, userId, "review the annual return of", problems);
  }

  @Override
  public boolean isFilledAfresh() {
    return true;
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    if (!submission.isTrue(REVALIDATED.name()) && !submission.submittedText(REVIEW_COMMENTS.name())) {
      problems.add(REVIEW_COMMENTS.name(), "is required when the certificate is not revalidated");
    }
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    annualReturns.reviewed(execution, Boolean.TRUE.equals(REVALIDATED.get(execution)));
  }
}
