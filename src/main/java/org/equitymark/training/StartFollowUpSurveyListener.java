package org.equitymark.training;

import static org.equitymark.training.TrainingFollowUpProcess.FOLLOW_UP_SURVEY_ROUND;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** {@code startFollowUpSurvey}: counts the survey rounds, returned or not. */
@Component("startFollowUpSurvey")
class StartFollowUpSurveyListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    FOLLOW_UP_SURVEY_ROUND.set(execution, FOLLOW_UP_SURVEY_ROUND.get(execution, 0L) + 1);
  }
}
