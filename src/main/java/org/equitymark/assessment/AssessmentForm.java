package org.equitymark.assessment;

import static org.equitymark.process.CertificationProcess.CLARIFICATION_INDICATOR;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_NEEDED;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_QUESTIONS;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_RESPONSE;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_ROUNDS;
import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.process.CertificationProcess.LEAD_ASSESSOR;
import static org.equitymark.process.CertificationProcess.PANEL_DECISION;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.allocation.RoleSeparation;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Frameworks;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code assessEvidence}: the lead assessor confirms indicators per area with findings, or asks
 * the applicant to clarify (at most {@code equitymark.assessment.max-clarification-rounds} rounds;
 * then the assessment concludes on the evidence at hand).
 */
@Component
class AssessmentForm implements SubmissionForm {

  static final int MAX_TEXT = Checks.MAX_TEXT_VARIABLE;

  private final List<Field> fields = new ArrayList<>();
  private final int maxRounds;

  private final Frameworks frameworks;

  AssessmentForm(Frameworks frameworks,
      @Value("${equitymark.assessment.max-clarification-rounds}") int maxRounds) {
    this.frameworks = frameworks;
    this.maxRounds = maxRounds;
    for (String area : EvidenceFramework.AREA_IDS) {
      fields.add(optional(CertificationProcess.confirmedIndicators(area).name(),
          Checks.jsonListOf(id -> id.matches(EvidenceFramework.indicatorIdPattern(area)),
              "indicator ids of area " + area)));
      fields.add(optional(CertificationProcess.assessorComment(area).name(), Checks.paragraphs(MAX_TEXT)));
    }
    fields.add(required(CLARIFICATION_NEEDED.name(), Checks.yesNo()));
    fields.add(optional(CLARIFICATION_QUESTIONS.name(), Checks.paragraphs(MAX_TEXT)));
    fields.add(optional(CLARIFICATION_INDICATOR.name(), Checks.text(1, 60)));
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.ASSESS_EVIDENCE;
  }

  @Override
  public List<Field> fields() {
    return fields;
  }

  @Override
  public boolean isDecisionOnCase() {
    return true;
  }

  @Override
  public void checkActor(DelegateExecution execution, String userId, Problems problems) {
    if (!userId.equals(LEAD_ASSESSOR.get(execution))) {
      problems.add("user", userId + " is not the lead assessor of this case");
    }
    RoleSeparation.notSupportOfficer(execution, userId, "assess", problems);
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    if (submission.isTrue(CLARIFICATION_NEEDED.name())
        && !submission.submittedText(CLARIFICATION_QUESTIONS.name())) {
      problems.add(CLARIFICATION_QUESTIONS.name(), "is required when asking for clarification");
    }
    if (submission.submittedText(CLARIFICATION_INDICATOR.name()) && !submission.isTrue(CLARIFICATION_NEEDED.name())) {
      problems.add(CLARIFICATION_INDICATOR.name(), "can only be given when asking for clarification");
    }
  }

  @Override
  public void checkCase(DelegateExecution execution, Problems problems) {
    EvidenceFramework framework = frameworks.ofCase(FRAMEWORK_VERSION.get(execution));
    CertificationProcess.confirmedByArea(execution).forEach((area, ids) -> framework.problemWithIndicators(area, ids)
        .ifPresent(reason -> problems.add(CertificationProcess.confirmedIndicators(area).name(), reason)));
    String asked = CLARIFICATION_INDICATOR.get(execution);
    if (asked != null && !asked.isBlank() && framework.indicator(asked).isEmpty()) {
      problems.add(CLARIFICATION_INDICATOR.name(), asked + " is not an indicator of framework version "
          + framework.version());
    }
    if (Boolean.TRUE.equals(CLARIFICATION_NEEDED.get(execution))
        && CLARIFICATION_ROUNDS.get(execution, 0L) >= maxRounds) {
      problems.add(CLARIFICATION_NEEDED.name(), "cannot be true: all " + maxRounds
          + " clarification rounds have been used, conclude on the evidence at hand");
    }
  }

  /**
   * Records a clarification round in the thread. Last round's answer and the panel's earlier
   * decision are cleared, so that Tasklist (which fills forms from the case) does not offer them again.
   */
  @Override
  public void accepted(DelegateExecution execution, String userId) {
    execution.removeVariable(PANEL_DECISION.name());
    execution.removeVariable(CLARIFICATION_RESPONSE.name());
    if (!Boolean.TRUE.equals(CLARIFICATION_NEEDED.get(execution))) {
      execution.removeVariable(CLARIFICATION_INDICATOR.name());
    }
    if (Boolean.TRUE.equals(CLARIFICATION_NEEDED.get(execution))) {
      long round = CLARIFICATION_ROUNDS.get(execution, 0L) + 1;
      CLARIFICATION_ROUNDS.set(execution, round);
      String about = CLARIFICATION_INDICATOR.get(execution);
      String questions = (about == null || about.isBlank() ? "" : "(" + about + ") ") + CLARIFICATION_QUESTIONS.get(execution);
      ClarificationRecord.update(execution, thread -> thread.ask((int) round, userId, ClarificationRecord.now(), questions));
    }
  }
}
