package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.ACTION_PLAN_PROGRESS;
import static org.equitymark.process.CertificationProcess.DISCRIMINATION_COMPLAINTS_RECEIVED;
import static org.equitymark.process.CertificationProcess.DISCRIMINATION_COMPLAINTS_RESOLVED;
import static org.equitymark.process.CertificationProcess.OUTCOMES_BY_ETHNIC_GROUP;
import static org.equitymark.process.CertificationProcess.SATISFACTION_BY_ETHNIC_GROUP;
import static org.equitymark.submission.Field.required;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.equitymark.process.Variable;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/**
 * {@code submitAnnualReturn} (form {@code annual-return}): progress on the action plan, outcome and
 * satisfaction figures by ethnic group as aggregate counts only, and discrimination complaints
 * received and resolved. The figures are kept as Spin JSON; each return is recorded for the reports.
 */
@Component
class AnnualReturnForm implements SubmissionForm {

  static final long MAX_COMPLAINTS = 100_000;

  private final AnnualReturns annualReturns;

  AnnualReturnForm(AnnualReturns annualReturns) {
    this.annualReturns = annualReturns;
  }

  @Override
  public String activityId() {
    return MonitoringProcess.Elements.SUBMIT_ANNUAL_RETURN;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(ACTION_PLAN_PROGRESS.name(), Checks.paragraphs(10, 10_000)),
        required(OUTCOMES_BY_ETHNIC_GROUP.name(), figures(EthnicGroupFigures.OUTCOMES)),
        required(SATISFACTION_BY_ETHNIC_GROUP.name(), figures(EthnicGroupFigures.SATISFACTION)),
        required(DISCRIMINATION_COMPLAINTS_RECEIVED.name(), Checks.wholeNumber(0, MAX_COMPLAINTS)),
        required(DISCRIMINATION_COMPLAINTS_RESOLVED.name(), Checks.wholeNumber(0, MAX_COMPLAINTS)));
  }

  @Override
  public boolean isFilledAfresh() {
    return true;
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    normalise(execution, OUTCOMES_BY_ETHNIC_GROUP, EthnicGroupFigures.OUTCOMES);
    normalise(execution, SATISFACTION_BY_ETHNIC_GROUP, EthnicGroupFigures.SATISFACTION);
    annualReturns.record(execution);
    MonitoringProcess.ANNUAL_RETURN_FIGURES_TEXT.set(execution,
        EthnicGroupFigures.OUTCOMES.describe(OUTCOMES_BY_ETHNIC_GROUP.get(execution).json()) + "\n\n"
            + EthnicGroupFigures.SATISFACTION.describe(SATISFACTION_BY_ETHNIC_GROUP.get(execution).json()));
  }

  private static void normalise(DelegateExecution execution, Variable<Variable.JsonText> variable,
      EthnicGroupFigures figures) {
    String json = text(execution.getVariableTyped(variable.name(), false)).orElseThrow();
    variable.set(execution, new Variable.JsonText(figures.normalised(json)));
  }

  /** The figures as text, whether Tasklist sent a string (textarea) or a client sent a JSON value. */
  static Optional<String> text(TypedValue value) {
    if (value instanceof SerializableValue serializable && "json".equals(value.getType().getName())) {
      return Optional.ofNullable(serializable.getValueSerialized());
    }
    return value != null && value.getValue() instanceof String s ? Optional.of(s) : Optional.empty();
  }

  private static Field.Check figures(EthnicGroupFigures figures) {
    return value -> text(value).map(figures::problem).orElse(Optional.of(figures.problem(null).orElseThrow()));
  }
}
