package org.equitymark.panel;

import static org.equitymark.process.CertificationProcess.PANEL_MEMBER;
import static org.equitymark.process.CertificationProcess.PANEL_MEMBER_AGREES;
import static org.equitymark.process.CertificationProcess.PANEL_MEMBER_REASONS;
import static org.equitymark.process.CertificationProcess.PANEL_REVIEWS;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.allocation.AssessorPool;
import org.equitymark.allocation.RoleSeparation;
import org.equitymark.process.CertificationProcess;
import org.equitymark.process.Variable;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code reviewAsPanelMember}: one member of the assessment panel agrees with the lead assessor's
 * assessment or not, with reasons (required when it does not agree). Only that member records its
 * own view, never someone tied to the organisation or who advised the case. The answer is kept in the
 * task's own scope (the model maps both fields in empty), then added to the case's {@code panelReviews}.
 */
@Component
class PanelReviewForm implements SubmissionForm {

  static final int MAX_REASONS = 1500;

  private final AssessorPool pool;

  PanelReviewForm(AssessorPool pool) {
    this.pool = pool;
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.REVIEW_AS_PANEL_MEMBER;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(PANEL_MEMBER_AGREES.name(), Checks.yesNo()),
        optional(PANEL_MEMBER_REASONS.name(), Checks.paragraphs(MAX_REASONS)));
  }

  @Override
  public boolean isDecisionOnCase() {
    return true;
  }

  @Override
  public void checkActor(DelegateExecution execution, String userId, Problems problems) {
    String member = PANEL_MEMBER.get(execution);
    if (!userId.equals(member)) {
      problems.add("user", userId + " is not the panel member " + member + " and may not record its view");
    }
    RoleSeparation.notSupportOfficer(execution, userId, "review", problems);
    RoleSeparation.notTied(pool, execution, userId, "review", problems);
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    if (!submission.isTrue(PANEL_MEMBER_AGREES.name()) && !submission.submittedText(PANEL_MEMBER_REASONS.name())) {
      problems.add(PANEL_MEMBER_REASONS.name(), "is required when you do not agree: tell the lead assessor why");
    }
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    Variable.JsonText json = PANEL_REVIEWS.get(execution);
    PanelReviews reviews = PanelReviews.fromJson(json == null ? null : json.json())
        .with(userId, Boolean.TRUE.equals(PANEL_MEMBER_AGREES.get(execution)), PANEL_MEMBER_REASONS.get(execution));
    PANEL_REVIEWS.set(execution.getProcessInstance(), new Variable.JsonText(reviews.toJson()));
  }
}
