package org.equitymark.registration;

import static org.equitymark.process.CertificationProcess.PREVIOUS_CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.PREVIOUS_LEVEL;
import static org.equitymark.process.CertificationProcess.REASSESSMENT;
import static org.equitymark.submission.Field.required;

import java.util.ArrayList;
import java.util.List;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;

/**
 * The registration of a reassessment, which only the engine makes (Stage 4, 90 days before a
 * certificate expires): the registration's fields plus the link to the previous certificate and
 * its level. Not a Spring bean, so that nobody can submit these fields through the start form.
 */
final class ReassessmentRegistrationForm implements SubmissionForm {

  private final RegistrationForm registration;

  ReassessmentRegistrationForm(RegistrationForm registration) {
    this.registration = registration;
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.REGISTRATION_RECEIVED;
  }

  @Override
  public List<Field> fields() {
    List<Field> fields = new ArrayList<>(registration.fields());
    fields.add(required(REASSESSMENT.name(), Checks.yesNo()));
    fields.add(required(PREVIOUS_CERTIFICATE_NUMBER.name(), Checks.text(1, 20)));
    fields.add(required(PREVIOUS_LEVEL.name(), Checks.oneOf(Level.certifiableIds())));
    return fields;
  }
}
