package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.Certificates;
import org.equitymark.engine.Timers;
import org.springframework.stereotype.Component;

/** The monitored certificate of a case and its {@link MonitoringSchedule}, from the configured timers. */
@Component
class MonitoringCalendar {

  private final Certificates certificates;
  private final Timers timers;

  MonitoringCalendar(Certificates certificates, Timers timers) {
    this.certificates = certificates;
    this.timers = timers;
  }

  Certificate certificate(DelegateExecution execution) {
    String number = CERTIFICATE_NUMBER.get(execution);
    return certificates.find(number)
        .orElseThrow(() -> new IllegalStateException("The case has no certificate to monitor: " + number));
  }

  MonitoringSchedule schedule(DelegateExecution execution) {
    Certificate certificate = certificate(execution);
    return new MonitoringSchedule(certificate.issuedOn(), certificate.expiresOn(), timers.getAnnualReturnInterval(),
        timers.getAnnualReturnDue(), timers.getReassessmentInvitation(),
        MonitoringSchedule.durations(timers.getReassessmentReminders()));
  }
}
