package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What EngineSchemaTuning adds to Camunda's tables for the task lists at scale, once the engine has
 * built its schema: indexes on both databases, and on PostgreSQL the statistics that let the planner
 * see how many grants an authorization check keeps.
 */
class EngineSchemaTuningTests extends ProcessTestSupport {

  @Autowired DataSource dataSource;

  @Test
  void shouldIndexSubtasksUserGrantsVariablesByNameAndJobsByDueDate() throws Exception {
    assertThat(indexedColumns("ACT_RU_TASK")).contains("PARENT_TASK_ID_");
    assertThat(indexedColumns("ACT_RU_JOB")).contains("DUEDATE_");
    assertThat(indexedColumns("ACT_RU_AUTHORIZATION")).contains("USER_ID_");
    assertThat(indexedColumns("ACT_RU_VARIABLE")).contains("NAME_");
  }

  @Test
  void shouldIndexGroupAndUserGrantsByKindOfResourceOnPostgres() throws Exception {
    assumeTrue(TestDatabase.postgres(), "H2 keeps the engine's queries, which look grants up by group alone");
    assertThat(indexDefinition("em_idx_auth_group_type"))
        .contains("(group_id_, resource_type_, resource_id_) INCLUDE (type_, perms_)");
    assertThat(indexDefinition("em_idx_auth_user_type"))
        .contains("(user_id_, resource_type_, resource_id_) INCLUDE (type_, perms_)");
    assertThat(indexDefinition("em_idx_auth_user")).as("superseded by em_idx_auth_user_type").isNull();
  }

  @Test
  void shouldDropTheNarrowerUserGrantIndexAnEarlierVersionCreatedOnPostgres() throws Exception {
    assumeTrue(TestDatabase.postgres(), "the wider index is PostgreSQL's");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists em_idx_auth_user on act_ru_authorization (user_id_)");
    }
    EngineSchemaTuning.apply(dataSource, "", true);
    assertThat(indexDefinition("em_idx_auth_user")).isNull();
    assertThat(indexDefinition("em_idx_auth_user_type")).isNotNull();
  }

  private String indexDefinition(String name) throws Exception {
    try (Connection connection = dataSource.getConnection();
        var statement = connection.prepareStatement("select indexdef from pg_indexes where indexname = ?")) {
      statement.setString(1, name);
      try (ResultSet index = statement.executeQuery()) {
        return index.next() ? index.getString(1) : null;
      }
    }
  }

  @Test
  void shouldKeepStatisticsOnPermissionsAndOnEachGroupsKindsOfGrantOnPostgres() throws Exception {
    assumeTrue(TestDatabase.postgres(), "planner statistics are PostgreSQL's");
    List<String> kept = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet statistics = statement.executeQuery("select stxname, stxkind from pg_statistic_ext")) {
      while (statistics.next()) {
        kept.add(statistics.getString(1) + " " + statistics.getString(2));
      }
    }
    assertThat(kept).contains("em_stat_auth_read {e}", "em_stat_auth_read_task {e}", "em_stat_auth_group_type {m}");
  }

  @Test
  void shouldLetPostgresEstimateTheGrantsAnAuthorizationCheckKeeps() throws Exception {
    assumeTrue(TestDatabase.postgres(), "planner statistics are PostgreSQL's");
    // given: grants in place (the role groups' and a case's), and statistics gathered as autovacuum would
    register(newApplicant(), registration(uniqueEmail()));
    runAsyncJobs();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("analyze act_ru_authorization");

      // when
      long actual = count(statement, "select count(*) from act_ru_authorization where perms_ & 2 = 2");
      double estimated = estimatedRows(statement, "select * from act_ru_authorization where perms_ & 2 = 2");

      // then: without the statistics PostgreSQL guesses 0.5% of the rows
      assertThat(actual).isGreaterThan(20);
      assertThat(estimated).isGreaterThan(actual / 2.0);
    }
  }

  @Test
  void shouldLeaveTheEngineRunningWhenTuningCannotBeApplied() {
    // given: a database without PostgreSQL's statistics catalogue (on H2 the look-up fails)
    assumeTrue(!TestDatabase.postgres(), "needs a database where pg_statistic_ext does not exist");

    // when / then: a warning, not a failed start
    assertThatCode(() -> EngineSchemaTuning.apply(dataSource, "", true)).doesNotThrowAnyException();
  }

  private static long count(Statement statement, String sql) throws Exception {
    try (ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static double estimatedRows(Statement statement, String sql) throws Exception {
    try (ResultSet result = statement.executeQuery("explain (format json) " + sql)) {
      result.next();
      JsonNode plan = new ObjectMapper().readTree(result.getString(1)).get(0).get("Plan");
      return plan.get("Plan Rows").asDouble();
    }
  }

  /** Columns that lead an index of the table (H2 names tables in upper case, PostgreSQL in lower). */
  private List<String> indexedColumns(String table) throws Exception {
    List<String> columns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String name : List.of(table, table.toLowerCase())) {
        try (ResultSet indexes = metaData.getIndexInfo(null, null, name, false, false)) {
          while (indexes.next()) {
            if (indexes.getShort("ORDINAL_POSITION") == 1) {
              columns.add(indexes.getString("COLUMN_NAME").toUpperCase());
            }
          }
        }
      }
    }
    return columns;
  }
}
