package org.equitymark.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Reads the engine's job log directly: the query API cannot count distinct job ids. */
final class JobLog {

  private JobLog() {
  }

  /** Successful executions beyond the first of the same job: each is a job that ran twice. */
  static long repeatedSuccesses(ProcessEngine engine) {
    var dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) - COUNT(DISTINCT JOB_ID_) FROM ACT_HI_JOB_LOG"
            + " WHERE JOB_STATE_ = " + JobState.SUCCESSFUL.getStateCode())) {
      rows.next();
      return rows.getLong(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
