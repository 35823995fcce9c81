package org.equitymark.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.equitymark.framework.EvidenceFramework;

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
    /** A reassessment only: the organisation confirms or updates its registration before the fee is computed. */
    public static final String CONFIRM_REGISTRATION = "confirmRegistration";
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
    public static final String ALLOCATE_ASSESSORS = "allocateAssessors";
    public static final String ALLOCATE_ASSESSORS_MANUALLY = "allocateAssessorsManually";
    public static final String ASSESS_EVIDENCE = "assessEvidence";
    public static final String LEAD_ASSESSOR_TIED = "leadAssessorTied";
    public static final String PROVIDE_CLARIFICATION = "provideClarification";
    public static final String CLARIFICATION_REMINDER_DUE = "clarificationReminderDue";
    public static final String CLARIFICATION_ESCALATION_DUE = "clarificationEscalationDue";
    public static final String SUPPORT_CLARIFICATION = "supportClarification";
    public static final String SCORE_ASSESSMENT = "scoreAssessment";
    public static final String REVIEW_AS_PANEL_MEMBER = "reviewAsPanelMember";
    public static final String DECIDE_PANEL_REVIEW = "decidePanelReview";
    public static final String MODERATE_ASSESSMENT = "moderateAssessment";
    public static final String APPROVE_CERTIFICATION = "approveCertification";
    public static final String ISSUE_CERTIFICATE = "issueCertificate";
    public static final String SEND_CERTIFICATE = "sendCertificate";
    public static final String PREPARE_FEEDBACK_REPORT = "prepareFeedbackReport";
    public static final String DRAFT_ACTION_PLAN = "draftActionPlan";
    public static final String AGREE_ACTION_PLAN = "agreeActionPlan";
    public static final String LODGE_APPEAL = "lodgeAppeal";
    public static final String APPEAL_LODGED_BY_MESSAGE = "appealLodgedByMessage";
    public static final String APPEAL_WINDOW_CLOSED = "appealWindowClosed";
    public static final String REVIEW_APPEAL = "reviewAppeal";
    public static final String PREPARE_REASSESSMENT = "prepareReassessment";
    public static final String CERTIFICATION_DECIDED = "certificationDecided";

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
  /** Task-local on staff tasks: the documents attached to claims, as Markdown links (documents/). */
  public static final Variable<String> CLAIM_DOCUMENTS_TEXT = Variable.string("claimDocumentsText");
  public static final Variable<List<String>> SUPPORT_OFFICERS = Variable.stringList("supportOfficers");
  public static final Variable<Long> SELF_ASSESSMENT_ROUNDS = Variable.number("selfAssessmentRounds");

  // allocation
  public static final Variable<Boolean> ASSESSORS_ALLOCATED = Variable.bool("assessorsAllocated");
  public static final Variable<String> LEAD_ASSESSOR = Variable.string("leadAssessor");
  public static final Variable<List<String>> ASSESSMENT_PANEL = Variable.stringList("assessmentPanel");
  public static final Variable<Variable.JsonText> ELIGIBLE_ASSESSORS = Variable.json("eligibleAssessors");
  public static final Variable<String> ALLOCATION_NOTE = Variable.string("allocationNote");
  public static final Variable<String> ALLOCATION_MODE = Variable.string("allocationMode");
  public static final Variable<List<String>> PREVIOUS_LEAD_ASSESSORS = Variable.stringList("previousLeadAssessors");
  /** A lead assessor who declared a tie with the organisation mid-case: when it leads the case, it is re-allocated. */
  public static final Variable<String> TIED_LEAD_ASSESSOR = Variable.string("tiedLeadAssessor");
  /** The note on the case of a tie declared mid-case, shown to the scheme manager who re-allocates it. */
  public static final Variable<String> ASSESSOR_TIE_NOTE = Variable.string("assessorTieNote");

  // assessment and clarification: per area {area}ConfirmedIndicators, {area}AssessorComment, {area}Level
  public static final Variable<Boolean> CLARIFICATION_NEEDED = Variable.bool("clarificationNeeded");
  public static final Variable<String> CLARIFICATION_QUESTIONS = Variable.string("clarificationQuestions");
  /** Optional: the one indicator (of the case's version) the assessor's clarification questions are about. */
  public static final Variable<String> CLARIFICATION_INDICATOR = Variable.string("clarificationIndicator");
  /** Task-local on {@code provideClarification}: the asked-about indicator's text and guidance, in the case's language. */
  public static final Variable<String> CLARIFICATION_INDICATOR_TEXT = Variable.string("clarificationIndicatorText");
  public static final Variable<String> CLARIFICATION_RESPONSE = Variable.string("clarificationResponse");
  public static final Variable<Long> CLARIFICATION_ROUNDS = Variable.number("clarificationRounds");
  public static final Variable<Variable.JsonText> CLARIFICATION_THREAD = Variable.json("clarificationThread");
  public static final Variable<String> CLARIFICATION_THREAD_TEXT = Variable.string("clarificationThreadText");
  public static final Variable<String> SUPPORT_NOTES = Variable.string("supportNotes");
  public static final Variable<String> ACHIEVED_LEVEL = Variable.string("achievedLevel");
  public static final Variable<String> OUTCOME = Variable.string("outcome");
  // the assessment panel (Competence, Excellence): each member beside the lead reviews the assessment
  public static final Variable<Boolean> PANEL_REVIEW_REQUIRED = Variable.bool("panelReviewRequired");
  public static final Variable<String> PANEL_MEMBER = Variable.string("panelMember");
  public static final Variable<Boolean> PANEL_MEMBER_AGREES = Variable.bool("panelMemberAgrees");
  public static final Variable<String> PANEL_MEMBER_REASONS = Variable.string("panelMemberReasons");
  public static final Variable<Variable.JsonText> PANEL_REVIEWS = Variable.json("panelReviews");
  public static final Variable<String> PANEL_REVIEW_OUTCOME = Variable.string("panelReviewOutcome");
  public static final Variable<Boolean> MODERATION_REQUIRED = Variable.bool("moderationRequired");
  public static final Variable<Boolean> MODERATION_AGREED = Variable.bool("moderationAgreed");
  public static final Variable<String> MODERATED_LEVEL = Variable.string("moderatedLevel");
  public static final Variable<String> MODERATION_COMMENTS = Variable.string("moderationComments");
  public static final Variable<String> MODERATOR = Variable.string("moderator");
  public static final Variable<String> PANEL_DECISION = Variable.string("panelDecision");
  public static final Variable<String> PANEL_COMMENTS = Variable.string("panelComments");
  public static final Variable<List<String>> CASE_PARTICIPANTS = Variable.stringList("caseParticipants");

  // certificate, action plan, appeal
  public static final Variable<String> CERTIFICATE_NUMBER = Variable.string("certificateNumber");
  public static final Variable<String> CERTIFICATE_EXPIRES_ON = Variable.string("certificateExpiresOn");
  /**
   * For a case certified below its target: the level reached per area and where the assessor's
   * findings are, in the case's language, for the certificate's mail; empty otherwise.
   */
  public static final Variable<String> BELOW_TARGET_FINDINGS = Variable.string("belowTargetFindings");
  public static final Variable<Variable.JsonText> ACTION_PLAN = Variable.json("actionPlan");
  public static final Variable<String> APPEAL_GROUNDS = Variable.string("appealGrounds");
  public static final Variable<String> APPEAL_DECISION = Variable.string("appealDecision");
  public static final Variable<String> APPEAL_DECISION_REASONS = Variable.string("appealDecisionReasons");
  public static final Variable<Long> APPEAL_ROUNDS = Variable.number("appealRounds");

  /** The message that lodges an appeal, with {@code appealGrounds}. */
  public static final String APPEAL_LODGED_MESSAGE = "AppealLodged";

  /**
   * Which notification a {@code sendNotification} service task sends: its extension property (an
   * input parameter of that name in models deployed before 23 November 2026).
   */
  public static final Variable<String> NOTIFICATION = Variable.string("notification");

  public static Variable<List<String>> indicators(String area) {
    return Variable.stringList(area + "Indicators");
  }

  /**
   * Task-local, set where a task that lists indicators is created: the area's indicators of the
   * case's framework version as checklist options ({@code [{value, label}]}) in the case's language.
   */
  public static Variable<Variable.JsonText> indicatorOptions(String area) {
    return Variable.json(area + "IndicatorOptions");
  }

  /** Task-local: every indicator of the case's version as select options ({@code [{value, label}]}). */
  public static final Variable<Variable.JsonText> INDICATOR_OPTIONS = Variable.json("indicatorOptions");

  /** Task-local: per area, each indicator of the case's version with its guidance and examples of evidence, as text. */
  public static final Variable<Variable.JsonText> INDICATOR_GUIDE = Variable.json("indicatorGuide");

  /** Task-local: per area, each indicator of the case's version marked claimed or not, as text. */
  public static final Variable<Variable.JsonText> CLAIM_SUMMARY = Variable.json("claimSummary");

  /**
   * The area's claims, each a claimed indicator with the applicant's statement and optional links
   * ({@code [{indicator, statement, links}]}, Spin JSON): evidence tied to the indicator it supports.
   */
  public static Variable<Variable.JsonText> claims(String area) {
    return Variable.json(area + "Claims");
  }

  /** Task-local: per area, each claim with its indicator's text and the applicant's statement and links, as text. */
  public static final Variable<Variable.JsonText> CLAIM_STATEMENTS = Variable.json("claimStatements");

  public static Variable<String> evidence(String area) {
    return Variable.string(area + "Evidence");
  }

  public static Variable<String> selfLevel(String area) {
    return Variable.string(area + "SelfLevel");
  }

  public static Variable<List<String>> confirmedIndicators(String area) {
    return Variable.stringList(area + "ConfirmedIndicators");
  }

  public static Variable<String> assessorComment(String area) {
    return Variable.string(area + "AssessorComment");
  }

  public static Variable<String> level(String area) {
    return Variable.string(area + "Level");
  }

  /** The claimed indicators of every area, in framework order. */
  public static Map<String, List<String>> claimedByArea(VariableScope scope) {
    return perArea(scope, CertificationProcess::indicators);
  }

  /** The indicators the assessment confirmed in every area, in framework order. */
  public static Map<String, List<String>> confirmedByArea(VariableScope scope) {
    return perArea(scope, CertificationProcess::confirmedIndicators);
  }

  private static Map<String, List<String>> perArea(VariableScope scope,
      Function<String, Variable<List<String>>> variable) {
    Map<String, List<String>> byArea = new LinkedHashMap<>();
    for (String area : EvidenceFramework.AREA_IDS) {
      byArea.put(area, variable.apply(area).get(scope, List.of()));
    }
    return byArea;
  }

  /** The Camunda group whose members act for an organisation. */
  public static String organisationGroup(String organisationId) {
    return "org-" + organisationId;
  }

  // Stage 4: monitoring (process certificate-monitoring, called by monitorCertificate with the case variables of
  // MonitoringProcess.INPUTS only). The monitoring instance writes the variables below itself, except the
  // previous certificate and level, which startReassessment gives the reassessment case.
  /** The call activity that monitors a certified organisation until its certificate ends. */
  public static final String MONITOR_CERTIFICATE = "monitorCertificate";
  public static final Variable<String> PREVIOUS_CERTIFICATE_NUMBER = Variable.string("previousCertificateNumber");
  public static final Variable<String> PREVIOUS_LEVEL = Variable.string("previousLevel");
  public static final Variable<Long> ANNUAL_RETURN_YEAR = Variable.number("annualReturnYear");
  public static final Variable<String> ANNUAL_RETURN_DUE_ON = Variable.string("annualReturnDueOn");
  public static final Variable<String> ACTION_PLAN_PROGRESS = Variable.string("actionPlanProgress");
  public static final Variable<Variable.JsonText> OUTCOMES_BY_ETHNIC_GROUP = Variable.json("outcomesByEthnicGroup");
  public static final Variable<Variable.JsonText> SATISFACTION_BY_ETHNIC_GROUP = Variable.json("satisfactionByEthnicGroup");
  public static final Variable<Long> DISCRIMINATION_COMPLAINTS_RECEIVED = Variable.number("discriminationComplaintsReceived");
  public static final Variable<Long> DISCRIMINATION_COMPLAINTS_RESOLVED = Variable.number("discriminationComplaintsResolved");
  public static final Variable<Boolean> REVALIDATED = Variable.bool("revalidated");
  public static final Variable<String> REVIEW_COMMENTS = Variable.string("reviewComments");
  public static final Variable<String> SUSPENSION_REASON = Variable.string("suspensionReason");
  /** The last day of a suspension's cure period (ISO date, for the mails and the corrective-return form). */
  public static final Variable<String> CORRECTION_DUE_ON = Variable.string("correctionDueOn");
  /** The corrective return: what the organisation has put right since its certificate was suspended. */
  public static final Variable<String> CORRECTIVE_ACTIONS = Variable.string("correctiveActions");
  public static final Variable<Boolean> CORRECTION_ACCEPTED = Variable.bool("correctionAccepted");
  public static final Variable<String> CORRECTION_REVIEW_COMMENTS = Variable.string("correctionReviewComments");
  /** Why a suspended certificate was withdrawn (revoked): public, like every state's reason. */
  public static final Variable<String> WITHDRAWAL_REASON = Variable.string("withdrawalReason");
  public static final Variable<String> REVOCATION_REASON = Variable.string("revocationReason");
  public static final Variable<String> REASSESSMENT_REFERENCE = Variable.string("reassessmentReference");
  public static final Variable<String> RENEWED_BY = Variable.string("renewedBy");
  public static final Variable<String> OVERDUE_ACTION_PLAN_ITEMS = Variable.string("overdueActionPlanItems");
  public static final Variable<String> OPEN_FEEDBACK = Variable.string("openFeedback");

  /** The message that revokes a certificate at any time, with {@code revocationReason}. */
  public static final String CERTIFICATE_REVOKED_MESSAGE = "CertificateRevoked";
}
