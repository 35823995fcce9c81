package org.equitymark.feedback;

import static org.equitymark.feedback.FeedbackTriageProcess.FEEDBACK_ID;
import static org.equitymark.feedback.FeedbackTriageProcess.FEEDBACK_STATUS;
import static org.equitymark.feedback.FeedbackTriageProcess.TRIAGED_BY;
import static org.equitymark.feedback.FeedbackTriageProcess.TRIAGE_NOTES;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code recordFeedbackTriage}: writes the scheme manager's triage to the stored feedback. */
@Component("recordFeedbackTriage")
class RecordFeedbackTriageDelegate implements JavaDelegate {

  private final PublicFeedback feedback;

  RecordFeedbackTriageDelegate(PublicFeedback feedback) {
    this.feedback = feedback;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = FEEDBACK_ID.get(execution);
    if (!feedback.triage(id, FEEDBACK_STATUS.get(execution), TRIAGE_NOTES.get(execution), TRIAGED_BY.get(execution))) {
      throw new IllegalStateException("No feedback " + id + " to record the triage on");
    }
  }
}
