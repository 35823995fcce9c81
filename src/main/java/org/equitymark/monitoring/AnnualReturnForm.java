package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.ACTION_PLAN_PROGRESS;
import static org.equitymark.process.CertificationProcess.DISCRIMINATION_COMPLAINTS_RECEIVED;
import static org.equitymark.process.CertificationProcess.DISCRIMINATION_COMPLAINTS_RESOLVED;
import static org.equitymark.process.CertificationProcess.OUTCOMES_BY_ETHNIC_GROUP;
import static org.equitymark.process.CertificationProcess.SATISFACTION_BY_ETHNIC_GROUP;
import static org.equitymark.monitoring.MonitoringProcess.ETHNIC_GROUP_FIGURES;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.equitymark.process.Variable;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code submitAnnualReturn} (form {@code annual-return}): progress on the action plan, outcome and
 * satisfaction figures by ethnic group as aggregate counts only, and discrimination complaints
 * received and resolved. The figures come either as the form's grid ({@code ethnicGroupFigures}, a row
 * per group, checked row by row) or, as the REST contract has them, as {@code outcomesByEthnicGroup}
 * and {@code satisfactionByEthnicGroup}; either way the case keeps only the two counts-only JSON
 * objects (Spin JSON), and each return is recorded for the reports.
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
        required(ACTION_PLAN_PROGRESS.name(), Checks.paragraphs(10, Checks.MAX_TEXT_VARIABLE)),
        optional(ETHNIC_GROUP_FIGURES.name(), value -> text(value).flatMap(EthnicGroupGrid::parse).isPresent()
            ? Optional.empty() : Optional.of(EthnicGroupGrid.shape())),
        optional(OUTCOMES_BY_ETHNIC_GROUP.name(), figures(EthnicGroupFigures.OUTCOMES)),
        optional(SATISFACTION_BY_ETHNIC_GROUP.name(), figures(EthnicGroupFigures.SATISFACTION)),
        required(DISCRIMINATION_COMPLAINTS_RECEIVED.name(), Checks.wholeNumber(0, MAX_COMPLAINTS)),
        required(DISCRIMINATION_COMPLAINTS_RESOLVED.name(), Checks.wholeNumber(0, MAX_COMPLAINTS)));
  }

  @Override
  public boolean isFilledAfresh() {
    return true;
  }

  /** The grid, checked row by row, or else both figures of the contract; never the two ways at once. */
  @Override
  public void crossCheck(Submission submission, Problems problems) {
    String grid = ETHNIC_GROUP_FIGURES.name();
    if (submission.wasSubmitted(grid) && submission.value(grid) instanceof String rows) {
      for (String figures : List.of(OUTCOMES_BY_ETHNIC_GROUP.name(), SATISFACTION_BY_ETHNIC_GROUP.name())) {
        if (submission.wasSubmitted(figures)) {
          problems.add(figures, "must not be sent with " + grid + ", which gives the same figures");
        }
      }
      EthnicGroupGrid.parse(rows).orElseThrow().check(grid, problems);
      return;
    }
    for (String figures : List.of(OUTCOMES_BY_ETHNIC_GROUP.name(), SATISFACTION_BY_ETHNIC_GROUP.name())) {
      if (!submission.wasSubmitted(figures) || submission.value(figures) == null) {
        problems.add(figures, "is required (or the figures as " + grid + ", a row per ethnic group)");
      }
    }
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    text(execution.getVariableTyped(ETHNIC_GROUP_FIGURES.name(), false)).flatMap(EthnicGroupGrid::parse).ifPresent(grid -> {
      OUTCOMES_BY_ETHNIC_GROUP.set(execution, new Variable.JsonText(grid.figures(EthnicGroupFigures.OUTCOMES)));
      SATISFACTION_BY_ETHNIC_GROUP.set(execution, new Variable.JsonText(grid.figures(EthnicGroupFigures.SATISFACTION)));
      execution.removeVariable(ETHNIC_GROUP_FIGURES.name());
    });
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
    return Checks.jsonText(value);
  }

  private static Field.Check figures(EthnicGroupFigures figures) {
    return value -> text(value).map(figures::problem).orElse(Optional.of(figures.problem(null).orElseThrow()));
  }
}
