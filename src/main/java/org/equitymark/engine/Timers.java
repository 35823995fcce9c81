package org.equitymark.engine;

import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every timer of the models, read from {@code equitymark.timers.*}: BPMN timers say
 * {@code ${timers.paymentReminder}}, never a literal. Values are ISO-8601 durations
 * ({@code P60D}) or repeating cycles ({@code R/P14D}, {@code R3/P7D}), checked at start-up.
 */
@Component("timers")
public class Timers {

  private static final Pattern CYCLE = Pattern.compile("R\\d*/(P.+)");

  private final String paymentReminder;
  private final String paymentLapse;
  private final String selfAssessmentReminder;
  private final String selfAssessmentIdle;

  public Timers(
      @Value("${equitymark.timers.payment-reminder}") String paymentReminder,
      @Value("${equitymark.timers.payment-lapse}") String paymentLapse,
      @Value("${equitymark.timers.self-assessment-reminder}") String selfAssessmentReminder,
      @Value("${equitymark.timers.self-assessment-idle}") String selfAssessmentIdle) {
    this.paymentReminder = cycle("payment-reminder", paymentReminder);
    this.paymentLapse = duration("payment-lapse", paymentLapse);
    this.selfAssessmentReminder = cycle("self-assessment-reminder", selfAssessmentReminder);
    this.selfAssessmentIdle = duration("self-assessment-idle", selfAssessmentIdle);
  }

  public String getPaymentReminder() {
    return paymentReminder;
  }

  public String getPaymentLapse() {
    return paymentLapse;
  }

  public String getSelfAssessmentReminder() {
    return selfAssessmentReminder;
  }

  public String getSelfAssessmentIdle() {
    return selfAssessmentIdle;
  }

  /** The configured values by property name, for the README and diagnostics. */
  public Map<String, String> asMap() {
    return Map.of("payment-reminder", paymentReminder, "payment-lapse", paymentLapse,
        "self-assessment-reminder", selfAssessmentReminder, "self-assessment-idle", selfAssessmentIdle);
  }

  static String cycle(String name, String value) {
    var matcher = value == null ? null : CYCLE.matcher(value.trim());
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException(
          "equitymark.timers." + name + " must be a repeating ISO-8601 cycle such as R/P14D, was: " + value);
    }
    duration(name, matcher.group(1));
    return value.trim();
  }

  static String duration(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("equitymark.timers." + name + " must be set");
    }
    try {
      DatatypeFactory.newInstance().newDuration(value.trim());
    } catch (IllegalArgumentException | DatatypeConfigurationException e) {
      throw new IllegalArgumentException(
          "equitymark.timers." + name + " must be an ISO-8601 duration such as P60D, was: " + value, e);
    }
    return value.trim();
  }
}
