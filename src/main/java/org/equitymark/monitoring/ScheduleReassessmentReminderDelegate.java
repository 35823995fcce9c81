package org.equitymark.monitoring;

import static org.equitymark.monitoring.MonitoringProcess.REASSESSMENT_REMINDERS_SCHEDULED;
import static org.equitymark.monitoring.MonitoringProcess.REASSESSMENT_REMINDER_AT;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code scheduleReassessmentReminder}: the next reminder to reassess (60, 30 and 7 days before
 * expiry by default), skipping any whose date has passed; none when all are sent or the
 * certificate was renewed already.
 */
@Component("scheduleReassessmentReminder")
class ScheduleReassessmentReminderDelegate implements JavaDelegate {

  private final MonitoringCalendar calendar;
  private final Renewals renewals;

  ScheduleReassessmentReminderDelegate(MonitoringCalendar calendar, Renewals renewals) {
    this.calendar = calendar;
    this.renewals = renewals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MonitoringSchedule schedule = calendar.schedule(execution);
    Instant now = ClockUtil.now().toInstant();
    long index = REASSESSMENT_REMINDERS_SCHEDULED.get(execution, 0L);
    Optional<Instant> next = schedule.reassessmentReminderAt((int) index);
    while (next.isPresent() && !next.get().isAfter(now)) {
      index++;
      next = schedule.reassessmentReminderAt((int) index);
    }
    if (renewals.renewedBy(execution).isPresent()) {
      next = Optional.empty();
    }
    REASSESSMENT_REMINDERS_SCHEDULED.set(execution, index + 1);
    REASSESSMENT_REMINDER_AT.set(execution, next.map(Date::from).orElse(null));
  }
}
