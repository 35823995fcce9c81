package org.equitymark.portal;

import static org.equitymark.process.CertificationProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What has happened on a case so far, read from its variables (an applicant may read its case's
 * variables, not the engine's history): message keys {@code portal.history.*}, oldest first.
 */
final class CaseHistory {

  private CaseHistory() {
  }

  static List<String> of(Map<String, Object> v) {
    List<String> done = new ArrayList<>();
    done.add("registered");
    if (v.get(INVOICE_NUMBER.name()) != null) {
      done.add("invoiced");
    }
    if (Boolean.TRUE.equals(v.get(FEE_WAIVED.name()))) {
      done.add("feeWaived");
    } else if (Boolean.TRUE.equals(v.get(PAYMENT_RECEIVED.name()))) {
      done.add("paid");
    }
    if (v.get(SELF_ASSESSED_LEVEL.name()) != null) {
      done.add("selfAssessed");
    }
    if (text(v, SUPPORT_ADVICE.name())) {
      done.add("advice");
    }
    if (Boolean.TRUE.equals(v.get(READY_FOR_ASSESSMENT.name()))) {
      done.add("readyForAssessment");
    }
    if (v.get(LEAD_ASSESSOR.name()) != null) {
      done.add("assessorAllocated");
    }
    if (v.get(CLARIFICATION_ROUNDS.name()) instanceof Number rounds && rounds.longValue() > 0) {
      done.add("clarification");
    }
    if ("approve".equals(v.get(PANEL_DECISION.name()))) {
      done.add("decided");
    }
    if (v.get(CERTIFICATE_NUMBER.name()) != null) {
      done.add("certified");
    }
    if (v.get(APPEAL_GROUNDS.name()) != null) {
      done.add("appealLodged");
    }
    if (v.get(APPEAL_DECISION.name()) != null) {
      done.add("appealDecided");
    }
    return done;
  }

  private static boolean text(Map<String, Object> v, String name) {
    return v.get(name) instanceof String s && !s.isBlank();
  }
}
