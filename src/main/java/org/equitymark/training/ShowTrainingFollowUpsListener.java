package org.equitymark.training;

import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code showTrainingFollowUps}, on creation of {@code assessEvidence}: the organisation's training
 * follow-ups, aggregated, as the task's variable {@code trainingFollowUpEvidence}, evidence for the
 * {@code workforce} area.
 */
@Component("showTrainingFollowUps")
class ShowTrainingFollowUpsListener implements TaskListener {

  static final String TRAINING_FOLLOW_UP_EVIDENCE = "trainingFollowUpEvidence";

  private final TrainingFollowUps followUps;

  ShowTrainingFollowUpsListener(TrainingFollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void notify(DelegateTask task) {
    String organisationId = ORGANISATION_ID.get(task);
    String evidence = organisationId == null ? "" : followUps.workforceEvidence(organisationId);
    if (!evidence.isEmpty()) {
      task.setVariableLocal(TRAINING_FOLLOW_UP_EVIDENCE, evidence);
    }
  }
}
