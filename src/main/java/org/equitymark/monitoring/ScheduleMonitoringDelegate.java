package org.equitymark.monitoring;

import static org.equitymark.monitoring.MonitoringProcess.CERTIFICATE_ENDS_AT;
import static org.equitymark.monitoring.MonitoringProcess.REASSESSMENT_INVITATION_AT;
import static org.equitymark.monitoring.MonitoringProcess.REASSESSMENT_REMINDERS_SCHEDULED;
import static org.equitymark.process.CertificationProcess.ANNUAL_RETURN_YEAR;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code scheduleMonitoring}: when the certificate ends and when the organisation is invited to reassess. */
@Component("scheduleMonitoring")
class ScheduleMonitoringDelegate implements JavaDelegate {

  private final MonitoringCalendar calendar;

  ScheduleMonitoringDelegate(MonitoringCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MonitoringSchedule schedule = calendar.schedule(execution);
    CERTIFICATE_ENDS_AT.set(execution, Date.from(schedule.endsAt()));
    REASSESSMENT_INVITATION_AT.set(execution, Date.from(schedule.reassessmentInvitationAt()));
    ANNUAL_RETURN_YEAR.set(execution, 0L);
    REASSESSMENT_REMINDERS_SCHEDULED.set(execution, 0L);
  }
}
