package org.equitymark.monitoring;

import static org.equitymark.monitoring.MonitoringProcess.ANNUAL_RETURN_DUE_AT;
import static org.equitymark.monitoring.MonitoringProcess.ANNUAL_RETURN_FIGURES_TEXT;
import static org.equitymark.monitoring.MonitoringProcess.ANNUAL_RETURN_OPENS_AT;
import static org.equitymark.process.CertificationProcess.ANNUAL_RETURN_DUE_ON;
import static org.equitymark.process.CertificationProcess.ANNUAL_RETURN_YEAR;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code scheduleAnnualReturn}: the next annual return (year 1, 2, …), when it opens and when it is
 * due; none once the next would open after the invitation to reassess. The previous year's return
 * and review are cleared first (they are kept in {@code em_annual_return} and in history): each
 * year's return is filled in afresh, its required fields cannot pass on last year's figures, and a
 * suspension mail never quotes last year's review.
 */
@Component("scheduleAnnualReturn")
class ScheduleAnnualReturnDelegate implements JavaDelegate {

  private final MonitoringCalendar calendar;
  private final AnnualReturnForm returnForm;
  private final ReviewAnnualReturnForm reviewForm;

  ScheduleAnnualReturnDelegate(MonitoringCalendar calendar, AnnualReturnForm returnForm,
      ReviewAnnualReturnForm reviewForm) {
    this.calendar = calendar;
    this.returnForm = returnForm;
    this.reviewForm = reviewForm;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Stream.concat(returnForm.fields().stream(), reviewForm.fields().stream())
        .forEach(field -> execution.removeVariable(field.name()));
    execution.removeVariable(ANNUAL_RETURN_FIGURES_TEXT.name());
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
