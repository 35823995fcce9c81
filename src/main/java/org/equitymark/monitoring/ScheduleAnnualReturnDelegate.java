package org.equitymark.monitoring;

import static org.equitymark.monitoring.MonitoringProcess.ANNUAL_RETURN_DUE_AT;
import static org.equitymark.monitoring.MonitoringProcess.ANNUAL_RETURN_OPENS_AT;
import static org.equitymark.process.CertificationProcess.ANNUAL_RETURN_DUE_ON;
import static org.equitymark.process.CertificationProcess.ANNUAL_RETURN_YEAR;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code scheduleAnnualReturn}: the next annual return (year 1, 2, …), when it opens and when it is
 * due; none once the next would open after the invitation to reassess.
 */
@Component("scheduleAnnualReturn")
class ScheduleAnnualReturnDelegate implements JavaDelegate {

  private final MonitoringCalendar calendar;

  ScheduleAnnualReturnDelegate(MonitoringCalendar calendar) {
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MonitoringSchedule schedule = calendar.schedule(execution);
    long year = ANNUAL_RETURN_YEAR.get(execution, 0L) + 1;
    Optional<Instant> opens = schedule.annualReturnOpensAt((int) year);
    if (opens.isEmpty()) {
      ANNUAL_RETURN_OPENS_AT.set(execution, null);
      return;
    }
    Instant due = schedule.annualReturnDueAt(opens.get());
    ANNUAL_RETURN_YEAR.set(execution, year);
    ANNUAL_RETURN_OPENS_AT.set(execution, Date.from(opens.get()));
    ANNUAL_RETURN_DUE_AT.set(execution, Date.from(due));
    ANNUAL_RETURN_DUE_ON.set(execution, LocalDate.ofInstant(due, MonitoringSchedule.ZONE).toString());
  }
}
