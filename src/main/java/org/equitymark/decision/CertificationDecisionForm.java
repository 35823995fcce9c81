package org.equitymark.decision;

import static org.equitymark.process.CertificationProcess.PANEL_COMMENTS;
import static org.equitymark.process.CertificationProcess.PANEL_DECISION;
import static org.equitymark.submission.Field.optional;
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
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/** {@code approveCertification}: the certification panel approves the outcome or refers it back with comments. */
@Component
class CertificationDecisionForm implements SubmissionForm {

  static final String APPROVE = "approve";
  static final String REFER_BACK = "refer-back";

  private final AssessorPool pool;

  CertificationDecisionForm(AssessorPool pool) {
    this.pool = pool;
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.APPROVE_CERTIFICATION;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(PANEL_DECISION.name(), Checks.oneOf(APPROVE, REFER_BACK)),
        optional(PANEL_COMMENTS.name(), Checks.paragraphs(Checks.MAX_TEXT_VARIABLE)));
  }

  @Override
  public boolean isDecisionOnCase() {
    return true;
  }

  @Override
  public void checkActor(DelegateExecution execution, String userId, Problems problems) {
    RoleSeparation.notSupportOfficer(execution, userId, "approve", problems);
    RoleSeparation.notLeadAssessor(execution, userId, "approve", problems);
    RoleSeparation.notModerator(execution, userId, "approve", problems);
    RoleSeparation.notTied(pool, execution, userId, "approve", problems);
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    if (REFER_BACK.equals(submission.value(PANEL_DECISION.name()))
        && !submission.submittedText(PANEL_COMMENTS.name())) {
      problems.add(PANEL_COMMENTS.name(), "is required when referring back: tell the lead assessor what to look at");
    }
  }
}
