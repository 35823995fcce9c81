package org.equitymark.submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.engine.ForEveryUserTask;
import org.springframework.stereotype.Component;

/**
 * On the creation of every user task ({@link ForEveryUserTask}): the text people typed that forms
 * show, as the task's own Json variable {@code asWritten}, each value a {@link FormText#literal}
 * copy, so a form's text view shows it with {@code {{asWritten.name}}} exactly as it was written,
 * never as Markdown or HTML. The variable lives and dies with the task; the case's own variables
 * stay as they were typed (inputs and e-mails read those). A variable the case does not have is
 * left out, so the text view shows nothing for it.
 */
@Component("showAsWritten")
public class AsWritten implements ForEveryUserTask {

  /** The task variable the forms' text views read people's text from. */
  public static final String VARIABLE = "asWritten";

  /** Every variable a person typed that a form's text view shows. */
  public static final List<String> PEOPLES_TEXT = List.of(
      "organisationName", "workplaceArea", "contactName", "contactEmail", "contactPhone",
      "leadershipEvidence", "workforceEvidence", "engagementEvidence", "accessEvidence", "outcomesEvidence",
      "leadershipAssessorComment", "workforceAssessorComment", "engagementAssessorComment",
      "accessAssessorComment", "outcomesAssessorComment",
      "moderationComments", "panelComments", "appealGrounds", "supportAdvice", "clarificationThreadText",
      "openFeedback", "trainingFollowUpEvidence", "actionPlanProgress", "overdueActionPlanItems",
      "suspensionReason", "reviewComments", "correctiveActions", "community", "runBy");

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> shown = new LinkedHashMap<>();
    originals(task.getVariables()).forEach((name, text) -> shown.put(name, FormText.literal(text)));
    task.setVariableLocal(VARIABLE, SpinValues.jsonValue(Spin.JSON(shown).toString()).create());
  }

  /** The people's text among the variables, as it was typed (for a renderer that escapes itself). */
  public static Map<String, String> originals(Map<String, ?> variables) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String name : PEOPLES_TEXT) {
      if (variables.get(name) instanceof String text) {
        texts.put(name, text);
      }
    }
    return texts;
  }
}
