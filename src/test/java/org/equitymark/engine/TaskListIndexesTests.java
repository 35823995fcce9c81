package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The indexes EngineIndexes adds to Camunda's tables for the task lists at scale (created once the engine has built its schema). */
class TaskListIndexesTests extends ProcessTestSupport {

  @Autowired DataSource dataSource;

  @Test
  void shouldIndexSubtasksAndUserGrants() throws Exception {
    assertThat(indexedColumns("ACT_RU_TASK")).contains("PARENT_TASK_ID_");
    assertThat(indexedColumns("ACT_RU_AUTHORIZATION")).contains("USER_ID_");
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
