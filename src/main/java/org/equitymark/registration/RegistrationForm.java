package org.equitymark.registration;

import static org.equitymark.process.CertificationProcess.CONTACT_EMAIL;
import static org.equitymark.process.CertificationProcess.CONTACT_NAME;
import static org.equitymark.process.CertificationProcess.CONTACT_PHONE;
import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;
import static org.equitymark.process.CertificationProcess.ORGANISATION_NAME;
import static org.equitymark.process.CertificationProcess.ORGANISATION_TYPE;
import static org.equitymark.process.CertificationProcess.PREFERRED_LANGUAGE;
import static org.equitymark.process.CertificationProcess.STAFF_COUNT;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;
import static org.equitymark.process.CertificationProcess.WORKPLACE_AREA;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/**
 * The start form {@code registration}: who applies, for what, and how to reach them. Markup in a
 * name is accepted as text and escaped wherever it is shown.
 */
@Component
public class RegistrationForm implements SubmissionForm {

  public static final String[] ORGANISATION_TYPES =
      {"nhs-trust", "local-authority", "independent-provider", "voluntary-community"};
  public static final String[] LANGUAGES = {"en", "cy"};

  @Override
  public String activityId() {
    return CertificationProcess.Elements.REGISTRATION_RECEIVED;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(ORGANISATION_NAME.name(), Checks.text(2, 200)),
        optional(WORKPLACE_AREA.name(), Checks.text(0, 200)),
        required(ORGANISATION_TYPE.name(), Checks.oneOf(ORGANISATION_TYPES)),
        required(STAFF_COUNT.name(), Checks.wholeNumber(1, 1_000_000)),
        required(CONTACT_NAME.name(), Checks.text(2, 120)),
        required(CONTACT_EMAIL.name(), Checks.email()),
        optional(CONTACT_PHONE.name(), Checks.text(0, 30)),
        required(TARGET_LEVEL.name(), Checks.oneOf(Level.certifiableIds())),
        optional(PREFERRED_LANGUAGE.name(), Checks.oneOf(LANGUAGES)),
        optional(ORGANISATION_ID.name(), Checks.text(1, 20)));
  }
}
