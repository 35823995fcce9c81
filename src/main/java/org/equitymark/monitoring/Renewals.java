package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.REASSESSMENT_REFERENCE;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.springframework.stereotype.Component;

/** Whether the reassessment case this monitoring started has issued a new certificate that replaces the old one. */
@Component
class Renewals {

  private final Certificates certificates;

  Renewals(Certificates certificates) {
    this.certificates = certificates;
  }

  /** The number of the certificate that renewed the case's certificate, if any. */
  Optional<String> renewedBy(DelegateExecution execution) {
    String reassessment = REASSESSMENT_REFERENCE.get(execution);
    if (reassessment == null) {
      return Optional.empty();
    }
    return certificates.findByApplication(reassessment)
        .filter(c -> !c.certificateNumber().equals(CERTIFICATE_NUMBER.get(execution)))
        .filter(c -> c.state() == CertificateState.ACTIVE)
        .map(c -> c.certificateNumber());
  }
}
