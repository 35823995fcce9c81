package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.REVOCATION_REASON;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.access.Groups;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.Certificates;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/**
 * The start form {@code revoke-certificate} of {@code certificate-revocation}: which certificate, and
 * why (public); by a scheme manager, of a certificate under monitoring.
 */
@Component
class RevocationRequestForm implements SubmissionForm {

  private final Certificates certificates;

  RevocationRequestForm(Certificates certificates) {
    this.certificates = certificates;
  }

  @Override
  public String activityId() {
    return RevocationRequest.START_EVENT;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(CERTIFICATE_NUMBER.name(), Checks.text(1, 20)),
        required(REVOCATION_REASON.name(), Checks.text(RevocationForm.MIN_REASON, RevocationForm.MAX_REASON)));
  }

  @Override
  public void checkActor(DelegateExecution execution, String userId, Problems problems) {
    boolean manager = execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .userId(userId).memberOfGroup(Groups.SCHEME_MANAGERS).count() > 0;
    if (!manager) {
      problems.add("user", userId + " is not a scheme manager and may not revoke a certificate");
    }
  }

  @Override
  public void checkCase(DelegateExecution execution, Problems problems) {
    Certificate certificate = certificates.find(CERTIFICATE_NUMBER.get(execution).strip()).orElse(null);
    if (certificate == null) {
      problems.add(CERTIFICATE_NUMBER.name(), "is not a certificate");
    } else if (!RevocationRequest.isMonitored(execution.getProcessEngineServices().getRuntimeService(), certificate)) {
      problems.add(CERTIFICATE_NUMBER.name(), "is " + certificate.state().id() + " and not under monitoring "
          + "(revoked or expired already, or still in its appeal window)");
    }
  }
}
