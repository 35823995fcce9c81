package org.equitymark.feedback;

import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.OPEN_FEEDBACK;
import static org.equitymark.process.CertificationProcess.PREVIOUS_CERTIFICATE_NUMBER;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code showOpenFeedback}, on creation of {@code reviewAnnualReturn} and of {@code assessEvidence}:
 * puts the open public feedback on the certificate (for a reassessment, the previous one) before
 * the assessor, as the task's own variable {@code openFeedback}, so that the organisation, which
 * reads its case's variables, does not see who said what.
 */
@Component("showOpenFeedback")
class ShowOpenFeedbackListener implements TaskListener {

  private static final ZoneId ZONE = ZoneId.of("Europe/London");

  private final PublicFeedback feedback;

  ShowOpenFeedbackListener(PublicFeedback feedback) {
    this.feedback = feedback;
  }

  @Override
  public void notify(DelegateTask task) {
    String number = "reviewAnnualReturn".equals(task.getTaskDefinitionKey())
        ? CERTIFICATE_NUMBER.get(task) : PREVIOUS_CERTIFICATE_NUMBER.get(task);
    if (number == null) {
      return;
    }
    List<Feedback> open = feedback.open(number);
    if (!open.isEmpty()) {
      task.setVariableLocal(OPEN_FEEDBACK.name(), open.stream()
          .map(f -> "- " + LocalDate.ofInstant(f.receivedAt(), ZONE) + ", " + f.submitterType() + " (feedback "
              + f.id() + "): " + f.message().replaceAll("\\s+", " "))
          .collect(Collectors.joining("\n")));
    }
  }
}
