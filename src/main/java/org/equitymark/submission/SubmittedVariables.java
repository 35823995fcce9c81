package org.equitymark.submission;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Knows which variables the current engine command has written, so that a task's completion
 * listener can tell the variables a user submitted from those already on the case.
 *
 * <p>Camunda reports every variable write as a history event while the command runs; this
 * handler sits beside the default database handler and keeps the names per command context.
 * The state lives only as long as the command (one request), so it is cluster-safe.
 */
@Component
public class SubmittedVariables implements HistoryEventHandler {

  private static final ThreadLocal<Map<CommandContext, Set<String>>> WRITTEN =
      ThreadLocal.withInitial(WeakHashMap::new);

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity update) {
      CommandContext context = Context.getCommandContext();
      if (context != null) {
        WRITTEN.get().computeIfAbsent(context, this::trackUntilClosed).add(update.getVariableName());
      }
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  /** The names of the variables written so far by the command that is running now. */
  public Set<String> inCurrentCommand() {
    CommandContext context = Context.getCommandContext();
    Set<String> names = context == null ? null : WRITTEN.get().get(context);
    return names == null ? Set.of() : Collections.unmodifiableSet(new HashSet<>(names));
  }

  private Set<String> trackUntilClosed(CommandContext context) {
    context.registerCommandContextListener(new org.camunda.bpm.engine.impl.interceptor.CommandContextListener() {
      @Override
      public void onCommandContextClose(CommandContext closed) {
        WRITTEN.get().remove(closed);
      }

      @Override
      public void onCommandFailed(CommandContext failed, Throwable t) {
        WRITTEN.get().remove(failed);
      }
    });
    return new HashSet<>();
  }
}
