package org.equitymark.actionplan;

/**
 * One action of a Cultural Competence Action Plan (seed 003): what to do, at which level, its
 * priority (1, 2 or 3), who is responsible and by when. Drafted items name the indicator they
 * work towards; the applicant may add its own ideas without one.
 */
public record ActionPlanItem(String indicatorId, String area, String level, String action,
    String priority, String personResponsible, String targetDate) {
}
