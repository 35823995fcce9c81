package org.equitymark.portal;

import static org.equitymark.process.CertificationProcess.Elements.*;

import java.util.Collection;
import java.util.List;
import org.equitymark.monitoring.MonitoringProcess;
import org.equitymark.process.CertificationProcess;

/**
 * Where a case stands, for the applicant: the stage (1 to 4), who acts now and what happens next.
 * Read from the activities the case waits in; the texts are message keys {@code portal.step.{id}.*}.
 */
enum CaseStep {
  REGISTRATION_CONFIRMATION(1, "registrationConfirmation", "you", CONFIRM_REGISTRATION),
  CONFIRM_PAYMENT_STEP(1, "payment", "finance", CONFIRM_PAYMENT),
  SELF_ASSESSMENT(2, "selfAssessment", "you", COMPLETE_SELF_ASSESSMENT),
  SELF_ASSESSMENT_REVIEW(2, "selfAssessmentReview", "supportOfficer", REVIEW_SELF_ASSESSMENT),
  CLARIFICATION(3, "clarification", "you", PROVIDE_CLARIFICATION),
  ALLOCATION(3, "allocation", "scheme", ALLOCATE_ASSESSORS, ALLOCATE_ASSESSORS_MANUALLY),
  ASSESSMENT(3, "assessment", "assessor", ASSESS_EVIDENCE, SCORE_ASSESSMENT),
  MODERATION(3, "moderation", "moderator", MODERATE_ASSESSMENT),
  APPROVAL(3, "approval", "panel", APPROVE_CERTIFICATION),
  APPEAL_REVIEW(3, "appealReview", "appealsPanel", REVIEW_APPEAL),
  DECISION(3, "decision", "you", AGREE_ACTION_PLAN, LODGE_APPEAL),
  MONITORING(4, "monitoring", "you", CertificationProcess.MONITOR_CERTIFICATE,
      MonitoringProcess.Elements.SUBMIT_ANNUAL_RETURN, MonitoringProcess.Elements.SUBMIT_CORRECTIVE_RETURN),
  PROCESSING(0, "processing", "scheme");

  final int stage;
  final String id;
  final String whoActs;
  private final List<String> activities;

  CaseStep(int stage, String id, String whoActs, String... activities) {
    this.stage = stage;
    this.id = id;
    this.whoActs = whoActs;
    this.activities = List.of(activities);
  }

  /** The step of the first of these steps whose activity the case waits in; processing otherwise. */
  static CaseStep of(Collection<String> activeActivityIds) {
    for (CaseStep step : values()) {
      if (step.activities.stream().anyMatch(activeActivityIds::contains)) {
        return step;
      }
    }
    return PROCESSING;
  }

  public int stage() {
    return stage;
  }

  public String id() {
    return id;
  }

  public String whoActs() {
    return whoActs;
  }
}
