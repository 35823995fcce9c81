package org.equitymark.engine;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input the engine must refuse. It extends Camunda's form-validation exception, the one the REST API
 * and Tasklist answer with 400 and the message, and for which the engine rolls the command back: the
 * only place outside {@code engine/} that needs this engine internal reaches it through here.
 */
public class RejectedInputException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  protected RejectedInputException(Map<String, ?> details, String message) {
    super(details, message);
  }

  /** The rejection this failure is, or carries as a cause. */
  static Optional<RejectedInputException> in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RejectedInputException rejected) {
        return Optional.of(rejected);
      }
    }
    return Optional.empty();
  }

  /** Writes what an operator needs to know of this rejection, instead of the engine's ERROR and stack trace. */
  public void logRejection() {
  }
}
