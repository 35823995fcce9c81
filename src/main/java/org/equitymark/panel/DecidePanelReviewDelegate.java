package org.equitymark.panel;

import static org.equitymark.process.CertificationProcess.PANEL_REVIEWS;
import static org.equitymark.process.CertificationProcess.PANEL_REVIEW_OUTCOME;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.equitymark.process.Variable;
import org.springframework.stereotype.Component;

/**
 * {@code decidePanelReview}: once every panel member beside the lead has given its view, DMN
 * {@code panel-review} decides from the numbers agreeing and disagreeing whether the panel stands
 * behind the assessment ({@code agreed}, {@code split}) or refers it back to the lead assessor
 * ({@code referred-back}). A designer changes the rule (unanimity, majority with the lead) in the table.
 */
@Component("decidePanelReview")
class DecidePanelReviewDelegate implements JavaDelegate {

  static final String DECISION_KEY = "panel-review";
  static final List<String> OUTCOMES = List.of("agreed", "split", "referred-back");

  private final DecisionService decisionService;

  DecidePanelReviewDelegate(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Variable.JsonText json = PANEL_REVIEWS.get(execution);
    PanelReviews reviews = PanelReviews.fromJson(json == null ? null : json.json())
        .of(PanelReview.reviewersOf(execution));
    String outcome = decisionService.evaluateDecisionTableByKey(DECISION_KEY, Variables.fromMap(Map.of(
        "panelAgreed", reviews.agreeing(), "panelDisagreed", reviews.disagreeing()))).getSingleEntry();
    if (!OUTCOMES.contains(outcome)) {
      throw new IllegalStateException("DMN " + DECISION_KEY + " answered an unknown outcome: " + outcome);
    }
    PANEL_REVIEWS.set(execution, new Variable.JsonText(reviews.toJson()));
    PANEL_REVIEW_OUTCOME.set(execution, outcome);
  }
}
