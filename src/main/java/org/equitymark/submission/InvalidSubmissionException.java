package org.equitymark.submission;

import java.util.Map;
import java.util.stream.Collectors;
import org.equitymark.engine.RejectedInputException;

/**
 * A submission that breaks the rules. As a {@link RejectedInputException}, the REST API and Tasklist
 * answer 400 with the message, and the engine rolls everything back.
 */
public class InvalidSubmissionException extends RejectedInputException {

  private static final long serialVersionUID = 1L;

  private final String what;
  private final transient Map<String, String> problems;

  public InvalidSubmissionException(String what, Map<String, String> problems) {
    super(Map.copyOf(problems), "Invalid " + what + ": " + problems.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("; ")));
    this.what = what;
    this.problems = Map.copyOf(problems);
  }

  /** What was refused, e.g. {@code submission for assessEvidence}: no submitted value. */
  public String what() {
    return what;
  }

  /** The reason per field name. */
  public Map<String, String> problems() {
    return problems;
  }

  @Override
  public void logRejection() {
    RefusedSubmissions.log(this);
  }
}
