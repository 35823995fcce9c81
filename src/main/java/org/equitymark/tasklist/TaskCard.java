package org.equitymark.tasklist;

import java.util.List;
import org.equitymark.process.CertificationProcess;
import org.equitymark.process.Variable;

/**
 * What a Tasklist card says about its case: the few variables each task carries as task-local
 * copies ({@link ShowTaskCardListener}), which every filter names in {@code properties.variables}.
 * Staff read a task's own variables through their grant on the task, so a card names its case
 * without giving the staff group READ on the process instance and its other data.
 */
public final class TaskCard {

  public static final Variable<String> REFERENCE = Variable.string("cardReference");
  public static final Variable<String> ORGANISATION = Variable.string("cardOrganisation");
  public static final Variable<String> WORKPLACE_AREA = Variable.string("cardWorkplaceArea");
  public static final Variable<String> TARGET_LEVEL = Variable.string("cardTargetLevel");

  /** The card's lines in the order Tasklist shows them, each with its label and the case variable it copies. */
  public static final List<Column> COLUMNS = List.of(
      new Column(REFERENCE, "Reference", CertificationProcess.APPLICATION_REFERENCE),
      new Column(ORGANISATION, "Organisation", CertificationProcess.ORGANISATION_NAME),
      new Column(WORKPLACE_AREA, "Workplace area", CertificationProcess.WORKPLACE_AREA),
      new Column(TARGET_LEVEL, "Target level", CertificationProcess.TARGET_LEVEL));

  /** A line of a task card: the task-local variable, its label, and the case variable it is copied from. */
  public record Column(Variable<String> variable, String label, Variable<String> source) {
  }

  private TaskCard() {
  }
}
