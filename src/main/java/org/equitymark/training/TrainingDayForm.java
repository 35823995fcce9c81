package org.equitymark.training;

import static org.equitymark.submission.Field.required;
import static org.equitymark.training.TrainingFollowUpProcess.ATTENDEES;
import static org.equitymark.training.TrainingFollowUpProcess.COMMUNITY;
import static org.equitymark.training.TrainingFollowUpProcess.HELD_ON;
import static org.equitymark.training.TrainingFollowUpProcess.ORGANISATION_ID;
import static org.equitymark.training.TrainingFollowUpProcess.RUN_BY;
import static org.equitymark.training.TrainingFollowUpProcess.TRAINING_KIND;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.registration.Organisations;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/**
 * The start form {@code training-day} (a scheme manager): which organisation, training or a
 * diversity experience day, who ran it, with which community, when, and how many attended.
 */
@Component
class TrainingDayForm implements SubmissionForm {

  private final Organisations organisations;

  TrainingDayForm(Organisations organisations) {
    this.organisations = organisations;
  }

  @Override
  public String activityId() {
    return TrainingFollowUpProcess.Elements.TRAINING_DAY_RECORDED;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(ORGANISATION_ID.name(), Checks.text(1, 20)),
        required(TRAINING_KIND.name(), Checks.oneOf(TrainingFollowUpProcess.TRAINING_KINDS)),
        required(RUN_BY.name(), Checks.text(2, 200)),
        required(COMMUNITY.name(), Checks.text(2, 200)),
        required(HELD_ON.name(), TrainingDayForm::date),
        required(ATTENDEES.name(), Checks.wholeNumber(1, 10_000)));
  }

  @Override
  public void checkCase(DelegateExecution execution, Problems problems) {
    if (organisations.find(ORGANISATION_ID.get(execution)).isEmpty()) {
      problems.add(ORGANISATION_ID.name(), "is not a registered organisation");
    }
  }

  private static Optional<String> date(org.camunda.bpm.engine.variable.value.TypedValue value) {
    String reason = "must be a date such as 2026-03-14";
    if (!(value.getValue() instanceof String s) || s.length() != 10) {
      return Optional.of(reason);
    }
    try {
      LocalDate.parse(s);
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(reason);
    }
  }
}
