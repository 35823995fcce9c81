package org.equitymark.monitoring;

import java.util.Date;
import org.equitymark.process.Variable;

/**
 * The API of process {@code certificate-monitoring} (Stage 4): its key and element ids. It runs
 * with the certification case's variables and business key (called by {@code monitorCertificate}),
 * so the case's variables, declared in {@code CertificationProcess}, are its variables too; the
 * dates its timers wait for are declared here.
 */
public final class MonitoringProcess {

  public static final String KEY = "certificate-monitoring";

  private MonitoringProcess() {
  }

  /** Element ids of the model. */
  public static final class Elements {
    public static final String SCHEDULE_MONITORING = "scheduleMonitoring";
    public static final String ANNUAL_RETURN_OPENS = "annualReturnOpens";
    public static final String SUBMIT_ANNUAL_RETURN = "submitAnnualReturn";
    public static final String ANNUAL_RETURN_REMINDER_DUE = "annualReturnReminderDue";
    public static final String ANNUAL_RETURN_OVERDUE = "annualReturnOverdue";
    public static final String REVIEW_ANNUAL_RETURN = "reviewAnnualReturn";
    public static final String REVALIDATE_CERTIFICATE = "revalidateCertificate";
    public static final String SUSPEND_FOR_REJECTED_RETURN = "suspendForRejectedReturn";
    public static final String SUSPEND_FOR_MISSED_RETURN = "suspendForMissedReturn";
    public static final String ANNUAL_RETURNS_COMPLETED = "annualReturnsCompleted";
    public static final String REASSESSMENT_INVITATION_DUE = "reassessmentInvitationDue";
    public static final String START_REASSESSMENT = "startReassessment";
    public static final String REASSESSMENT_REMINDER_TIME = "reassessmentReminderTime";
    public static final String CERTIFICATE_END_DATE_REACHED = "certificateEndDateReached";
    public static final String EXPIRE_CERTIFICATE = "expireCertificate";
    public static final String CERTIFICATE_EXPIRED = "certificateExpired";
    public static final String CERTIFICATE_RENEWED = "certificateRenewed";
    public static final String CERTIFICATE_REVOKED_RECEIVED = "certificateRevokedReceived";
    public static final String REVOKE_CERTIFICATE = "revokeCertificate";
    public static final String CERTIFICATE_REVOKED = "certificateRevoked";

    private Elements() {
    }
  }

  /** When the next annual return opens; null when no more is due before the reassessment invitation. */
  public static final DateVariable ANNUAL_RETURN_OPENS_AT = new DateVariable("annualReturnOpensAt");
  /** The due date of the open annual return (the task's due date). */
  public static final DateVariable ANNUAL_RETURN_DUE_AT = new DateVariable("annualReturnDueAt");
  public static final DateVariable REASSESSMENT_INVITATION_AT = new DateVariable("reassessmentInvitationAt");
  /** The next reminder to reassess; null when none is left. */
  public static final DateVariable REASSESSMENT_REMINDER_AT = new DateVariable("reassessmentReminderAt");
  /** The first moment the certificate is no longer valid: the start of the day after its expiry date. */
  public static final DateVariable CERTIFICATE_ENDS_AT = new DateVariable("certificateEndsAt");
  /** How many reassessment reminders have been scheduled. */
  public static final Variable<Long> REASSESSMENT_REMINDERS_SCHEDULED = Variable.number("reassessmentRemindersScheduled");
  /** The annual return's figures by ethnic group as readable lines, for the reviewing assessor. */
  public static final Variable<String> ANNUAL_RETURN_FIGURES_TEXT = Variable.string("annualReturnFiguresText");
  /** Input parameter of the suspending service tasks: {@code return-missed} or {@code return-not-accepted}. */
  public static final Variable<String> SUSPENSION_CAUSE = Variable.string("suspensionCause");

  /** A date-time variable a timer waits for (a {@code java.util.Date}, which timeDate expressions accept). */
  public record DateVariable(String name) {

    public Date get(org.camunda.bpm.engine.delegate.VariableScope scope) {
      return (Date) scope.getVariable(name);
    }

    public void set(org.camunda.bpm.engine.delegate.VariableScope scope, Date value) {
      scope.setVariable(name, value);
    }
  }
}
