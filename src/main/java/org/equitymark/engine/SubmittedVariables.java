package org.equitymark.engine;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * Knows which variables the current engine command has written, so that a task's completion
 * listener can tell the variables a user submitted from those already on the case.
 *
 * <p>It reads the command's own entity cache, not history: a variable the command created is
 * still transient there, and one it wrote is dirty, because every write, even of the same value,
 * raises the variable's sequence counter, which is part of its persistent state. So the check does
 * not depend on the history level (at {@code activity} or {@code none} the engine produces no
 * variable history events). The cache lives only as long as the command (one request), so this is
 * cluster-safe.
 */
@Component
public class SubmittedVariables {

  /** The names of the variables written so far by the command that is running now. */
  public Set<String> inCurrentCommand() {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return Set.of();
    }
    DbEntityCache cache = context.getDbEntityManager().getDbEntityCache();
    Set<String> names = new TreeSet<>();
    for (VariableInstanceEntity variable : cache.getEntitiesByType(VariableInstanceEntity.class)) {
      CachedDbEntity cached = cache.getCachedEntity(variable);
      if (cached != null && writtenInThisCommand(cached)) {
        names.add(variable.getName());
      }
    }
    return Set.copyOf(names);
  }

  private static boolean writtenInThisCommand(CachedDbEntity cached) {
    DbEntityState state = cached.getEntityState();
    return state == DbEntityState.TRANSIENT
        || (state == DbEntityState.PERSISTENT || state == DbEntityState.MERGED) && cached.isDirty();
  }
}
