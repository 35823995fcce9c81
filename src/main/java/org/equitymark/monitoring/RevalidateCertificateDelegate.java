package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.ANNUAL_RETURN_YEAR;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.springframework.stereotype.Component;

/**
 * {@code revalidateCertificate}: an accepted annual return keeps the certificate active, and
 * reinstates it when an earlier return had it suspended.
 */
@Component("revalidateCertificate")
class RevalidateCertificateDelegate implements JavaDelegate {

  private final Certificates certificates;

  RevalidateCertificateDelegate(Certificates certificates) {
    this.certificates = certificates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = CERTIFICATE_NUMBER.get(execution);
    certificates.changeState(number, CertificateState.ACTIVE,
        "Reinstated: the annual return for year " + ANNUAL_RETURN_YEAR.get(execution, 0L) + " was accepted");
  }
}
