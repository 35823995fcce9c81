package org.equitymark.allocation;

import static org.equitymark.allocation.AssessorDeclarationProcess.DECLARATION_SUMMARY;
import static org.equitymark.allocation.AssessorDeclarationProcess.DECLARED_TIES;
import static org.equitymark.allocation.AssessorDeclarationProcess.DECLARING_ASSESSOR;
import static org.equitymark.allocation.AssessorDeclarationProcess.GENDER;
import static org.equitymark.allocation.AssessorDeclarationProcess.MINORITISED;
import static org.equitymark.submission.Field.required;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.equitymark.process.Variable;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/**
 * {@code declareInterests} (the declaring assessor only): ties with organisations of the scheme,
 * chosen from the list by name, and the voluntary gender and minoritised status ("prefer not to
 * say" is {@code not-declared}). The ties count at decision points at once, as pending.
 */
@Component
class DeclareInterestsForm implements SubmissionForm {

  private final AssessorDeclarations declarations;
  private final AssessorPool pool;

  DeclareInterestsForm(AssessorDeclarations declarations, AssessorPool pool) {
    this.declarations = declarations;
    this.pool = pool;
  }

  @Override
  public String activityId() {
    return AssessorDeclarationProcess.Elements.DECLARE_INTERESTS;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(DECLARED_TIES.name(), value -> {
          String json = value instanceof SerializableValue s && "json".equals(value.getType().getName())
              ? s.getValueSerialized() : null;
          return Optional.ofNullable(declarations.parse(json).problem());
        }),
        required(GENDER.name(), Checks.oneOf(AssessorDeclarations.GENDERS.toArray(String[]::new))),
        required(MINORITISED.name(), Checks.oneOf(AssessorDeclarations.MINORITISED.toArray(String[]::new))));
  }

  @Override
  public void checkActor(DelegateExecution execution, String userId, Problems problems) {
    if (!userId.equals(DECLARING_ASSESSOR.get(execution))) {
      problems.add("user", userId + " may not make " + DECLARING_ASSESSOR.get(execution)
          + "'s declaration: each assessor declares its own interests");
    }
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    List<AssessorDeclaration.Tie> ties = declarations.parse(DECLARED_TIES.get(execution).json()).ties();
    pool.savePending(execution.getProcessInstanceId(), DECLARING_ASSESSOR.get(execution), ties);
    DECLARATION_SUMMARY.set(execution, new Variable.JsonText(
        declarations.summary(ties, GENDER.get(execution), MINORITISED.get(execution))));
  }
}
