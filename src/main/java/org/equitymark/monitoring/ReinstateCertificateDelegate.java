package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.springframework.stereotype.Component;

/** {@code reinstateCertificate}: an accepted corrective return ends the suspension; the register shows it active again. */
@Component("reinstateCertificate")
class ReinstateCertificateDelegate implements JavaDelegate {

  static final String REASON = "Reinstated: the corrective return after the suspension was accepted";

  private final Certificates certificates;

  ReinstateCertificateDelegate(Certificates certificates) {
    this.certificates = certificates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    certificates.changeState(CERTIFICATE_NUMBER.get(execution), CertificateState.ACTIVE, REASON);
  }
}
