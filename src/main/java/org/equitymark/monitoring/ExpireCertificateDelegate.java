package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.RENEWED_BY;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.springframework.stereotype.Component;

/**
 * {@code expireCertificate}: at the end of its validity the certificate ends. When the reassessment
 * has issued a new one ({@code renewedBy}), its history says so and the new one stands in its
 * place (the organisation is not told its certificate expired); otherwise it has expired.
 */
@Component("expireCertificate")
class ExpireCertificateDelegate implements JavaDelegate {

  private final Certificates certificates;
  private final Renewals renewals;

  ExpireCertificateDelegate(Certificates certificates, Renewals renewals) {
    this.certificates = certificates;
    this.renewals = renewals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Optional<String> renewedBy = renewals.renewedBy(execution);
    RENEWED_BY.set(execution, renewedBy.orElse(null));
    certificates.changeState(CERTIFICATE_NUMBER.get(execution), CertificateState.EXPIRED, renewedBy
        .map(number -> "Ended at the end of its validity: renewed by certificate " + number)
        .orElse("Expired at the end of its validity"));
  }
}
