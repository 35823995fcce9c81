package org.equitymark.training;

import static org.equitymark.training.TrainingFollowUpProcess.FOLLOW_UP_SURVEY_ROUND;
import static org.equitymark.training.TrainingFollowUpProcess.STAFF_APPLYING_LEARNING;
import static org.equitymark.training.TrainingFollowUpProcess.STAFF_MORE_CONFIDENT;
import static org.equitymark.training.TrainingFollowUpProcess.STAFF_SURVEYED;
import static org.equitymark.training.TrainingFollowUpProcess.TRAINING_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code recordFollowUpSurvey}: keeps the survey's counts for the organisation's workforce evidence. */
@Component("recordFollowUpSurvey")
class RecordFollowUpSurveyDelegate implements JavaDelegate {

  private final TrainingFollowUps followUps;

  RecordFollowUpSurveyDelegate(TrainingFollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    followUps.recordSurvey(TRAINING_REFERENCE.get(execution), FOLLOW_UP_SURVEY_ROUND.get(execution),
        STAFF_SURVEYED.get(execution), STAFF_APPLYING_LEARNING.get(execution), STAFF_MORE_CONFIDENT.get(execution));
  }
}
