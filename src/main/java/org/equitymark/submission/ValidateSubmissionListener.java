package org.equitymark.submission;

import static org.equitymark.process.CertificationProcess.CASE_PARTICIPANTS;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.equitymark.engine.CurrentUser;
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
    String userId = validator.check(form, execution);
    if (form.isDecisionOnCase() && !CurrentUser.SYSTEM.equals(userId)) {
      List<String> participants = new ArrayList<>(CASE_PARTICIPANTS.get(execution, List.of()));
      if (!participants.contains(userId)) {
        participants.add(userId);
        CASE_PARTICIPANTS.set(execution, participants);
      }
    }
  }
}
