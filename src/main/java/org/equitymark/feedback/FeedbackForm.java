package org.equitymark.feedback;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;

/**
 * The fields of public feedback and their rules, one set for the API ({@code POST /api/feedback/{n}})
 * and the page ({@code POST /feedback/{n}}): who sends it, and the message.
 */
final class FeedbackForm {

  static final int MAX_MESSAGE = 5000;
  static final String SUBMITTER_TYPE = "submitterType";
  static final String MESSAGE = "message";
  private static final Field[] FIELDS = {
      Field.required(SUBMITTER_TYPE, Checks.oneOf(Feedback.SUBMITTER_TYPES)),
      Field.required(MESSAGE, Checks.paragraphs(10, MAX_MESSAGE))};

  private FeedbackForm() {
  }

  /** What is wrong with a submission, by field (a field that is not the form's is wrong too); empty when none. */
  static Map<String, String> problems(Map<String, ?> submission) {
    Map<String, String> problems = new LinkedHashMap<>();
    for (Field field : FIELDS) {
      check(field, submission, problems);
    }
    submission.keySet().stream().filter(k -> !k.equals(SUBMITTER_TYPE) && !k.equals(MESSAGE))
        .forEach(k -> problems.put(k, "is not a field of feedback"));
    return problems;
  }

  /** Checks one required field of a submission of plain values; puts what is wrong under its name. */
  static void check(Field field, Map<String, ?> submission, Map<String, String> problems) {
    Object value = submission.get(field.name());
    if (value == null || (value instanceof String s && s.isBlank())) {
      problems.put(field.name(), "is required");
      return;
    }
    field.check().problem(Variables.untypedValue(value)).ifPresent(reason -> problems.put(field.name(), reason));
  }
}
