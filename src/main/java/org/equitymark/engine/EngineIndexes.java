package org.equitymark.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on Camunda's own tables that the task lists need at scale (issue 7, benchmark part 2).
 *
 * <p>Created once the engine is built, so after Camunda has created or checked its tables whatever
 * order Spring starts its beans in (Flyway owns only the em_* tables). {@code if not exists} on H2
 * and PostgreSQL, so every start and every node of a cluster may ask; a node that loses a race to
 * another starting at the same moment logs it and goes on, the index being there.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  /** Index name, table, column. */
  static final List<String[]> INDEXES = List.of(
      // Completing a task looks for its subtasks (where PARENT_TASK_ID_ = ?): without an index
      // every completion reads every open task.
      new String[] {"EM_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"},
      // Every authorized query reads the grants of the user (USER_ID_ in (?, '*')) or of its groups:
      // Camunda indexes GROUP_ID_ but not USER_ID_, so the OR reads the whole table.
      new String[] {"EM_IDX_AUTH_USER", "ACT_RU_AUTHORIZATION", "USER_ID_"});

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    create(configuration.getDataSource(), prefix);
  }

  static void create(DataSource dataSource, String tablePrefix) {
    for (String[] index : INDEXES) {
      String sql = "create index if not exists " + index[0] + " on " + tablePrefix + index[1] + " (" + index[2] + ")";
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(sql);
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      } catch (SQLException e) {
        LOG.warn("Could not create index {} (another node may be creating it): {}", index[0], e.getMessage());
      }
    }
  }
}
