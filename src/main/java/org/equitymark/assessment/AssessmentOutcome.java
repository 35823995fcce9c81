package org.equitymark.assessment;

import org.equitymark.framework.Level;

/** The outcome rules of an assessment, knowing nothing of Camunda. */
public final class AssessmentOutcome {

  public static final String CERTIFIED_AT_TARGET = "certified-at-target";
  public static final String CERTIFIED_BELOW_TARGET = "certified-below-target";
  public static final String NOT_CERTIFIED = "not-certified";

  private AssessmentOutcome() {
  }

  public static String outcome(Level achieved, Level target) {
    if (achieved == Level.NONE) {
      return NOT_CERTIFIED;
    }
    return achieved.atLeast(target) ? CERTIFIED_AT_TARGET : CERTIFIED_BELOW_TARGET;
  }

  /** Four eyes when the target is Excellence, or the assessment and the self-assessment are two levels or more apart. */
  public static boolean moderationRequired(Level target, Level achieved, Level selfAssessed) {
    return target == Level.EXCELLENCE || Math.abs(achieved.ordinal() - selfAssessed.ordinal()) >= 2;
  }
}
