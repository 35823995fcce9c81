package org.equitymark.access;

import java.util.List;
import java.util.stream.Stream;

/** The Camunda groups of the scheme's roles (DOMAIN.md §1). */
public final class Groups {

  public static final String APPLICANTS = "applicants";
  public static final String FINANCE = "finance";
  public static final String SUPPORT_OFFICERS = "support-officers";
  public static final String ASSESSORS = "assessors";
  public static final String MODERATORS = "moderators";
  public static final String CERTIFICATION_PANEL = "certification-panel";
  public static final String APPEALS_PANEL = "appeals-panel";
  public static final String SCHEME_MANAGERS = "scheme-managers";
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** Staff who work tasks in Tasklist. */
  public static final List<String> TASK_WORKERS =
      List.of(FINANCE, SUPPORT_OFFICERS, ASSESSORS, MODERATORS, CERTIFICATION_PANEL, APPEALS_PANEL);

  /**
   * Every staff role: a staff group is the candidate group of a share of all open tasks (finance: every
   * payment to confirm), where an applicant's organisation group has its own case's few.
   */
  public static final List<String> STAFF = Stream.concat(TASK_WORKERS.stream(), Stream.of(SCHEME_MANAGERS, CAMUNDA_ADMIN))
      .toList();

  private Groups() {
  }

  /** Every role group with its display name. */
  public static List<List<String>> all() {
    return List.of(
        List.of(APPLICANTS, "Applicants (provider contacts)"),
        List.of(FINANCE, "Finance officers"),
        List.of(SUPPORT_OFFICERS, "Support officers"),
        List.of(ASSESSORS, "Assessors"),
        List.of(MODERATORS, "Moderators"),
        List.of(CERTIFICATION_PANEL, "Certification panel"),
        List.of(APPEALS_PANEL, "Appeals panel"),
        List.of(SCHEME_MANAGERS, "Scheme managers"));
  }
}
