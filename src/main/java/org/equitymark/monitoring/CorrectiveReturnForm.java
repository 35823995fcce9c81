package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.CORRECTIVE_ACTIONS;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/**
 * {@code submitCorrectiveReturn} (form {@code corrective-return}, the organisation): during a
 * suspension's cure period, what it has put right since the annual return was not accepted or not
 * received. Filled afresh each time, so a later suspension cannot pass on an earlier correction.
 */
@Component
class CorrectiveReturnForm implements SubmissionForm {

  @Override
  public String activityId() {
    return MonitoringProcess.Elements.SUBMIT_CORRECTIVE_RETURN;
  }

  @Override
  public List<Field> fields() {
    return List.of(required(CORRECTIVE_ACTIONS.name(), Checks.paragraphs(10, Checks.MAX_TEXT_VARIABLE)));
  }

  @Override
  public boolean isFilledAfresh() {
    return true;
  }
}
