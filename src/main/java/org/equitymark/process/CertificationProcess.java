package org.equitymark.process;

import java.util.List;

/**
 * The API of process {@code certification}: its key, element ids, and variables. These names are
 * the contract of DOMAIN.md; Java code refers to them only through this class.
 */
public final class CertificationProcess {

  public static final String KEY = "certification";

  private CertificationProcess() {
  }

  /** Element ids of the model. */
  public static final class Elements {
    public static final String REGISTRATION_RECEIVED = "registrationReceived";
    public static final String CALCULATE_FEE = "calculateFee";
    public static final String SEND_INVOICE = "sendInvoice";
    public static final String CONFIRM_PAYMENT = "confirmPayment";
    public static final String PAYMENT_REMINDER_DUE = "paymentReminderDue";
    public static final String PAYMENT_OVERDUE = "paymentOverdue";
    public static final String APPLICATION_LAPSED = "applicationLapsed";
    public static final String SEND_SELF_ASSESSMENT_INVITATION = "sendSelfAssessmentInvitation";
    public static final String COMPLETE_SELF_ASSESSMENT = "completeSelfAssessment";
    public static final String SELF_ASSESSMENT_REMINDER_DUE = "selfAssessmentReminderDue";
    public static final String SELF_ASSESSMENT_IDLE = "selfAssessmentIdle";
    public static final String APPLICATION_WITHDRAWN = "applicationWithdrawn";
    public static final String SCORE_SELF_ASSESSMENT = "scoreSelfAssessment";
    public static final String REVIEW_SELF_ASSESSMENT = "reviewSelfAssessment";
    public static final String SEND_SUPPORT_ADVICE = "sendSupportAdvice";
    public static final String AWAIT_ASSESSMENT = "awaitAssessment";

    private Elements() {
    }
  }

  // registration (start form)
  public static final Variable<String> ORGANISATION_NAME = Variable.string("organisationName");
  public static final Variable<String> WORKPLACE_AREA = Variable.string("workplaceArea");
  public static final Variable<String> ORGANISATION_TYPE = Variable.string("organisationType");
  public static final Variable<Long> STAFF_COUNT = Variable.number("staffCount");
  public static final Variable<String> CONTACT_NAME = Variable.string("contactName");
  public static final Variable<String> CONTACT_EMAIL = Variable.string("contactEmail");
  public static final Variable<String> CONTACT_PHONE = Variable.string("contactPhone");
  public static final Variable<String> TARGET_LEVEL = Variable.string("targetLevel");
  public static final Variable<String> PREFERRED_LANGUAGE = Variable.string("preferredLanguage");
  public static final Variable<String> ORGANISATION_ID = Variable.string("organisationId");

  // set by the app on registration
  public static final Variable<String> APPLICATION_REFERENCE = Variable.string("applicationReference");
  public static final Variable<String> FRAMEWORK_VERSION = Variable.string("frameworkVersion");
  public static final Variable<String> REGISTERED_BY = Variable.string("registeredBy");
  public static final Variable<Boolean> REASSESSMENT = Variable.bool("reassessment");

  // payment
  public static final Variable<Long> FEE = Variable.number("fee");
  public static final Variable<String> FEE_BAND = Variable.string("feeBand");
  public static final Variable<String> INVOICE_NUMBER = Variable.string("invoiceNumber");
  public static final Variable<Boolean> PAYMENT_RECEIVED = Variable.bool("paymentReceived");
  public static final Variable<Boolean> FEE_WAIVED = Variable.bool("feeWaived");
  public static final Variable<String> PAYMENT_REFERENCE = Variable.string("paymentReference");
  public static final Variable<String> PAYMENT_CONFIRMED_BY = Variable.string("paymentConfirmedBy");

  // self-assessment: per area {area}Indicators, {area}Evidence, {area}SelfLevel
  public static final Variable<String> SELF_ASSESSED_LEVEL = Variable.string("selfAssessedLevel");
  public static final Variable<Variable.JsonText> GAP_ANALYSIS = Variable.json("gapAnalysis");
  public static final Variable<String> GAP_ANALYSIS_TEXT = Variable.string("gapAnalysisText");
  public static final Variable<Boolean> READY_FOR_ASSESSMENT = Variable.bool("readyForAssessment");
  public static final Variable<String> SUPPORT_ADVICE = Variable.string("supportAdvice");
  public static final Variable<List<String>> SUPPORT_OFFICERS = Variable.stringList("supportOfficers");
  public static final Variable<Long> SELF_ASSESSMENT_ROUNDS = Variable.number("selfAssessmentRounds");

  /** Input parameter of the notification service tasks: which notification to send. */
  public static final Variable<String> NOTIFICATION = Variable.string("notification");

  public static Variable<List<String>> indicators(String area) {
    return Variable.stringList(area + "Indicators");
  }

  public static Variable<String> evidence(String area) {
    return Variable.string(area + "Evidence");
  }

  public static Variable<String> selfLevel(String area) {
    return Variable.string(area + "SelfLevel");
  }

  /** The Camunda group whose members act for an organisation. */
  public static String organisationGroup(String organisationId) {
    return "org-" + organisationId;
  }
}
