package org.equitymark.registration;

import static org.equitymark.process.CertificationProcess.CONTACT_EMAIL;
import static org.equitymark.process.CertificationProcess.CONTACT_NAME;
import static org.equitymark.process.CertificationProcess.CONTACT_PHONE;
import static org.equitymark.process.CertificationProcess.STAFF_COUNT;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;

import java.util.List;
import java.util.Set;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/**
 * {@code confirmRegistration} (form {@code confirm-registration}, a reassessment only): the
 * organisation confirms or changes what may have changed since it last registered (target level,
 * staff count, contact) before the fee is computed from them. The rules are the registration
 * form's own, field for field; the values the case carries over count as confirmed when not sent.
 */
@Component
class ConfirmRegistrationForm implements SubmissionForm {

  /** The registration fields the organisation may change at a reassessment; the rest (name, type, area) stay. */
  static final Set<String> CHANGEABLE = Set.of(TARGET_LEVEL.name(), STAFF_COUNT.name(), CONTACT_NAME.name(),
      CONTACT_EMAIL.name(), CONTACT_PHONE.name());

  private final RegistrationForm registration;

  ConfirmRegistrationForm(RegistrationForm registration) {
    this.registration = registration;
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.CONFIRM_REGISTRATION;
  }

  @Override
  public List<Field> fields() {
    return registration.fields().stream().filter(field -> CHANGEABLE.contains(field.name())).toList();
  }
}
