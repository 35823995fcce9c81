package org.equitymark.assessment;

import static org.equitymark.process.CertificationProcess.SUPPORT_NOTES;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/** {@code supportClarification}: after 21 days unanswered, a support officer helps and notes what was done. */
@Component
class SupportClarificationForm implements SubmissionForm {

  @Override
  public String activityId() {
    return CertificationProcess.Elements.SUPPORT_CLARIFICATION;
  }

  @Override
  public List<Field> fields() {
    return List.of(required(SUPPORT_NOTES.name(), Checks.paragraphs(2, Checks.MAX_TEXT_VARIABLE)));
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    ClarificationRecord.update(execution, thread -> thread.supportNote(userId + ": " + SUPPORT_NOTES.get(execution)));
  }
}
