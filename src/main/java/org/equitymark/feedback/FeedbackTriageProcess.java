package org.equitymark.feedback;

import org.equitymark.process.Variable;

/**
 * The API of process {@code feedback-triage}: one instance per piece of public feedback, business key
 * {@code feedback-{id}}, with a scheme managers' task to triage it.
 */
public final class FeedbackTriageProcess {

  public static final String KEY = "feedback-triage";

  private FeedbackTriageProcess() {
  }

  /** Element ids of the model. */
  public static final class Elements {
    public static final String FEEDBACK_RECEIVED = "feedbackReceived";
    public static final String TRIAGE_FEEDBACK = "triageFeedback";
    public static final String RECORD_TRIAGE = "recordTriage";
    public static final String FEEDBACK_TRIAGED = "feedbackTriaged";

    private Elements() {
    }
  }

  public static final Variable<Long> FEEDBACK_ID = Variable.number("feedbackId");
  public static final Variable<String> CERTIFICATE_NUMBER = Variable.string("certificateNumber");
  public static final Variable<String> ORGANISATION_NAME = Variable.string("organisationName");
  /** What the form shows: submitter type, date, and the message as literal Markdown ({@code message}). */
  public static final Variable<Variable.JsonText> FEEDBACK = Variable.json("feedback");
  public static final Variable<String> FEEDBACK_STATUS = Variable.string("feedbackStatus");
  public static final Variable<String> TRIAGE_NOTES = Variable.string("triageNotes");
  public static final Variable<String> TRIAGED_BY = Variable.string("triagedBy");

  public static String businessKey(long feedbackId) {
    return "feedback-" + feedbackId;
  }
}
