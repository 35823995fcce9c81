package org.equitymark.monitoring;

import static org.equitymark.monitoring.MonitoringProcess.WITHDRAWAL_CAUSE;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.CORRECTION_DUE_ON;
import static org.equitymark.process.CertificationProcess.WITHDRAWAL_REASON;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.springframework.stereotype.Component;

/**
 * {@code withdrawCertificate}: the suspension was not cured, because no corrective return arrived by
 * the end of the cure period or the one that arrived was not accepted ({@code withdrawalCause}). The
 * certificate is revoked for good with that reason, which is public (register, history) and says
 * nothing of the reviewer's comments; those go to the organisation by mail only.
 */
@Component("withdrawCertificate")
class WithdrawCertificateDelegate implements JavaDelegate {

  static final String CORRECTION_MISSED = "correction-missed";
  static final String CORRECTION_NOT_ACCEPTED = "correction-not-accepted";

  private final Certificates certificates;
  private final MonitoringTexts texts;

  WithdrawCertificateDelegate(Certificates certificates, MonitoringTexts texts) {
    this.certificates = certificates;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String cause = WITHDRAWAL_CAUSE.get(execution);
    if (!MonitoringTexts.WITHDRAWAL_CAUSES.contains(cause)) {
      throw new IllegalStateException("Unknown withdrawal cause " + cause);
    }
    String reason = texts.withdrawalReason(cause, CORRECTION_DUE_ON.get(execution), Locale.ENGLISH);
    certificates.changeState(CERTIFICATE_NUMBER.get(execution), CertificateState.REVOKED, reason);
    WITHDRAWAL_REASON.set(execution, reason);
  }
}
