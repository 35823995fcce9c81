package org.equitymark.training;

import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;
import static org.equitymark.training.TrainingFollowUpProcess.CHANGES_MADE;
import static org.equitymark.training.TrainingFollowUpProcess.STAFF_APPLYING_LEARNING;
import static org.equitymark.training.TrainingFollowUpProcess.STAFF_MORE_CONFIDENT;
import static org.equitymark.training.TrainingFollowUpProcess.STAFF_SURVEYED;

import java.util.List;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/** {@code completeFollowUpSurvey} (the organisation): how many staff answered, and how many apply the learning. */
@Component
class FollowUpSurveyForm implements SubmissionForm {

  static final long MAX_STAFF = 1_000_000;

  @Override
  public String activityId() {
    return TrainingFollowUpProcess.Elements.COMPLETE_FOLLOW_UP_SURVEY;
  }

  @Override
  public boolean isFilledAfresh() {
    return true;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(STAFF_SURVEYED.name(), Checks.wholeNumber(1, MAX_STAFF)),
        required(STAFF_APPLYING_LEARNING.name(), Checks.wholeNumber(0, MAX_STAFF)),
        required(STAFF_MORE_CONFIDENT.name(), Checks.wholeNumber(0, MAX_STAFF)),
        optional(CHANGES_MADE.name(), Checks.paragraphs(Checks.MAX_TEXT_VARIABLE)));
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    long surveyed = ((Number) submission.value(STAFF_SURVEYED.name())).longValue();
    for (String part : List.of(STAFF_APPLYING_LEARNING.name(), STAFF_MORE_CONFIDENT.name())) {
      if (((Number) submission.value(part)).longValue() > surveyed) {
        problems.add(part, "must not be more than the staff surveyed");
      }
    }
  }
}
