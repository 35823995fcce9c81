package org.equitymark.allocation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code closeAssessorDeclaration}, at the end of an {@code assessor-declaration} instance (also when
 * it is cancelled): its pending ties no longer count.
 */
@Component("closeAssessorDeclaration")
class CloseDeclarationListener implements ExecutionListener {

  private final AssessorPool pool;

  CloseDeclarationListener(AssessorPool pool) {
    this.pool = pool;
  }

  @Override
  public void notify(DelegateExecution execution) {
    pool.clearPending(execution.getProcessInstanceId());
  }
}
