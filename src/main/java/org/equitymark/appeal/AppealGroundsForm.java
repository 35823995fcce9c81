package org.equitymark.appeal;

import static org.equitymark.process.CertificationProcess.APPEAL_GROUNDS;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;

/**
 * Lodging an appeal: the grounds, whether through the Tasklist form ({@code lodgeAppeal}) or the
 * message {@code AppealLodged} ({@code appealLodgedByMessage}).
 */
class AppealGroundsForm implements SubmissionForm {

  static final int MIN_GROUNDS = 20;
  static final int MAX_GROUNDS = Checks.MAX_TEXT_VARIABLE;

  private final String activityId;

  AppealGroundsForm(String activityId) {
    this.activityId = activityId;
  }

  @Override
  public String activityId() {
    return activityId;
  }

  @Override
  public List<Field> fields() {
    return List.of(required(APPEAL_GROUNDS.name(), Checks.paragraphs(MIN_GROUNDS, MAX_GROUNDS)));
  }
}
