package org.equitymark.monitoring;

import static org.equitymark.monitoring.MonitoringProcess.CERTIFICATE_ENDS_AT;
import static org.equitymark.monitoring.MonitoringProcess.REASSESSMENT_GRACE_ENDS_AT;
import static org.equitymark.monitoring.MonitoringProcess.REASSESSMENT_WAS_DECIDED;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.REASSESSMENT_REFERENCE;
import static org.equitymark.process.CertificationProcess.RENEWED_BY;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.equitymark.engine.Timers;
import org.equitymark.process.CertificationProcess;
import org.springframework.stereotype.Component;

/**
 * {@code expireCertificate}: at the end of its validity the certificate ends. When the reassessment
 * has issued a new one ({@code renewedBy}), its history says so and the new one stands in its
 * place (the organisation is not told its certificate expired). When the reassessment this
 * monitoring started on time is still undecided, an active certificate stays valid until it is
 * decided, at most {@code equitymark.timers.reassessment-grace} ({@code reassessmentGraceEndsAt});
 * the step runs again when that ends. Otherwise it has expired.
 */
@Component("expireCertificate")
class ExpireCertificateDelegate implements JavaDelegate {

  private final Certificates certificates;
  private final Renewals renewals;
  private final Timers timers;

  ExpireCertificateDelegate(Certificates certificates, Renewals renewals, Timers timers) {
    this.certificates = certificates;
    this.renewals = renewals;
    this.timers = timers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = CERTIFICATE_NUMBER.get(execution);
    Optional<String> renewedBy = renewals.renewedBy(execution);
    boolean graceOver = REASSESSMENT_GRACE_ENDS_AT.get(execution) != null;
    RENEWED_BY.set(execution, renewedBy.orElse(null));
    REASSESSMENT_GRACE_ENDS_AT.set(execution, null);
    if (renewedBy.isEmpty() && !graceOver && reassessmentUndecided(execution)
        && certificates.find(number).map(c -> c.state() == CertificateState.ACTIVE).orElse(false)) {
      Instant graceEnds = MonitoringSchedule.plus(CERTIFICATE_ENDS_AT.get(execution).toInstant()
          .atZone(MonitoringSchedule.ZONE), timers.getReassessmentGrace()).toInstant();
      REASSESSMENT_GRACE_ENDS_AT.set(execution, Date.from(graceEnds));
      // valid through the day before the grace ends, as a certificate is through its expiry date
      certificates.keepValidDuringReassessment(number,
          LocalDate.ofInstant(graceEnds, MonitoringSchedule.ZONE).minusDays(1));
      return;
    }
    certificates.changeState(number, CertificateState.EXPIRED, renewedBy
        .map(renewal -> "Ended at the end of its validity: renewed by certificate " + renewal)
        .orElse(graceOver ? "Expired: its reassessment did not renew it within the grace"
            : "Expired at the end of its validity"));
  }

  /**
   * Whether the organisation started the reassessment case this monitoring opened (it confirmed its
   * registration, before the end of validity since this runs then), and the case still runs undecided.
   * A case left at the confirmation, lapsed unpaid or withdrawn is no reassessment in progress.
   */
  private static boolean reassessmentUndecided(DelegateExecution execution) {
    String reference = REASSESSMENT_REFERENCE.get(execution);
    if (reference == null || Boolean.TRUE.equals(REASSESSMENT_WAS_DECIDED.get(execution))) {
      return false;
    }
    var engine = execution.getProcessEngineServices();
    boolean running = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CertificationProcess.KEY).processInstanceBusinessKey(reference).count() > 0;
    boolean awaitingConfirmation = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(CertificationProcess.Elements.CONFIRM_REGISTRATION).count() > 0;
    return running && !awaitingConfirmation;
  }
}
