package org.equitymark.allocation;

import static org.equitymark.allocation.AssessorDeclarationProcess.CONFIRMED_BY;
import static org.equitymark.allocation.AssessorDeclarationProcess.DECLARATION_CONFIRMED;
import static org.equitymark.allocation.AssessorDeclarationProcess.DECLARING_ASSESSOR;
import static org.equitymark.allocation.AssessorDeclarationProcess.RETURN_REASON;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.FormText;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/** {@code confirmDeclaration} (scheme managers): confirm, or return to the assessor with a reason. */
@Component
class ConfirmDeclarationForm implements SubmissionForm {

  static final int MAX_REASON = 2000;

  @Override
  public String activityId() {
    return AssessorDeclarationProcess.Elements.CONFIRM_DECLARATION;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(DECLARATION_CONFIRMED.name(), Checks.yesNo()),
        optional(RETURN_REASON.name(), Checks.paragraphs(MAX_REASON)));
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    if (!submission.isTrue(DECLARATION_CONFIRMED.name()) && !submission.submittedText(RETURN_REASON.name())) {
      problems.add(RETURN_REASON.name(), "is required when the declaration is returned: tell the assessor what to change");
    }
  }

  @Override
  public void checkActor(DelegateExecution execution, String userId, Problems problems) {
    if (userId.equals(DECLARING_ASSESSOR.get(execution))) {
      problems.add("user", userId + " may not confirm its own declaration");
    }
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    CONFIRMED_BY.set(execution, userId);
    AssessorDeclarationProcess.RETURN_REASON_TEXT.set(execution, FormText.literal(RETURN_REASON.get(execution)));
  }
}
