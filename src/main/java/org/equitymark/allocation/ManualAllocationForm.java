package org.equitymark.allocation;

import static org.equitymark.process.CertificationProcess.ALLOCATION_MODE;
import static org.equitymark.process.CertificationProcess.ALLOCATION_NOTE;
import static org.equitymark.process.CertificationProcess.ASSESSMENT_PANEL;
import static org.equitymark.process.CertificationProcess.LEAD_ASSESSOR;
import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.framework.Level;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.springframework.stereotype.Component;

/**
 * {@code allocateAssessorsManually}: a scheme manager picks from eligible assessors only. A panel
 * that does not meet the panel commitment needs a recorded reason.
 */
@Component
class ManualAllocationForm implements SubmissionForm {

  private final AssessorPool pool;

  ManualAllocationForm(AssessorPool pool) {
    this.pool = pool;
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.ALLOCATE_ASSESSORS_MANUALLY;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(LEAD_ASSESSOR.name(), Checks.text(1, 64)),
        optional(ASSESSMENT_PANEL.name(), Checks.jsonListOf(id -> id.length() <= 64, "assessor user ids")),
        optional(ALLOCATION_NOTE.name(), Checks.paragraphs(2000)));
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    ALLOCATION_MODE.set(execution, "manual by " + userId);
  }

  /** Eligibility of the chosen assessors, against the pool and the case. */
  @Override
  public void checkCase(DelegateExecution execution, Problems problems) {
    Set<String> excluded = AllocateAssessorsDelegate.excluded(execution);
    List<Assessor> eligible = AllocationRules.eligible(pool.activeAssessors(), ORGANISATION_ID.get(execution), excluded);
    Set<String> eligibleIds = eligible.stream().map(Assessor::userId).collect(java.util.stream.Collectors.toSet());
    String lead = LEAD_ASSESSOR.get(execution);
    if (!eligibleIds.contains(lead)) {
      problems.add(LEAD_ASSESSOR.name(), lead + " is not an eligible assessor for this case "
          + "(not in the pool, inactive, a declared tie with the organisation, or advised the case)");
    }
    Level target = Level.fromId(TARGET_LEVEL.get(execution)).orElseThrow();
    if (!AllocationRules.needsPanel(target)) {
      return;
    }
    List<String> panel = ASSESSMENT_PANEL.get(execution, List.of());
    if (panel.size() != AllocationRules.PANEL_SIZE || !panel.contains(lead)) {
      problems.add(ASSESSMENT_PANEL.name(), "must name three assessors, the lead assessor among them");
      return;
    }
    List<String> notEligible = panel.stream().filter(id -> !eligibleIds.contains(id)).toList();
    if (!notEligible.isEmpty()) {
      problems.add(ASSESSMENT_PANEL.name(), "includes assessors who are not eligible: " + String.join(", ", notEligible));
      return;
    }
    List<Assessor> members = eligible.stream().filter(a -> panel.contains(a.userId())).toList();
    String note = ALLOCATION_NOTE.get(execution);
    if (!AllocationRules.meetsPanelCommitment(members) && (note == null || note.isBlank())) {
      problems.add(ALLOCATION_NOTE.name(), "is required: this panel does not meet the commitment of at least "
          + "50% women and 20% from minoritised communities; say why it is the right panel");
    }
  }
}
