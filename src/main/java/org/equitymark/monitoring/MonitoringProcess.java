package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.ACHIEVED_LEVEL;
import static org.equitymark.process.CertificationProcess.ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.APPLICATION_REFERENCE;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_EXPIRES_ON;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.CONTACT_EMAIL;
import static org.equitymark.process.CertificationProcess.CONTACT_NAME;
import static org.equitymark.process.CertificationProcess.CONTACT_PHONE;
import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;
import static org.equitymark.process.CertificationProcess.ORGANISATION_NAME;
import static org.equitymark.process.CertificationProcess.ORGANISATION_TYPE;
import static org.equitymark.process.CertificationProcess.PREFERRED_LANGUAGE;
import static org.equitymark.process.CertificationProcess.STAFF_COUNT;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;
import static org.equitymark.process.CertificationProcess.WORKPLACE_AREA;

import java.util.Date;
import java.util.List;
import org.equitymark.process.Variable;

/**
 * The API of process {@code certificate-monitoring} (Stage 4): its key, element ids and variables.
 * It runs with the certification case's business key (called by {@code monitorCertificate}) and
 * with the case variables in {@link #INPUTS}, declared in {@code CertificationProcess}; everything
 * else it holds, it writes itself: the dates its timers wait for, declared here, and the annual
 * returns, reviews, suspension, revocation and renewal of the Stage 4 block of
 * {@code CertificationProcess}.
 */
public final class MonitoringProcess {

  public static final String KEY = "certificate-monitoring";

  private MonitoringProcess() {
  }

  /**
   * The case variables {@code monitorCertificate} passes in, one {@code camunda:in} each, in this
   * order, and no other: the instance lives for the certificate's three years, so every further
   * variable is rows written and kept that long (runtime, history and, for JSON, byte arrays), and
   * a copy that can drift from the case's own value. The self-assessment, the evidence, the
   * findings, the gap analysis and the clarification thread stay in the case. Who reads each is
   * noted beside it; {@code startReassessment} also carries the registration data among them
   * (organisation, workplace area, type, staff count, contact, target level, language) into the
   * new case.
   */
  public static final List<Variable<?>> INPUTS = List.of(
      APPLICATION_REFERENCE,  // the annual-return record (AnnualReturns); "Reference" on Tasklist's task cards
      ORGANISATION_ID,        // candidate group org-${organisationId} of submitAnnualReturn; the annual-return record
      ORGANISATION_NAME,      // the mails, both annual-return forms, the task cards
      WORKPLACE_AREA,         // both annual-return forms, the task cards (null: the whole organisation is certified)
      TARGET_LEVEL,           // the task cards
      ORGANISATION_TYPE,      // the reassessment's fee band (DMN fee-band)
      STAFF_COUNT,            // the reassessment's fee band
      CONTACT_NAME,           // the mails' salutation
      CONTACT_EMAIL,          // the mails' recipient
      CONTACT_PHONE,          // the reassessment only
      PREFERRED_LANGUAGE,     // the mails' language
      CERTIFICATE_NUMBER,     // the certificate record every step changes; the mails, both forms, public feedback
      CERTIFICATE_EXPIRES_ON, // the mails on revalidation, reassessment and expiry; the annual-return form
      ACHIEVED_LEVEL,         // the certified level (after moderation, the moderated one), shown to the reviewer
      ACTION_PLAN);           // the agreed plan: flagOverdueActions lists its items past their target date

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
    public static final String SUBMIT_CORRECTIVE_RETURN = "submitCorrectiveReturn";
    public static final String CORRECTIVE_RETURN_OVERDUE = "correctiveReturnOverdue";
    public static final String REVIEW_CORRECTIVE_RETURN = "reviewCorrectiveReturn";
    public static final String REINSTATE_CERTIFICATE = "reinstateCertificate";
    public static final String WITHDRAW_FOR_MISSED_CORRECTION = "withdrawForMissedCorrection";
    public static final String WITHDRAW_FOR_REJECTED_CORRECTION = "withdrawForRejectedCorrection";
    public static final String CERTIFICATE_WITHDRAWN = "certificateWithdrawn";
    public static final String REASSESSMENT_INVITATION_DUE = "reassessmentInvitationDue";
    public static final String START_REASSESSMENT = "startReassessment";
    public static final String REASSESSMENT_REMINDER_TIME = "reassessmentReminderTime";
    public static final String CERTIFICATE_END_DATE_REACHED = "certificateEndDateReached";
    public static final String EXPIRE_CERTIFICATE = "expireCertificate";
    public static final String CERTIFICATE_EXPIRED = "certificateExpired";
    public static final String CERTIFICATE_RENEWED = "certificateRenewed";
    public static final String AWAIT_REASSESSMENT_DECISION = "awaitReassessmentDecision";
    public static final String REASSESSMENT_DECIDED = "reassessmentDecided";
    public static final String REASSESSMENT_GRACE_OVER = "reassessmentGraceOver";
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
  /**
   * The annual-return form's grid, a row per ethnic group ({@code group}, {@code served}, {@code improved},
   * {@code surveyed}, {@code satisfied}): submitted only, turned into {@code outcomesByEthnicGroup} and
   * {@code satisfactionByEthnicGroup} on acceptance and never kept (EthnicGroupGrid).
   */
  public static final Variable<Variable.JsonText> ETHNIC_GROUP_FIGURES = Variable.json("ethnicGroupFigures");
  /** The annual return's figures by ethnic group as readable lines, for the reviewing assessor. */
  public static final Variable<String> ANNUAL_RETURN_FIGURES_TEXT = Variable.string("annualReturnFiguresText");
  /** The end of a suspension's cure period: without an accepted corrective return by then, the certificate is withdrawn. */
  public static final DateVariable CORRECTION_DUE_AT = new DateVariable("correctionDueAt");
  /**
   * Set when the certificate reached its end of validity with its reassessment undecided: it stays
   * valid until the reassessment is decided or until this moment, whichever comes first; null otherwise.
   */
  public static final DateVariable REASSESSMENT_GRACE_ENDS_AT = new DateVariable("reassessmentGraceEndsAt");
  /** Set by the reassessment case when it is decided (certified or not): written by {@link ReportReassessmentDecisionListener}. */
  public static final Variable<Boolean> REASSESSMENT_WAS_DECIDED = Variable.bool("reassessmentWasDecided");
  /** The message the reassessment case sends when it is decided, to end the grace of the certificate it renews. */
  public static final String REASSESSMENT_DECIDED_MESSAGE = "ReassessmentDecided";
  /** Input parameter of the withdrawing service tasks: {@code correction-missed} or {@code correction-not-accepted}. */
  public static final Variable<String> WITHDRAWAL_CAUSE = Variable.string("withdrawalCause");
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
