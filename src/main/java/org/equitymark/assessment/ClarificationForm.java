package org.equitymark.assessment;

import static org.equitymark.process.CertificationProcess.CLARIFICATION_INDICATOR;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_NEEDED;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_QUESTIONS;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_RESPONSE;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/** {@code provideClarification}: the applicant answers the questions and may update its evidence. */
@Component
class ClarificationForm implements SubmissionForm {

  private final List<Field> fields = new ArrayList<>();

  ClarificationForm() {
    fields.add(required(CLARIFICATION_RESPONSE.name(), Checks.paragraphs(2, Checks.MAX_TEXT_VARIABLE)));
    for (String area : EvidenceFramework.AREA_IDS) {
      fields.add(optional(CertificationProcess.evidence(area).name(), Checks.paragraphs(Checks.MAX_TEXT_VARIABLE)));
    }
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.PROVIDE_CLARIFICATION;
  }

  @Override
  public List<Field> fields() {
    return fields;
  }

  /** Answers the open round; the assessor's form starts the next round unticked and empty. */
  @Override
  public void accepted(DelegateExecution execution, String userId) {
    ClarificationRecord.update(execution,
        thread -> thread.answer(userId, ClarificationRecord.now(), CLARIFICATION_RESPONSE.get(execution)));
    execution.removeVariable(CLARIFICATION_NEEDED.name());
    execution.removeVariable(CLARIFICATION_QUESTIONS.name());
    execution.removeVariable(CLARIFICATION_INDICATOR.name());
  }
}
