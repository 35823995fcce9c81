package org.equitymark.documents;

import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.SUPPORT_CLARIFICATION;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.equitymark.engine.ForEveryUserTask;
import org.equitymark.process.CertificationProcess;
import org.springframework.stereotype.Component;

/**
 * On the creation of a staff task that reads the applicant's evidence ({@link #TASKS}): the documents
 * attached to the case's claims, as Markdown download links in the task-local variable
 * {@code claimDocumentsText}, which the task's form shows in a text view. Links lead to
 * {@link StaffDocumentController}, which lets the staff member fetch them while the task is theirs
 * to see.
 */
@Component("showClaimDocuments")
class ShowClaimDocumentsListener implements ForEveryUserTask {

  static final Set<String> TASKS = Set.of(REVIEW_SELF_ASSESSMENT, ASSESS_EVIDENCE, SUPPORT_CLARIFICATION);

  private final ClaimDocuments documents;

  ShowClaimDocumentsListener(ClaimDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TASKS.contains(task.getTaskDefinitionKey()) && task.getProcessInstanceId() != null) {
      String text = documents.markdown(task.getProcessInstanceId());
      if (text != null) {
        task.setVariableLocal(CertificationProcess.CLAIM_DOCUMENTS_TEXT.name(), text);
      }
    }
  }
}
