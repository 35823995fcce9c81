package org.equitymark.feedback;

import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.OPEN_FEEDBACK;
import static org.equitymark.process.CertificationProcess.PREVIOUS_CERTIFICATE_NUMBER;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.equitymark.submission.Checks;
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
  /** The most of one message shown to the assessor (stored escaped, so markup counts several characters). */
  static final int MAX_MESSAGE_SHOWN = 1000;
  private static final int ROOM_FOR_THE_REST = 120;

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
      task.setVariableLocal(OPEN_FEEDBACK.name(), text(open));
    }
  }

  /**
   * One line per piece of feedback, within a string variable's {@link Checks#MAX_TEXT_VARIABLE} characters: a long
   * message is cut at {@link #MAX_MESSAGE_SHOWN}, and what no longer fits is counted in a last line (each piece is
   * also a scheme manager's feedback-triage task, whole).
   */
  static String text(List<Feedback> open) {
    List<String> lines = new ArrayList<>();
    int length = 0;
    for (Feedback f : open) {
      String message = f.message().replaceAll("\\s+", " ");
      String line = "- " + LocalDate.ofInstant(f.receivedAt(), ZONE) + ", " + f.submitterType() + " (feedback "
          + f.id() + "): " + (message.length() > MAX_MESSAGE_SHOWN ? message.substring(0, MAX_MESSAGE_SHOWN) + " [...]"
          : message);
      if (length + line.length() + 1 > Checks.MAX_TEXT_VARIABLE - ROOM_FOR_THE_REST) {
        break;
      }
      lines.add(line);
      length += line.length() + 1;
    }
    int left = open.size() - lines.size();
    if (left > 0) {
      lines.add("- and " + left + " more open feedback, not shown here: each is in the scheme managers' feedback triage");
    }
    return String.join("\n", lines);
  }
}
