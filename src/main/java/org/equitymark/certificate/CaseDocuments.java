package org.equitymark.certificate;

import java.io.ByteArrayInputStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Attaches a document to the case, so Tasklist and Cockpit users find it with the case. */
final class CaseDocuments {

  private CaseDocuments() {
  }

  static void attachPdf(DelegateExecution execution, String name, String description, byte[] pdf) {
    execution.getProcessEngineServices().getTaskService().createAttachment("application/pdf", null,
        execution.getProcessInstanceId(), name, description, new ByteArrayInputStream(pdf));
  }
}
