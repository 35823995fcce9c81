package org.equitymark.appeal;

import static org.equitymark.process.CertificationProcess.APPEAL_DECISION;
import static org.equitymark.process.CertificationProcess.APPEAL_DECISION_REASONS;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.allocation.AssessorPool;
import org.equitymark.allocation.RoleSeparation;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/** {@code reviewAppeal}: the independent appeals panel upholds (reassessment) or dismisses, with reasons. */
@Component
class AppealDecisionForm implements SubmissionForm {

  static final String UPHELD = "upheld";
  static final String DISMISSED = "dismissed";

  private final AssessorPool pool;

  AppealDecisionForm(AssessorPool pool) {
    this.pool = pool;
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.REVIEW_APPEAL;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(APPEAL_DECISION.name(), Checks.oneOf(UPHELD, DISMISSED)),
        required(APPEAL_DECISION_REASONS.name(), Checks.paragraphs(2, Checks.MAX_TEXT_VARIABLE)));
  }

  @Override
  public boolean isDecisionOnCase() {
    return true;
  }

  @Override
  public void checkActor(DelegateExecution execution, String userId, Problems problems) {
    RoleSeparation.neverTouchedTheCase(execution, userId, problems);
    RoleSeparation.notTied(pool, execution, userId, "decide the appeal on", problems);
  }
}
