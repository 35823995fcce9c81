package org.equitymark.notification;

import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.equitymark.engine.Timers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The scheme's periods that mails tell people ("you may appeal within {appealWindow}"), from the
 * configured timers (engine/Timers, {@code equitymark.timers.*}), written in the mail's language:
 * "28 days", "28 diwrnod". A mail text never carries such a number itself.
 */
@Component
class MailPeriods {

  static final String PAYMENT_LAPSE = "paymentLapse";
  static final String SELF_ASSESSMENT_IDLE = "selfAssessmentIdle";
  static final String APPEAL_WINDOW = "appealWindow";
  /** From an annual return's due date to suspension: annual-return-overdue less annual-return-due. */
  static final String ANNUAL_RETURN_GRACE = "annualReturnGrace";
  static final Set<String> NAMES = Set.of(PAYMENT_LAPSE, SELF_ASSESSMENT_IDLE, APPEAL_WINDOW, ANNUAL_RETURN_GRACE);

  private static final long DAY_MILLIS = 24L * 60 * 60 * 1000;
  /** Months and years have no fixed length in days: they are counted from this date. */
  private static final Calendar FROM = new GregorianCalendar(2001, Calendar.JANUARY, 1);

  static {
    FROM.setTimeZone(TimeZone.getTimeZone("UTC"));
  }

  private final Timers timers;
  private final MessageSource messages;

  MailPeriods(Timers timers, MessageSource messages) {
    this.timers = timers;
    this.messages = messages;
  }

  /** Each period by its placeholder name, written in the language. */
  Map<String, Object> in(Locale locale) {
    Map<String, Object> periods = new LinkedHashMap<>();
    periods.put(PAYMENT_LAPSE, text(timers.getPaymentLapse(), locale));
    periods.put(SELF_ASSESSMENT_IDLE, text(timers.getSelfAssessmentIdle(), locale));
    periods.put(APPEAL_WINDOW, text(timers.getAppealWindow(), locale));
    periods.put(ANNUAL_RETURN_GRACE, unit("days", days(timers.getAnnualReturnOverdue())
        - days(timers.getAnnualReturnDue()), locale));
    return periods;
  }

  /** An ISO-8601 duration in its own unit where it has one (P28D, P2M, P1Y, PT48H), else in days. */
  String text(String iso, Locale locale) {
    Duration duration = duration(iso);
    int years = duration.getYears();
    int months = duration.getMonths();
    int days = duration.getDays();
    int hours = duration.getHours();
    boolean noTime = hours == 0 && duration.getMinutes() == 0 && duration.getSeconds() == 0;
    if (noTime && years == 0 && months == 0) {
      return unit("days", days, locale);
    }
    if (noTime && days == 0 && months == 0) {
      return unit("years", years, locale);
    }
    if (noTime && days == 0) {
      return unit("months", years * 12L + months, locale);
    }
    if (years == 0 && months == 0 && days == 0 && duration.getMinutes() == 0 && duration.getSeconds() == 0) {
      return unit("hours", hours, locale);
    }
    return unit("days", days(iso), locale);
  }

  private String unit(String unit, long count, Locale locale) {
    return messages.getMessage("mail.period." + unit, new Object[] {count}, locale);
  }

  private static long days(String iso) {
    return duration(iso).getTimeInMillis((Calendar) FROM.clone()) / DAY_MILLIS;
  }

  private static Duration duration(String iso) {
    try {
      return DatatypeFactory.newInstance().newDuration(iso);
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
