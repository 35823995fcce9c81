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

  /** Rules that need the case itself (e.g. eligibility against the pool); run after the field checks pass. */
  default void checkCase(DelegateExecution execution, Problems problems) {
  }

  /**
   * Checks that the acting user may make this decision (role separation, DOMAIN.md §1); reasons go
   * under the key {@code user}. Not called when the engine itself acts.
   */
  default void checkActor(DelegateExecution execution, String userId, Problems problems) {
  }

  /**
   * Whether completing this form is a decision on the case: the user then counts among the case's
   * participants, whom the appeals panel must not include.
   */
  default boolean isDecisionOnCase() {
    return false;
  }

  /**
   * Whether the form is filled in again on each round of a loop (a yearly annual return and its
   * review, a quarterly survey): a field then counts only when this submission sends it, never on an
   * earlier round's value still in the process, so a required field cannot pass on last year's value.
   */
  default boolean isFilledAfresh() {
    return false;
  }

  /** Runs after a valid submission was accepted, e.g. to record who decided. */
  default void accepted(DelegateExecution execution, String userId) {
  }
}
