package org.equitymark.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The timers of the models as configured, {@code equitymark.timers.*} (defaults in application.yaml),
 * unchecked; {@link Timers} checks them at start-up and gives them to the models.
 */
@ConfigurationProperties("equitymark.timers")
public record TimerProperties(
    String paymentReminder,
    String paymentLapse,
    String selfAssessmentReminder,
    String selfAssessmentIdle,
    String clarificationReminder,
    String clarificationEscalation,
    String appealWindow,
    String annualReturnInterval,
    String annualReturnDue,
    String annualReturnReminder,
    String annualReturnOverdue,
    String reassessmentInvitation,
    String reassessmentReminders,
    String trainingFollowUpInterval,
    String trainingFollowUpWindow,
    String frameworkReview,
    String suspensionCure,
    String reassessmentGrace) {
}
