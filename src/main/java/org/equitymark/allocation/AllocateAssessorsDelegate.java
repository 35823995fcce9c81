package org.equitymark.allocation;

import static org.equitymark.process.CertificationProcess.ALLOCATION_MODE;
import static org.equitymark.process.CertificationProcess.ASSESSMENT_PANEL;
import static org.equitymark.process.CertificationProcess.ASSESSORS_ALLOCATED;
import static org.equitymark.process.CertificationProcess.ELIGIBLE_ASSESSORS;
import static org.equitymark.process.CertificationProcess.LEAD_ASSESSOR;
import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;
import static org.equitymark.process.CertificationProcess.PREVIOUS_LEAD_ASSESSORS;
import static org.equitymark.process.CertificationProcess.SUPPORT_OFFICERS;
import static org.equitymark.process.CertificationProcess.TARGET_LEVEL;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.framework.Level;
import org.equitymark.process.Variable;
import org.springframework.stereotype.Component;

/**
 * {@code allocateAssessors}: the lead assessor (and for Competence/Excellence the panel) by
 * {@link AllocationRules}. When no allocation satisfies the rules, {@code assessorsAllocated} is
 * false and the eligible assessors are offered to a scheme manager.
 */
@Component("allocateAssessors")
public class AllocateAssessorsDelegate implements JavaDelegate {

  private final AssessorPool pool;
  private final ObjectMapper objectMapper;

  public AllocateAssessorsDelegate(AssessorPool pool, ObjectMapper objectMapper) {
    this.pool = pool;
    this.objectMapper = objectMapper;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    List<Assessor> assessors = pool.activeAssessors();
    String organisationId = ORGANISATION_ID.get(execution);
    Set<String> excluded = excluded(execution);
    Level target = Level.fromId(TARGET_LEVEL.get(execution)).orElseThrow();

    Optional<AllocationRules.Allocation> allocation =
        AllocationRules.allocate(assessors, organisationId, target, excluded);
    ASSESSORS_ALLOCATED.set(execution, allocation.isPresent());
    if (allocation.isPresent()) {
      LEAD_ASSESSOR.set(execution, allocation.get().lead().userId());
      ASSESSMENT_PANEL.set(execution, allocation.get().panel().stream().map(Assessor::userId).toList());
      ALLOCATION_MODE.set(execution, "automatic");
    } else {
      offerToSchemeManager(execution, assessors, "manual");
    }
  }

  /** Leaves the choice to a scheme manager ({@code allocateAssessorsManually}): the eligible assessors as options. */
  void offerToSchemeManager(DelegateExecution execution, List<Assessor> assessors, String mode) throws Exception {
    execution.removeVariable(LEAD_ASSESSOR.name());
    List<Map<String, String>> options = AllocationRules.eligible(assessors, ORGANISATION_ID.get(execution), excluded(execution))
        .stream()
        .map(a -> Map.of("value", a.userId(), "label", describe(a)))
        .toList();
    ELIGIBLE_ASSESSORS.set(execution, new Variable.JsonText(objectMapper.writeValueAsString(options)));
    ALLOCATION_MODE.set(execution, mode);
  }

  /** Who may not assess this case: its support officers and replaced lead assessors. */
  static Set<String> excluded(DelegateExecution execution) {
    Set<String> excluded = new HashSet<>(SUPPORT_OFFICERS.get(execution, List.of()));
    excluded.addAll(PREVIOUS_LEAD_ASSESSORS.get(execution, List.of()));
    return excluded;
  }

  private static String describe(Assessor assessor) {
    return assessor.displayName() + " (" + assessor.userId() + "), leads " + assessor.load() + " case"
        + (assessor.load() == 1 ? "" : "s") + "; declared: " + assessor.gender().id()
        + (assessor.minoritised() == Assessor.Minoritised.YES ? ", minoritised community" : "");
  }
}
