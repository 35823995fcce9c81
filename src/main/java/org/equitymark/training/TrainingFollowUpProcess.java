package org.equitymark.training;

import org.equitymark.process.Variable;

/** The API of process {@code training-follow-up}: key, element ids and variables. */
public final class TrainingFollowUpProcess {

  public static final String KEY = "training-follow-up";

  private TrainingFollowUpProcess() {
  }

  /** Element ids of the model. */
  public static final class Elements {
    public static final String TRAINING_DAY_RECORDED = "trainingDayRecorded";
    public static final String FOLLOW_UP_SURVEY_DUE = "followUpSurveyDue";
    public static final String COMPLETE_FOLLOW_UP_SURVEY = "completeFollowUpSurvey";
    public static final String SURVEY_WINDOW_CLOSED = "surveyWindowClosed";
    public static final String RECORD_FOLLOW_UP_SURVEY = "recordFollowUpSurvey";
    public static final String FOLLOW_UP_COMPLETED = "followUpCompleted";

    private Elements() {
    }
  }

  // start form training-day (a scheme manager)
  public static final Variable<String> ORGANISATION_ID = Variable.string("organisationId");
  public static final Variable<String> TRAINING_KIND = Variable.string("trainingKind");
  public static final Variable<String> RUN_BY = Variable.string("runBy");
  public static final Variable<String> COMMUNITY = Variable.string("community");
  public static final Variable<String> HELD_ON = Variable.string("heldOn");
  public static final Variable<Long> ATTENDEES = Variable.number("attendees");
  // set on start
  public static final Variable<String> TRAINING_REFERENCE = Variable.string("trainingReference");
  public static final Variable<String> ORGANISATION_NAME = Variable.string("organisationName");
  public static final Variable<Long> FOLLOW_UP_SURVEYS = Variable.number("followUpSurveys");
  public static final Variable<Long> FOLLOW_UP_SURVEY_ROUND = Variable.number("followUpSurveyRound");
  // survey form training-follow-up-survey (the organisation)
  public static final Variable<Long> STAFF_SURVEYED = Variable.number("staffSurveyed");
  public static final Variable<Long> STAFF_APPLYING_LEARNING = Variable.number("staffApplyingLearning");
  public static final Variable<Long> STAFF_MORE_CONFIDENT = Variable.number("staffMoreConfident");
  public static final Variable<String> CHANGES_MADE = Variable.string("changesMade");

  public static final String[] TRAINING_KINDS = {"training", "experience-day"};
}
