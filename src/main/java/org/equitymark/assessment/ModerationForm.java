package org.equitymark.assessment;

import static org.equitymark.process.CertificationProcess.ACHIEVED_LEVEL;
import static org.equitymark.process.CertificationProcess.MODERATED_LEVEL;
import static org.equitymark.process.CertificationProcess.MODERATION_AGREED;
import static org.equitymark.process.CertificationProcess.MODERATION_COMMENTS;
import static org.equitymark.process.CertificationProcess.MODERATOR;
import static org.equitymark.process.CertificationProcess.OUTCOME;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.allocation.AssessorPool;
import org.equitymark.allocation.RoleSeparation;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code moderateAssessment}: the four-eyes second review, never by the lead assessor or the
 * support officer. A moderator who disagrees sets the level, with reasons; the outcome follows it.
 */
@Component
class ModerationForm implements SubmissionForm {

  private final AssessorPool pool;

  ModerationForm(AssessorPool pool) {
    this.pool = pool;
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.MODERATE_ASSESSMENT;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(MODERATION_AGREED.name(), Checks.yesNo()),
        optional(MODERATED_LEVEL.name(), Checks.oneOf(Arrays.stream(Level.values()).map(Level::id).toArray(String[]::new))),
        optional(MODERATION_COMMENTS.name(), Checks.paragraphs(Checks.MAX_TEXT_VARIABLE)));
  }

  @Override
  public boolean isDecisionOnCase() {
    return true;
  }

  @Override
  public void checkActor(DelegateExecution execution, String userId, Problems problems) {
    RoleSeparation.notLeadAssessor(execution, userId, "moderate", problems);
    RoleSeparation.notSupportOfficer(execution, userId, "moderate", problems);
    RoleSeparation.notTied(pool, execution, userId, "moderate", problems);
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    if (!submission.isTrue(MODERATION_AGREED.name())) {
      if (!submission.wasSubmitted(MODERATED_LEVEL.name())) {
        problems.add(MODERATED_LEVEL.name(), "is required when you do not agree with the assessed level");
      }
      if (!submission.submittedText(MODERATION_COMMENTS.name())) {
        problems.add(MODERATION_COMMENTS.name(), "is required when you do not agree with the assessed level");
      }
    }
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    MODERATOR.set(execution, userId);
    if (!Boolean.TRUE.equals(MODERATION_AGREED.get(execution))) {
      Level moderated = Level.fromId(MODERATED_LEVEL.get(execution)).orElseThrow();
      ACHIEVED_LEVEL.set(execution, moderated.id());
      OUTCOME.set(execution, AssessmentOutcome.outcome(moderated,
          Level.fromId(TARGET_LEVEL.get(execution)).orElseThrow()));
    }
  }
}
