package org.equitymark.engine;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes and planner statistics on Camunda's own tables that the task lists and the job executor need
 * at scale (issue 7, benchmark part 2; issue 23, part 6).
 *
 * <p>Applied once the engine is built, so after Camunda has created or checked its tables whatever
 * order Spring starts its beans in (Flyway owns only the em_* tables). Each step asks first or says
 * {@code if not exists}, so every start and every node of a cluster may run it; a node that loses a
 * race to another starting at the same moment logs it and goes on, the other having done it.
 */
@Component
@EngineTuning.Part
class EngineSchemaTuning extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSchemaTuning.class);

  /** An index on columns of a Camunda table (comma-separated), with PostgreSQL's INCLUDE columns where given. */
  record Index(String name, String table, String columns, String include) {

    Index(String name, String table, String columns) {
      this(name, table, columns, null);
    }

    String create(String tablePrefix) {
      return "create index if not exists " + name + " on " + tablePrefix + table + " (" + columns + ")"
          + (include == null ? "" : " include (" + include + ")");
    }
  }

  /** Statistics PostgreSQL keeps on a Camunda table: {@code on} is what follows the name (kinds, columns or expression). */
  record Statistics(String name, String table, String on) {

    String create(String tablePrefix) {
      return "create statistics if not exists " + name + " " + on + " from " + tablePrefix + table;
    }
  }

  static final List<Index> INDEXES = List.of(
      // Completing a task looks for its subtasks (where PARENT_TASK_ID_ = ?): without an index
      // every completion reads every open task.
      new Index("EM_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"),
      // Allocation counts each assessor's cases by their leadAssessor variable (AssessorPool).
      // Camunda indexes a variable's name only after its task id, so that count read every variable
      // of every case, certificates under monitoring included: on H2 the whole table, on PostgreSQL
      // the whole of that index (3.5 -> 1.7 ms at 320 cases, growing with every case).
      new Index("EM_IDX_VAR_NAME", "ACT_RU_VARIABLE", "NAME_"),
      // The job executor acquires the jobs due first (JobAcquisitionByDueDate): without it each
      // acquisition read the job table, mostly timers due months ahead, until it had a batch.
      new Index("EM_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_"));

  /**
   * Every authorized query reads the grants of the user (USER_ID_ in (?, '*')) or of its groups:
   * Camunda indexes GROUP_ID_ but not USER_ID_ (its unique key starts with TYPE_), so the OR reads the
   * whole table. On PostgreSQL {@link #POSTGRES_INDEXES} holds a wider one in its place.
   */
  static final Index USER_GRANTS = new Index("EM_IDX_AUTH_USER", "ACT_RU_AUTHORIZATION", "USER_ID_");

  /**
   * Tasklist's queries on PostgreSQL look a group's grants up by kind of resource (AuthorizedQueries):
   * its task grants for the task id, its process-definition grants for the key. A staff group holds a
   * grant per open task, and Camunda's index on GROUP_ID_ alone has each lookup read all of them (and
   * their table rows) to keep the few of another kind: 4 ms each at 20,000 open tasks, four times for
   * the task cards' variables. Keyed by kind and carrying the type and permissions, it reads only that
   * kind's entries and can answer from the index alone. PostgreSQL only: H2 keeps the engine's queries.
   */
  static final List<Index> POSTGRES_INDEXES = List.of(
      new Index("EM_IDX_AUTH_GROUP_TYPE", "ACT_RU_AUTHORIZATION", "GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_",
          "TYPE_, PERMS_"),
      // The same for the user's own grants (an assessor holds one per task it leads): on USER_ID_
      // alone PostgreSQL read each of them from the table, 550 pages for an assessor's 556 grants at
      // 20,000 open tasks. It serves every lookup by USER_ID_, so it replaces USER_GRANTS there.
      new Index("EM_IDX_AUTH_USER_TYPE", "ACT_RU_AUTHORIZATION", "USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_",
          "TYPE_, PERMS_"));

  /**
   * Every authorized query keeps the grants whose permission bits include the one checked
   * ({@code PERMS_ & 2 = 2} for READ, {@code & 64} for READ_TASK). Without statistics PostgreSQL
   * guesses such a filter keeps 0.5% of rows, so it expects a few dozen of a staff group's per-task
   * grants where there are thousands, and joins them to every task by brute force: finance's "Payments
   * to confirm" took 89 s at 100,000 open tasks, 0.17 s with these (PostgreSQL 14 or later).
   */
  static final List<Statistics> POSTGRES_STATISTICS = List.of(
      new Statistics("em_stat_auth_read", "ACT_RU_AUTHORIZATION", "on (PERMS_ & 2)"),
      new Statistics("em_stat_auth_read_task", "ACT_RU_AUTHORIZATION", "on (PERMS_ & 64)"),
      // which kinds of resource each group holds grants on (finance: thousands of task grants, no
      // process-instance grant), for the group half of AuthorizedQueries' lookups by kind; without it
      // PostgreSQL assumes each group holds each kind in the table's overall share. Measured: it did
      // not change the plans of the earlier form with an OR of user and group (statistics on two
      // columns are not used across an OR with a third); the index-only reads came with the two selects.
      new Statistics("em_stat_auth_group_type", "ACT_RU_AUTHORIZATION", "(mcv) on GROUP_ID_, RESOURCE_TYPE_"));

  private ProcessEngineConfigurationImpl configuration;

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    apply(configuration.getDataSource(), prefix, "postgres".equals(configuration.getDatabaseType()));
  }

  static void apply(DataSource dataSource, String tablePrefix, boolean postgres) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    for (Index index : INDEXES) {
      execute(jdbc, index.name(), index.create(tablePrefix));
    }
    if (!postgres) {
      execute(jdbc, USER_GRANTS.name(), USER_GRANTS.create(tablePrefix));
    } else {
      for (Index index : POSTGRES_INDEXES) {
        execute(jdbc, index.name(), index.create(tablePrefix));
      }
      // created by earlier versions on PostgreSQL too; EM_IDX_AUTH_USER_TYPE answers its lookups
      execute(jdbc, USER_GRANTS.name(), "drop index if exists " + tablePrefix + USER_GRANTS.name());
      for (Statistics statistics : POSTGRES_STATISTICS) {
        if (statisticsMissing(jdbc, statistics.name())) {
          execute(jdbc, statistics.name(), statistics.create(tablePrefix));
          execute(jdbc, statistics.name(), "analyze " + tablePrefix + statistics.table());
        }
      }
    }
  }

  /** Whether to create them; not when the catalogue cannot be read (tuning never stops the engine). */
  private static boolean statisticsMissing(JdbcTemplate jdbc, String name) {
    try {
      return jdbc.queryForList("select 1 from pg_statistic_ext where stxname = ?", name).isEmpty();
    } catch (DataAccessException e) {
      LOG.warn("Could not look for statistics {}: {}", name, e.getMessage());
      return false;
    }
  }

  private static void execute(JdbcTemplate jdbc, String what, String sql) {
    try {
      jdbc.execute(sql);
    } catch (DataAccessException e) {
      LOG.warn("Could not apply {} (another node may be changing it; statistics need PostgreSQL 14): {}", what,
          e.getMessage());
    }
  }
}
