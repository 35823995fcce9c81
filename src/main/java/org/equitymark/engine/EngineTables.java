package org.equitymark.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The names to write in our own SQL for Camunda's tables: {@code ACT_RU_TASK} with the engine's
 * configured table prefix ({@code camunda.bpm.database.table-prefix}, e.g. a schema), as the engine
 * itself writes them. Every query of ours on an engine table names it through here.
 */
@Component
public class EngineTables {

  private final String prefix;

  @Autowired
  EngineTables(ProcessEngineConfigurationImpl configuration) {
    this(configuration.getDatabaseTablePrefix());
  }

  private EngineTables(String prefix) {
    this.prefix = prefix == null ? "" : prefix;
  }

  /** Tables under this prefix (tests, and code that runs before the engine exists). */
  public static EngineTables withPrefix(String prefix) {
    return new EngineTables(prefix);
  }

  /** The table as SQL should name it, e.g. {@code of("ACT_RU_TASK")}. */
  public String of(String table) {
    return prefix + table;
  }

  String prefix() {
    return prefix;
  }
}
