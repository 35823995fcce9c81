package org.equitymark.training;

import static org.equitymark.training.TrainingFollowUpProcess.ATTENDEES;
import static org.equitymark.training.TrainingFollowUpProcess.COMMUNITY;
import static org.equitymark.training.TrainingFollowUpProcess.FOLLOW_UP_SURVEYS;
import static org.equitymark.training.TrainingFollowUpProcess.FOLLOW_UP_SURVEY_ROUND;
import static org.equitymark.training.TrainingFollowUpProcess.HELD_ON;
import static org.equitymark.training.TrainingFollowUpProcess.ORGANISATION_ID;
import static org.equitymark.training.TrainingFollowUpProcess.ORGANISATION_NAME;
import static org.equitymark.training.TrainingFollowUpProcess.RUN_BY;
import static org.equitymark.training.TrainingFollowUpProcess.TRAINING_KIND;
import static org.equitymark.training.TrainingFollowUpProcess.TRAINING_REFERENCE;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.equitymark.engine.EngineClock;
import org.equitymark.numbering.SequenceNumbers;
import org.equitymark.registration.Organisation;
import org.equitymark.registration.Organisations;
import org.equitymark.submission.SubmissionValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code recordTrainingDay}, on the start of {@code training-follow-up}: validates the training day,
 * gives it the reference {@code TF-{year}-{nnnnn}} as business key, records it, and lets the
 * organisation's group see the instance, whose follow-up surveys it answers.
 */
@Component("recordTrainingDay")
class RecordTrainingDayListener implements ExecutionListener {

  private final SubmissionValidator validator;
  private final TrainingDayForm form;
  private final Organisations organisations;
  private final SequenceNumbers numbers;
  private final TrainingFollowUps followUps;
  private final long surveys;

  RecordTrainingDayListener(SubmissionValidator validator, TrainingDayForm form, Organisations organisations,
      SequenceNumbers numbers, TrainingFollowUps followUps,
      @Value("${equitymark.training.follow-up-surveys:4}") long surveys) {
    this.validator = validator;
    this.form = form;
    this.organisations = organisations;
    this.numbers = numbers;
    this.followUps = followUps;
    this.surveys = surveys;
    if (surveys < 1 || surveys > 12) {
      throw new IllegalArgumentException("equitymark.training.follow-up-surveys must be from 1 to 12");
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    String userId = validator.check(form, execution);
    Organisation organisation = organisations.find(ORGANISATION_ID.get(execution)).orElseThrow();
    String reference = numbers.nextReference("TF", EngineClock.currentYear());
    execution.setProcessBusinessKey(reference);
    TRAINING_REFERENCE.set(execution, reference);
    ORGANISATION_NAME.set(execution, organisation.name());
    FOLLOW_UP_SURVEYS.set(execution, surveys);
    FOLLOW_UP_SURVEY_ROUND.set(execution, 0L);
    followUps.recordDay(reference, organisation.organisationId(), TRAINING_KIND.get(execution),
        RUN_BY.get(execution).strip(), COMMUNITY.get(execution).strip(), LocalDate.parse(HELD_ON.get(execution)),
        ATTENDEES.get(execution), userId);
    organisations.grantCaseAccess(organisation.organisationId(), execution.getProcessInstanceId());
  }
}
