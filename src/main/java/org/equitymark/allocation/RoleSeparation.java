package org.equitymark.allocation;

import static org.equitymark.process.CertificationProcess.CASE_PARTICIPANTS;
import static org.equitymark.process.CertificationProcess.LEAD_ASSESSOR;
import static org.equitymark.process.CertificationProcess.MODERATOR;
import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;
import static org.equitymark.process.CertificationProcess.PREVIOUS_LEAD_ASSESSORS;
import static org.equitymark.process.CertificationProcess.SUPPORT_OFFICERS;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.equitymark.submission.Problems;

/**
 * Impartiality on a case (DOMAIN.md §1, ISO/IEC 17021-1's self-review threat): who advised a case
 * never assesses, moderates, approves or decides its appeal; the lead assessor never moderates or
 * approves its own assessment; the appeals panel never includes anyone who touched the case; and
 * nobody decides anything on the case of an organisation it declared a tie with.
 */
public final class RoleSeparation {

  static final String USER = "user";

  private RoleSeparation() {
  }

  public static void notSupportOfficer(VariableScope scope, String userId, String decision, Problems problems) {
    if (SUPPORT_OFFICERS.get(scope, List.of()).contains(userId)) {
      problems.add(USER, userId + " advised this case as support officer and may not " + decision + " it");
    }
  }

  public static void notLeadAssessor(VariableScope scope, String userId, String decision, Problems problems) {
    if (userId.equals(LEAD_ASSESSOR.get(scope)) || PREVIOUS_LEAD_ASSESSORS.get(scope, List.of()).contains(userId)) {
      problems.add(USER, userId + " assessed this case and may not " + decision + " it");
    }
  }

  public static void notModerator(VariableScope scope, String userId, String decision, Problems problems) {
    if (userId.equals(MODERATOR.get(scope))) {
      problems.add(USER, userId + " moderated this case and may not " + decision + " it");
    }
  }

  public static void neverTouchedTheCase(VariableScope scope, String userId, Problems problems) {
    if (CASE_PARTICIPANTS.get(scope, List.of()).contains(userId) || userId.equals(LEAD_ASSESSOR.get(scope))
        || PREVIOUS_LEAD_ASSESSORS.get(scope, List.of()).contains(userId)) {
      problems.add(USER, userId + " took part in this case and may not decide its appeal");
    }
  }

  /** Nobody with a declared tie (employment, trusteeship, …) with the case's organisation decides on it. */
  public static void notTied(AssessorPool pool, VariableScope scope, String userId, String decision, Problems problems) {
    String organisationId = ORGANISATION_ID.get(scope);
    pool.tieWith(userId, organisationId).ifPresent(tie -> problems.add(USER, userId + " declared a " + tie
        + " tie with organisation " + organisationId + " and may not " + decision + " its case"));
  }
}
