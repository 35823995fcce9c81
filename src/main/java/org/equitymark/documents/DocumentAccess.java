package org.equitymark.documents;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Who may fetch a document of a case, asked of the engine as the user already authenticated on this
 * thread ({@code IdentityService.setAuthentication}): its organisation, which reads the case, and the
 * case's staff, who see one of its tasks (or the case itself, as scheme managers do). Anyone else is
 * told the document does not exist.
 */
@Component
public class DocumentAccess {

  private final RuntimeService runtimeService;
  private final TaskService taskService;

  DocumentAccess(RuntimeService runtimeService, TaskService taskService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  public boolean mayReadCase(ClaimDocuments.Document document) {
    String caseId = document.processInstanceId();
    return runtimeService.createProcessInstanceQuery().processInstanceId(caseId).count() == 1
        || taskService.createTaskQuery().processInstanceId(caseId).count() > 0;
  }
}
