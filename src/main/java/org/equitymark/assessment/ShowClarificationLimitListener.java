package org.equitymark.assessment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code showClarificationLimit}, on creation of {@code assessEvidence}, {@code provideClarification}
 * and {@code supportClarification}: the configured most clarification rounds
 * ({@code equitymark.assessment.max-clarification-rounds}) as the task's variable
 * {@code maxClarificationRounds}, so the forms say "round 2 of at most N" from the configuration.
 */
@Component("showClarificationLimit")
class ShowClarificationLimitListener implements TaskListener {

  static final String MAX_CLARIFICATION_ROUNDS = "maxClarificationRounds";

  private final long maxRounds;

  ShowClarificationLimitListener(@Value("${equitymark.assessment.max-clarification-rounds}") long maxRounds) {
    this.maxRounds = maxRounds;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(MAX_CLARIFICATION_ROUNDS, maxRounds);
  }
}
