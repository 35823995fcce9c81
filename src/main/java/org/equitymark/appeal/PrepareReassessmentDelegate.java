package org.equitymark.appeal;

import static org.equitymark.process.CertificationProcess.APPEAL_ROUNDS;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_ROUNDS;
import static org.equitymark.process.CertificationProcess.LEAD_ASSESSOR;
import static org.equitymark.process.CertificationProcess.PANEL_COMMENTS;
import static org.equitymark.process.CertificationProcess.PANEL_DECISION;
import static org.equitymark.process.CertificationProcess.PREVIOUS_LEAD_ASSESSORS;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code prepareReassessment}: an upheld appeal sends the case back to assessment with a different
 * lead assessor, a fresh allowance of clarification rounds, and no earlier panel comments.
 */
@Component("prepareReassessment")
public class PrepareReassessmentDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<String> previous = new ArrayList<>(PREVIOUS_LEAD_ASSESSORS.get(execution, List.of()));
    String lead = LEAD_ASSESSOR.get(execution);
    if (lead != null && !previous.contains(lead)) {
      previous.add(lead);
    }
    PREVIOUS_LEAD_ASSESSORS.set(execution, previous);
    APPEAL_ROUNDS.set(execution, APPEAL_ROUNDS.get(execution, 0L) + 1);
    CLARIFICATION_ROUNDS.set(execution, 0L);
    execution.removeVariable(PANEL_DECISION.name());
    execution.removeVariable(PANEL_COMMENTS.name());
  }
}
