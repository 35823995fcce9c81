package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.REVOCATION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.springframework.stereotype.Component;

/** {@code revokeCertificate}: the message {@code CertificateRevoked} revokes the certificate for good, with its reason. */
@Component("revokeCertificate")
class RevokeCertificateDelegate implements JavaDelegate {

  private final Certificates certificates;

  RevokeCertificateDelegate(Certificates certificates) {
    this.certificates = certificates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    certificates.changeState(CERTIFICATE_NUMBER.get(execution), CertificateState.REVOKED,
        "Revoked: " + REVOCATION_REASON.get(execution));
  }
}
