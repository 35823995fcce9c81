package org.equitymark.engine;

import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every timer of the models, from {@code equitymark.timers.*} ({@link TimerProperties}): BPMN timers
 * say {@code ${timers.paymentReminder}}, never a literal (hence the bean getters, which the models'
 * expressions read). Values are ISO-8601 durations ({@code P60D}) or repeating cycles
 * ({@code R/P14D}, {@code R3/P7D}), checked at start-up.
 */
@Component("timers")
@EnableConfigurationProperties(TimerProperties.class)
public class Timers {

  private static final Pattern CYCLE = Pattern.compile("R\\d*/(P.+)");

  private final String paymentReminder;
  private final String paymentLapse;
  private final String selfAssessmentReminder;
  private final String selfAssessmentIdle;
  private final String clarificationReminder;
  private final String clarificationEscalation;
  private final String appealWindow;
  private final String annualReturnInterval;
  private final String annualReturnDue;
  private final String annualReturnReminder;
  private final String annualReturnOverdue;
  private final String reassessmentInvitation;
  private final String reassessmentReminders;
  private final String trainingFollowUpInterval;
  private final String trainingFollowUpWindow;
  private final String frameworkReview;
  private final String suspensionCure;
  private final String reassessmentGrace;

  public Timers(TimerProperties configured) {
    this.paymentReminder = cycle("payment-reminder", configured.paymentReminder());
    this.paymentLapse = duration("payment-lapse", configured.paymentLapse());
    this.selfAssessmentReminder = cycle("self-assessment-reminder", configured.selfAssessmentReminder());
    this.selfAssessmentIdle = duration("self-assessment-idle", configured.selfAssessmentIdle());
    this.clarificationReminder = duration("clarification-reminder", configured.clarificationReminder());
    this.clarificationEscalation = duration("clarification-escalation", configured.clarificationEscalation());
    this.appealWindow = duration("appeal-window", configured.appealWindow());
    this.annualReturnInterval = duration("annual-return-interval", configured.annualReturnInterval());
    this.annualReturnDue = duration("annual-return-due", configured.annualReturnDue());
    this.annualReturnReminder = cycle("annual-return-reminder", configured.annualReturnReminder());
    this.annualReturnOverdue = duration("annual-return-overdue", configured.annualReturnOverdue());
    this.reassessmentInvitation = duration("reassessment-invitation", configured.reassessmentInvitation());
    this.reassessmentReminders = durations("reassessment-reminders", configured.reassessmentReminders());
    this.trainingFollowUpInterval = duration("training-follow-up-interval", configured.trainingFollowUpInterval());
    this.trainingFollowUpWindow = duration("training-follow-up-window", configured.trainingFollowUpWindow());
    this.frameworkReview = cycle("framework-review", configured.frameworkReview());
    this.suspensionCure = duration("suspension-cure", configured.suspensionCure());
    this.reassessmentGrace = duration("reassessment-grace", configured.reassessmentGrace());
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

  public String getClarificationReminder() {
    return clarificationReminder;
  }

  public String getClarificationEscalation() {
    return clarificationEscalation;
  }

  public String getAppealWindow() {
    return appealWindow;
  }

  /** Time from a certificate's issue to each annual return (12 and 24 months by default). */
  public String getAnnualReturnInterval() {
    return annualReturnInterval;
  }

  /** From the opening of an annual return to its due date. */
  public String getAnnualReturnDue() {
    return annualReturnDue;
  }

  public String getAnnualReturnReminder() {
    return annualReturnReminder;
  }

  /** From the opening of an annual return to automatic suspension: 30 days due plus 60 days grace. */
  public String getAnnualReturnOverdue() {
    return annualReturnOverdue;
  }

  /** How long before expiry the organisation is invited to reassess. */
  public String getReassessmentInvitation() {
    return reassessmentInvitation;
  }

  /** Reminders to reassess, each a duration before expiry, comma-separated (P60D,P30D,P7D). */
  public String getReassessmentReminders() {
    return reassessmentReminders;
  }

  /** Between a training or experience day and each follow-up survey (a quarter). */
  public String getTrainingFollowUpInterval() {
    return trainingFollowUpInterval;
  }

  /** How long the organisation has to return a follow-up survey. */
  public String getTrainingFollowUpWindow() {
    return trainingFollowUpWindow;
  }

  /** The cycle of the scheme managers' review of the evidence framework (yearly). */
  public String getFrameworkReview() {
    return frameworkReview;
  }

  /** From a suspension to the last day of its cure: a corrective return by then, or the certificate is withdrawn. */
  public String getSuspensionCure() {
    return suspensionCure;
  }

  /**
   * How long past its end of validity a certificate stays valid while the reassessment that started
   * on time is still undecided.
   */
  public String getReassessmentGrace() {
    return reassessmentGrace;
  }

  static String durations(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("equitymark.timers." + name + " must be set");
    }
    for (String each : value.split(",")) {
      duration(name, each);
    }
    return value.replace(" ", "");
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
    if (value.trim().startsWith("-")) {
      throw new IllegalArgumentException("equitymark.timers." + name + " must not be negative, was: " + value);
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
