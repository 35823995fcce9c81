package org.equitymark.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;

/**
 * The calendar of a certificate's monitoring (no Camunda): annual returns open at each interval
 * after the issue date (12 and 24 months by default) while that is before the invitation to
 * reassess; the invitation and the reminders are durations before the end of validity, which is
 * the start of the day after the expiry date, in UK time.
 */
public record MonitoringSchedule(LocalDate issuedOn, LocalDate expiresOn, String annualReturnInterval,
    String annualReturnDue, String reassessmentInvitation, List<String> reassessmentReminders) {

  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  public MonitoringSchedule {
    reassessmentReminders = List.copyOf(reassessmentReminders);
  }

  /** From a comma-separated list of durations, as in configuration. */
  public static List<String> durations(String commaSeparated) {
    List<String> list = new ArrayList<>();
    for (String each : commaSeparated.split(",")) {
      if (!each.isBlank()) {
        list.add(each.trim());
      }
    }
    return list;
  }

  /** The first moment the certificate is no longer valid. */
  public Instant endsAt() {
    return expiresOn.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  public Instant reassessmentInvitationAt() {
    return minus(endsAt(), reassessmentInvitation);
  }

  /** When return {@code year} (1, 2, …) opens; empty when it would fall on or after the invitation to reassess. */
  public Optional<Instant> annualReturnOpensAt(int year) {
    ZonedDateTime opens = issuedOn.atStartOfDay(ZONE);
    for (int i = 0; i < year; i++) {
      opens = plus(opens, annualReturnInterval);
    }
    Instant at = opens.toInstant();
    return at.isBefore(reassessmentInvitationAt()) ? Optional.of(at) : Optional.empty();
  }

  public Instant annualReturnDueAt(Instant opensAt) {
    return plus(opensAt.atZone(ZONE), annualReturnDue).toInstant();
  }

  /** Reminder {@code index} (0, 1, …), latest first order as configured; empty when there is no such reminder. */
  public Optional<Instant> reassessmentReminderAt(int index) {
    return index < reassessmentReminders.size()
        ? Optional.of(minus(endsAt(), reassessmentReminders.get(index))) : Optional.empty();
  }

  static Instant minus(Instant at, String duration) {
    Duration d = parse(duration).negate();
    GregorianCalendar calendar = GregorianCalendar.from(at.atZone(ZONE));
    d.addTo(calendar);
    return calendar.toInstant();
  }

  static ZonedDateTime plus(ZonedDateTime at, String duration) {
    GregorianCalendar calendar = GregorianCalendar.from(at);
    parse(duration).addTo(calendar);
    return calendar.toZonedDateTime();
  }

  private static Duration parse(String duration) {
    try {
      return DatatypeFactory.newInstance().newDuration(duration.trim());
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
