package org.equitymark.engine;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * History level {@code full}, except for task-local variables. In EquityMark every task-local
 * variable is a copy made when the task is created, for its card or its form to show (the card's
 * case details, people's text as written, the indicators of the case's framework version): the case
 * variables they are copied from keep their full history, and the copies leave with the task. Their
 * history was a third of the rows a case wrote (docs/decisions/0037) and was read by nobody.
 *
 * <p>Same id and name as Camunda's {@code full}, so the database's recorded history level still
 * matches and no migration is needed; registered as a custom level, which the engine picks by name
 * after its own (the last of that name wins).
 */
final class FullHistoryWithoutTaskCopies extends HistoryLevelFull {

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (entity instanceof VariableInstanceEntity variable) {
      return variable.getTaskId() == null;
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update) {
      return update.getTaskId() == null;
    }
    return true;
  }
}
