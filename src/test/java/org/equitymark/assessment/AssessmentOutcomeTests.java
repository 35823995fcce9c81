package org.equitymark.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.equitymark.framework.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AssessmentOutcomeTests {

  // outcome

  @ParameterizedTest
  @EnumSource(value = Level.class, names = {"FOUNDATION", "DEVELOPING", "COMPETENCE", "EXCELLENCE"})
  void shouldNotCertifyWhenNoLevelIsAchieved(Level target) {
    assertThat(AssessmentOutcome.outcome(Level.NONE, target)).isEqualTo("not-certified");
  }

  @ParameterizedTest
  @CsvSource({
      "FOUNDATION, DEVELOPING",
      "FOUNDATION, EXCELLENCE",
      "DEVELOPING, COMPETENCE",
      "COMPETENCE, EXCELLENCE"
  })
  void shouldCertifyBelowTargetWhenALowerLevelIsAchieved(Level achieved, Level target) {
    assertThat(AssessmentOutcome.outcome(achieved, target)).isEqualTo("certified-below-target");
  }

  @ParameterizedTest
  @EnumSource(value = Level.class, names = {"FOUNDATION", "DEVELOPING", "COMPETENCE", "EXCELLENCE"})
  void shouldCertifyAtTargetWhenTheTargetIsAchieved(Level level) {
    assertThat(AssessmentOutcome.outcome(level, level)).isEqualTo("certified-at-target");
  }

  @ParameterizedTest
  @CsvSource({
      "DEVELOPING, FOUNDATION",
      "EXCELLENCE, FOUNDATION",
      "EXCELLENCE, COMPETENCE"
  })
  void shouldCertifyAtTargetWhenMoreThanTheTargetIsAchieved(Level achieved, Level target) {
    assertThat(AssessmentOutcome.outcome(achieved, target)).isEqualTo("certified-at-target");
  }

  // moderation (four eyes)

  @ParameterizedTest
  @CsvSource({
      "EXCELLENCE, EXCELLENCE",
      "EXCELLENCE, COMPETENCE",
      "COMPETENCE, EXCELLENCE",
      "NONE, FOUNDATION"
  })
  void shouldAlwaysModerateWhenTheTargetIsExcellence(Level achieved, Level selfAssessed) {
    assertThat(AssessmentOutcome.moderationRequired(Level.EXCELLENCE, achieved, selfAssessed)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      // target, achieved, self-assessed: assessed two or more levels below the claim
      "COMPETENCE, FOUNDATION, COMPETENCE",
      "DEVELOPING, NONE, DEVELOPING",
      "COMPETENCE, NONE, EXCELLENCE",
      // assessed two or more levels above the claim
      "COMPETENCE, COMPETENCE, FOUNDATION",
      "DEVELOPING, DEVELOPING, NONE",
      "FOUNDATION, EXCELLENCE, FOUNDATION"
  })
  void shouldModerateWhenAssessmentAndSelfAssessmentAreTwoLevelsOrMoreApart(Level target, Level achieved,
      Level selfAssessed) {
    assertThat(AssessmentOutcome.moderationRequired(target, achieved, selfAssessed)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "COMPETENCE, DEVELOPING, COMPETENCE",
      "COMPETENCE, COMPETENCE, DEVELOPING",
      "FOUNDATION, NONE, FOUNDATION",
      "DEVELOPING, FOUNDATION, NONE",
      "COMPETENCE, EXCELLENCE, COMPETENCE",
      "COMPETENCE, COMPETENCE, COMPETENCE",
      "DEVELOPING, NONE, NONE"
  })
  void shouldNotModerateWhenAtMostOneLevelApartAndTheTargetIsNotExcellence(Level target, Level achieved,
      Level selfAssessed) {
    assertThat(AssessmentOutcome.moderationRequired(target, achieved, selfAssessed)).isFalse();
  }
}
