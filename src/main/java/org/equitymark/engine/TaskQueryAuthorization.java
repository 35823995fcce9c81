package org.equitymark.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Has the engine answer task queries (Tasklist's lists and counts) with the statements of
 * {@code task-query-authorization.xml}: the engine's own query and authorization check, with the
 * grants looked up so that the database reads them once instead of once per open task. At 20,000
 * open tasks this is the difference between a count of about 1.5 s and one of a few milliseconds
 * on PostgreSQL (README, Performance).
 */
@Component
class TaskQueryAuthorization extends AbstractProcessEnginePlugin {

  static final String MAPPER = "org/equitymark/engine/task-query-authorization.xml";
  static final String SUFFIX = "_grantsBySemiJoin";
  static final String LIST = "selectTaskByQueryCriteria";
  static final String COUNT = "selectTaskCountByQueryCriteria";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.isResourceLoaded(MAPPER)) {
      try (InputStream mapper = getClass().getClassLoader().getResourceAsStream(MAPPER)) {
        new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    DbSqlSessionFactory statements = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = new HashMap<>();
    if (statements.getStatementMappings() != null) {
      mappings.putAll(statements.getStatementMappings());
    }
    mappings.put(LIST, LIST + SUFFIX);
    mappings.put(COUNT, COUNT + SUFFIX);
    statements.setStatementMappings(mappings);
  }
}
