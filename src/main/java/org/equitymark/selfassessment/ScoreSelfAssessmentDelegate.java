package org.equitymark.selfassessment;

import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.process.CertificationProcess.GAP_ANALYSIS;
import static org.equitymark.process.CertificationProcess.GAP_ANALYSIS_TEXT;
import static org.equitymark.process.CertificationProcess.SELF_ASSESSED_LEVEL;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.framework.Frameworks;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.equitymark.process.Variable;
import org.equitymark.scoring.GapAnalysis;
import org.equitymark.scoring.OverallLevel;
import org.equitymark.scoring.Scorer;
import org.springframework.stereotype.Component;

/**
 * {@code scoreSelfAssessment}: scores the claimed indicators into {@code {area}SelfLevel} and
 * {@code selfAssessedLevel}, and analyses the gaps to the target level, against the case's framework version.
 */
@Component("scoreSelfAssessment")
public class ScoreSelfAssessmentDelegate implements JavaDelegate {

  private final Frameworks frameworks;
  private final OverallLevel overallLevel;
  private final ObjectMapper objectMapper;

  public ScoreSelfAssessmentDelegate(Frameworks frameworks, OverallLevel overallLevel, ObjectMapper objectMapper) {
    this.frameworks = frameworks;
    this.overallLevel = overallLevel;
    this.objectMapper = objectMapper;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    Scorer scorer = new Scorer(frameworks.ofCase(FRAMEWORK_VERSION.get(execution)));
    Map<String, List<String>> claimed = CertificationProcess.claimedByArea(execution);
    Map<String, Level> areaLevels = scorer.areaLevels(claimed);
    areaLevels.forEach((area, level) -> CertificationProcess.selfLevel(area).set(execution, level.id()));
    SELF_ASSESSED_LEVEL.set(execution, overallLevel.of(areaLevels).id());

    Level target = Level.fromId(TARGET_LEVEL.get(execution)).orElseThrow();
    GapAnalysis gaps = scorer.gapAnalysis(target, claimed);
    GAP_ANALYSIS.set(execution, new Variable.JsonText(objectMapper.writeValueAsString(gaps)));
    GAP_ANALYSIS_TEXT.set(execution, gaps.toText());
  }
}
