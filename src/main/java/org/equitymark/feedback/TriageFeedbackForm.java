package org.equitymark.feedback;

import static org.equitymark.feedback.FeedbackTriageProcess.FEEDBACK_STATUS;
import static org.equitymark.feedback.FeedbackTriageProcess.TRIAGED_BY;
import static org.equitymark.feedback.FeedbackTriageProcess.TRIAGE_NOTES;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/** {@code triageFeedback} (scheme managers): acted on, no action, or passed to the assessor, with notes. */
@Component
class TriageFeedbackForm implements SubmissionForm {

  static final int MAX_NOTES = 2000;

  @Override
  public String activityId() {
    return FeedbackTriageProcess.Elements.TRIAGE_FEEDBACK;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(FEEDBACK_STATUS.name(), Checks.oneOf(Feedback.TRIAGE_OUTCOMES)),
        required(TRIAGE_NOTES.name(), Checks.paragraphs(2, MAX_NOTES)));
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    TRIAGED_BY.set(execution, userId);
  }
}
