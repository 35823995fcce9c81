package org.equitymark.allocation;

import static org.equitymark.process.CertificationProcess.LEAD_ASSESSOR;
import static org.equitymark.process.CertificationProcess.PREVIOUS_LEAD_ASSESSORS;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code offerReallocation}, on the case's {@code leadAssessorTied} event: the tied lead assessor is
 * replaced (it joins the previous lead assessors, never allocated to the case again) and the eligible
 * assessors are offered to a scheme manager in {@code allocateAssessorsManually}, beside the note.
 */
@Component("offerReallocation")
class OfferReallocationListener implements ExecutionListener {

  private final AssessorPool pool;
  private final AllocateAssessorsDelegate allocation;

  OfferReallocationListener(AssessorPool pool, AllocateAssessorsDelegate allocation) {
    this.pool = pool;
    this.allocation = allocation;
  }

  @Override
  public void notify(DelegateExecution execution) throws Exception {
    List<String> previous = new ArrayList<>(PREVIOUS_LEAD_ASSESSORS.get(execution, List.of()));
    String tied = LEAD_ASSESSOR.get(execution);
    if (tied != null && !previous.contains(tied)) {
      previous.add(tied);
      PREVIOUS_LEAD_ASSESSORS.set(execution, previous);
    }
    allocation.offerToSchemeManager(execution, pool.activeAssessors(), "re-allocation");
  }
}
