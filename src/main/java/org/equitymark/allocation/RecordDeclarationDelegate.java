package org.equitymark.allocation;

import static org.equitymark.allocation.AssessorDeclarationProcess.CONFIRMED_BY;
import static org.equitymark.allocation.AssessorDeclarationProcess.DECLARED_TIES;
import static org.equitymark.allocation.AssessorDeclarationProcess.DECLARING_ASSESSOR;
import static org.equitymark.allocation.AssessorDeclarationProcess.GENDER;
import static org.equitymark.allocation.AssessorDeclarationProcess.MINORITISED;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.process.CertificationProcess;
import org.springframework.stereotype.Component;

/**
 * {@code recordDeclaration}: writes the confirmed declaration to the pool (allocation uses it from
 * now on) and, for each organisation the assessor is newly tied with, puts a note on every open case
 * of it the assessor leads and marks the lead as tied: the case's conditional event
 * {@code leadAssessorTied} then takes {@code assessEvidence} from it to {@code allocateAssessorsManually},
 * now if it is assessing, or as soon as the case comes back to it.
 */
@Component("recordDeclaration")
class RecordDeclarationDelegate implements JavaDelegate {

  private final AssessorDeclarations declarations;
  private final AssessorPool pool;
  private final RuntimeService runtimeService;

  RecordDeclarationDelegate(AssessorDeclarations declarations, AssessorPool pool, RuntimeService runtimeService) {
    this.declarations = declarations;
    this.pool = pool;
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String assessor = DECLARING_ASSESSOR.get(execution);
    List<AssessorDeclaration.Tie> ties = declarations.parse(DECLARED_TIES.get(execution).json()).ties();
    Set<String> newlyTied = declarations.confirm(assessor, ties, GENDER.get(execution), MINORITISED.get(execution));
    pool.clearPending(execution.getProcessInstanceId());
    String day = LocalDate.ofInstant(ClockUtil.now().toInstant(), ZoneOffset.UTC).toString();
    for (AssessorDeclaration.Tie tie : ties) {
      if (!newlyTied.contains(tie.organisationId())) {
        continue;
      }
      for (ProcessInstance held : casesLedBy(assessor, tie.organisationId())) {
        String note = assessor + " declared a " + tie.tie() + " tie with this organisation on " + day
            + " (confirmed by " + CONFIRMED_BY.get(execution) + ") and may no longer assess this case: "
            + "a scheme manager re-allocates it.";
        runtimeService.setVariables(held.getId(), Map.of(
            CertificationProcess.ASSESSOR_TIE_NOTE.name(), note,
            CertificationProcess.TIED_LEAD_ASSESSOR.name(), assessor));
      }
    }
  }

  private List<ProcessInstance> casesLedBy(String assessor, String organisationId) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CertificationProcess.KEY)
        .variableValueEquals(CertificationProcess.ORGANISATION_ID.name(), organisationId)
        .variableValueEquals(CertificationProcess.LEAD_ASSESSOR.name(), assessor)
        .list();
  }
}
