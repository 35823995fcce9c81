package org.equitymark.monitoring;

import static org.equitymark.monitoring.MonitoringProcess.CORRECTION_DUE_AT;
import static org.equitymark.monitoring.MonitoringProcess.SUSPENSION_CAUSE;
import static org.equitymark.process.CertificationProcess.ANNUAL_RETURN_YEAR;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.CORRECTION_DUE_ON;
import static org.equitymark.process.CertificationProcess.CORRECTION_REVIEW_COMMENTS;
import static org.equitymark.process.CertificationProcess.REVIEW_COMMENTS;
import static org.equitymark.process.CertificationProcess.SUSPENSION_REASON;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.equitymark.engine.Timers;
import org.springframework.stereotype.Component;

/**
 * {@code suspendCertificate}: suspends the certificate because an annual return was not accepted
 * or not received ({@code suspensionCause}), and opens the cure period ({@code equitymark.timers.suspension-cure}):
 * a corrective return accepted by {@code correctionDueAt} reinstates it, otherwise it is withdrawn.
 * The reason is public (register, history), so it says what happened and nothing of the review's comments.
 * When no return was received there was no review this year: an earlier year's review comments are
 * dropped, so that the suspension mail (which quotes {@code reviewComments}) does not show them.
 */
@Component("suspendCertificate")
class SuspendCertificateDelegate implements JavaDelegate {

  static final String RETURN_MISSED = "return-missed";
  static final String RETURN_NOT_ACCEPTED = "return-not-accepted";

  private final Certificates certificates;
  private final Timers timers;
  private final MonitoringTexts texts;

  SuspendCertificateDelegate(Certificates certificates, Timers timers, MonitoringTexts texts) {
    this.certificates = certificates;
    this.timers = timers;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long year = ANNUAL_RETURN_YEAR.get(execution, 0L);
    String cause = SUSPENSION_CAUSE.get(execution);
    if (!MonitoringTexts.SUSPENSION_CAUSES.contains(cause)) {
      throw new IllegalStateException("Unknown suspension cause " + cause);
    }
    String reason = texts.suspensionReason(cause, year, Locale.ENGLISH);
    if (RETURN_MISSED.equals(cause)) {
      execution.removeVariable(REVIEW_COMMENTS.name());
    }
    execution.removeVariable(CORRECTION_REVIEW_COMMENTS.name());
    certificates.changeState(CERTIFICATE_NUMBER.get(execution), CertificateState.SUSPENDED, reason);
    SUSPENSION_REASON.set(execution, reason);
    Instant correctionDue = MonitoringSchedule.plus(ClockUtil.now().toInstant().atZone(MonitoringSchedule.ZONE),
        timers.getSuspensionCure()).toInstant();
    CORRECTION_DUE_AT.set(execution, Date.from(correctionDue));
    CORRECTION_DUE_ON.set(execution, LocalDate.ofInstant(correctionDue, MonitoringSchedule.ZONE).toString());
  }
}
