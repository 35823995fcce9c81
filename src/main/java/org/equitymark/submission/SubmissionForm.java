package org.equitymark.submission;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What a user may submit at one point of a process (a start event or a user task): the fields,
 * and the rules that tie fields together. Each feature declares its own forms as Spring beans;
 * {@link ValidateSubmissionListener} finds them by activity id.
 */
public interface SubmissionForm {

  /** The start event or user task id this form belongs to. */
  String activityId();

  List<Field> fields();

  /** Rules across fields, e.g. "advice is required when not ready"; the submission holds the plain variable values. */
  default void crossCheck(SubmissionValidator.Submission submission, Problems problems) {
  }

  /** Runs after a valid submission was accepted, e.g. to record who decided. */
  default void accepted(DelegateExecution execution, String userId) {
  }
}
