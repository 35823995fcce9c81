package org.equitymark.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The job executor asks for the jobs due first, by an index on their due date, instead of reading the
 * job table from its start until it has a batch. A scheme's job table is mostly timers due months or
 * years ahead (reminders, annual returns, expiries): at 10,000 organisations each acquisition read
 * 10,000-15,000 of them to find the few due: a quarter of the statements sampled in the database
 * (benchmark part 6, docs/performance.md). Now each reads its batch, however many timers wait.
 *
 * <p>Camunda's own settings: {@code ensureJobDueDateNotNull} gives every new job a due date (an
 * asynchronous step: the moment it was created), so the acquisition's condition is a range on the due
 * date alone, and {@code jobExecutorAcquireByDueDate} orders by it, so the database walks
 * {@link EngineSchemaTuning}'s index from the earliest and stops at the batch. Jobs an earlier version
 * left without a due date get their creation time once, at each start: the acquisition no longer asks
 * for jobs without one.
 */
@Component
@EngineTuning.Part
class JobAcquisitionByDueDate extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionByDueDate.class);

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    configuration.setEnsureJobDueDateNotNull(true);
    configuration.setJobExecutorAcquireByDueDate(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    giveDueDates(new JdbcTemplate(configuration.getDataSource()), prefix);
  }

  /** Jobs without a due date, left by a version before this one: due when they were created. */
  static int giveDueDates(JdbcTemplate jdbc, String tablePrefix) {
    try {
      int updated = jdbc.update("update " + tablePrefix + "ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, "
          + "CURRENT_TIMESTAMP) where DUEDATE_ is null");
      if (updated > 0) {
        LOG.info("{} jobs without a due date made due when they were created", updated);
      }
      return updated;
    } catch (DataAccessException e) {
      LOG.warn("Could not give jobs without a due date one (another node may be doing it): {}", e.getMessage());
      return 0;
    }
  }
}
