package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.REVOCATION_REASON;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/**
 * The message {@code CertificateRevoked} ({@code certificateRevokedReceived}): the reason, which
 * the register shows, so one line of plain text.
 */
@Component
class RevocationForm implements SubmissionForm {

  static final int MIN_REASON = 10;
  static final int MAX_REASON = 900;

  @Override
  public String activityId() {
    return MonitoringProcess.Elements.CERTIFICATE_REVOKED_RECEIVED;
  }

  @Override
  public List<Field> fields() {
    return List.of(required(REVOCATION_REASON.name(), Checks.text(MIN_REASON, MAX_REASON)));
  }
}
