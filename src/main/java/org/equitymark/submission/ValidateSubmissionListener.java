package org.equitymark.submission;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Bound to the {@code end} event of every user task ({@code ${validateSubmission}}): checks what
 * the completion submitted against the task's {@link SubmissionForm}. An execution listener, not a
 * task listener, because the engine passes its exceptions through unwrapped, so REST and Tasklist
 * answer 400 with the reason and the task stays open. A task ended by a timer or a cancellation is
 * not a submission and is let through.
 */
@Component("validateSubmission")
public class ValidateSubmissionListener implements ExecutionListener {

  private final SubmissionValidator validator;

  public ValidateSubmissionListener(SubmissionValidator validator) {
    this.validator = validator;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    SubmissionForm form = validator.formFor(execution.getCurrentActivityId());
    validator.validate(form, execution);
    form.accepted(execution, currentUser(execution));
  }

  /** The user acting in this request, or {@code system} when the engine acts on its own. */
  public static String currentUser(DelegateExecution execution) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null ? "system" : authentication.getUserId();
  }
}
