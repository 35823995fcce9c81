package org.equitymark.assessment;

import static org.equitymark.process.CertificationProcess.ACHIEVED_LEVEL;
import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.process.CertificationProcess.MODERATION_REQUIRED;
import static org.equitymark.process.CertificationProcess.OUTCOME;
import static org.equitymark.process.CertificationProcess.SELF_ASSESSED_LEVEL;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.framework.Frameworks;
import org.equitymark.framework.Level;
import org.equitymark.panel.PanelReview;
import org.equitymark.process.CertificationProcess;
import org.equitymark.scoring.OverallLevel;
import org.equitymark.scoring.Scorer;
import org.springframework.stereotype.Component;

/**
 * {@code scoreAssessment}: the confirmed indicators give {@code {area}Level}, the DMN
 * {@code certification-level} gives {@code achievedLevel} (against the case's framework version), and
 * with the target the {@code outcome};
 * and whether a moderator must look at it.
 */
@Component("scoreAssessment")
public class ScoreAssessmentDelegate implements JavaDelegate {

  private final Frameworks frameworks;
  private final OverallLevel overallLevel;

  public ScoreAssessmentDelegate(Frameworks frameworks, OverallLevel overallLevel) {
    this.frameworks = frameworks;
    this.overallLevel = overallLevel;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Scorer scorer = new Scorer(frameworks.ofCase(FRAMEWORK_VERSION.get(execution)));
    Map<String, Level> areaLevels = scorer.areaLevels(CertificationProcess.confirmedByArea(execution));
    areaLevels.forEach((area, level) -> CertificationProcess.level(area).set(execution, level.id()));
    Level achieved = overallLevel.of(areaLevels);
    Level target = Level.fromId(TARGET_LEVEL.get(execution)).orElseThrow();
    Level selfAssessed = Level.fromId(SELF_ASSESSED_LEVEL.get(execution, "none")).orElseThrow();
    ACHIEVED_LEVEL.set(execution, achieved.id());
    OUTCOME.set(execution, AssessmentOutcome.outcome(achieved, target));
    MODERATION_REQUIRED.set(execution, AssessmentOutcome.moderationRequired(target, achieved, selfAssessed));
    CertificationProcess.PANEL_REVIEW_REQUIRED.set(execution, !PanelReview.reviewersOf(execution).isEmpty());
  }
}
