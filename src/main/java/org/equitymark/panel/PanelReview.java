package org.equitymark.panel;

import static org.equitymark.process.CertificationProcess.ASSESSMENT_PANEL;
import static org.equitymark.process.CertificationProcess.LEAD_ASSESSOR;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * {@code panelReview}: the collection of the multi-instance task {@code reviewAsPanelMember}
 * ({@code ${panelReview.reviewers(execution)}}): each member of the assessment panel beside the lead
 * assessor reviews the assessment. A plain Java list, read when the review starts, so the case keeps
 * no Java-serialized variable.
 */
@Component("panelReview")
public class PanelReview {

  public List<String> reviewers(VariableScope scope) {
    return reviewersOf(scope);
  }

  /** The members beside the lead assessor; none when the case has no panel (Foundation, Developing). */
  public static List<String> reviewersOf(VariableScope scope) {
    return PanelReviews.reviewers(ASSESSMENT_PANEL.get(scope, List.of()), LEAD_ASSESSOR.get(scope));
  }
}
