package org.equitymark.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.equitymark.engine.ForEveryUserTask;
import org.springframework.stereotype.Component;

/**
 * On the creation of every user task ({@link ForEveryUserTask}): copies the case variables of
 * {@link TaskCard#COLUMNS} to the task as task-local variables, so Tasklist shows them on the card
 * to whoever may see the task. The reference falls back to the business key, which every process of
 * a case carries. A variable the case does not have is left out.
 */
@Component("showTaskCard")
public class ShowTaskCardListener implements ForEveryUserTask {

  @Override
  public void notify(DelegateTask task) {
    for (TaskCard.Column column : TaskCard.COLUMNS) {
      String value = column.source().get(task);
      if (value == null && column.variable() == TaskCard.REFERENCE && task.getExecution() != null) {
        value = task.getExecution().getProcessBusinessKey();
      }
      if (value != null && !value.isBlank()) {
        task.setVariableLocal(column.variable().name(), value);
      }
    }
  }
}
