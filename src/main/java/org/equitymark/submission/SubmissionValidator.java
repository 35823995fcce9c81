package org.equitymark.submission;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.equitymark.engine.CurrentUser;
import org.equitymark.engine.SubmittedVariables;
import org.springframework.stereotype.Component;

/**
 * Checks a submission on the server, whatever sent it (Tasklist, REST, our API): only the form's
 * fields may be submitted, required ones must have a value (sent with this submission when the form
 * is filled in afresh on each round), every value must pass its check, and the form's cross-field
 * rules must hold. A failure throws before anything is committed.
 */
@Component
public class SubmissionValidator {

  private final SubmittedVariables submittedVariables;
  private final Map<String, SubmissionForm> forms;

  public SubmissionValidator(SubmittedVariables submittedVariables, List<SubmissionForm> forms) {
    this.submittedVariables = submittedVariables;
    this.forms = forms.stream().collect(Collectors.toMap(SubmissionForm::activityId, Function.identity()));
  }

  public SubmissionForm formFor(String activityId) {
    SubmissionForm form = forms.get(activityId);
    if (form == null) {
      throw new IllegalStateException("No submission form is declared for activity " + activityId);
    }
    return form;
  }

  /**
   * The whole check of a submission at a start event or user task, the one sequence for every form:
   * the acting user may make it (not asked when the engine acts on its own), then the fields
   * ({@link #validate}), then the rules that need the case; then the form records it. Throws
   * {@link InvalidSubmissionException} before anything is committed.
   *
   * @return the acting user, {@link CurrentUser#SYSTEM} for the engine
   */
  public String check(SubmissionForm form, DelegateExecution execution) {
    String userId = CurrentUser.of(execution);
    if (!CurrentUser.SYSTEM.equals(userId)) {
      Problems actor = new Problems();
      form.checkActor(execution, userId, actor);
      actor.throwIfAny("decision by " + userId + " on " + form.activityId());
    }
    validate(form, execution);
    Problems caseProblems = new Problems();
    form.checkCase(execution, caseProblems);
    caseProblems.throwIfAny("submission for " + form.activityId());
    form.accepted(execution, userId);
    return userId;
  }

  /** Validates what the running command submitted to the scope; throws {@link InvalidSubmissionException}. */
  public Submission validate(SubmissionForm form, VariableScope scope) {
    Set<String> submitted = submittedVariables.inCurrentCommand();
    Problems problems = new Problems();
    Set<String> allowed = form.fields().stream().map(Field::name).collect(Collectors.toSet());
    for (String name : new TreeSet<>(submitted)) {
      if (!allowed.contains(name)) {
        problems.add(name, "is not a field of this form");
      }
    }
    Map<String, Object> values = new HashMap<>();
    for (Field field : form.fields()) {
      TypedValue value = scope.getVariableTyped(field.name(), false);
      Object plain = plain(value);
      boolean earlierRound = form.isFilledAfresh() && !submitted.contains(field.name());
      if (plain == null || earlierRound || (plain instanceof String s && s.isBlank() && field.required())) {
        if (field.required()) {
          problems.add(field.name(), "is required");
        }
        continue;
      }
      field.check().problem(value).ifPresent(reason -> problems.add(field.name(), reason));
      values.put(field.name(), plain);
    }
    Submission submission = new Submission(values, submitted);
    if (problems.isEmpty()) {
      form.crossCheck(submission, problems);
    }
    problems.throwIfAny("submission for " + form.activityId());
    return submission;
  }

  /**
   * Checks plain values sent outside the engine (a page's form, before anything starts) by a form's
   * rules: only its fields, required ones present, each value's check, the cross-field rules. The
   * problems by field; empty when there is none.
   */
  public static Map<String, String> problems(SubmissionForm form, Map<String, Object> values) {
    Problems problems = new Problems();
    Set<String> allowed = form.fields().stream().map(Field::name).collect(Collectors.toSet());
    new TreeSet<>(values.keySet()).stream().filter(name -> !allowed.contains(name))
        .forEach(name -> problems.add(name, "is not a field of this form"));
    Map<String, Object> checked = new HashMap<>();
    for (Field field : form.fields()) {
      Object value = values.get(field.name());
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (field.required()) {
          problems.add(field.name(), "is required");
        }
        continue;
      }
      field.check().problem(Variables.untypedValue(value)).ifPresent(reason -> problems.add(field.name(), reason));
      checked.put(field.name(), value);
    }
    if (problems.isEmpty()) {
      form.crossCheck(new Submission(checked, values.keySet()), problems);
    }
    return problems.byField();
  }

  private static Object plain(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    return value.getValue();
  }

  /** The values of the form's fields after a submission, and which of them it sent. */
  public record Submission(Map<String, Object> values, Set<String> submitted) {

    public Object value(String name) {
      return values.get(name);
    }

    public boolean isTrue(String name) {
      return Boolean.TRUE.equals(values.get(name));
    }

    public boolean wasSubmitted(String name) {
      return submitted.contains(name);
    }

    /** Whether this submission sent text that is not blank for the field (an older value does not count). */
    public boolean submittedText(String name) {
      return wasSubmitted(name) && hasText(name);
    }

    public boolean hasText(String name) {
      return values.get(name) instanceof String s && !s.isBlank();
    }
  }
}
