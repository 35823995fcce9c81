package org.equitymark.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's statements that test permission bits are planned for the values they
 * run with, every time; every other statement may be prepared once and reuse a plan, as on a bare
 * engine.
 *
 * <p>The JDBC driver turns a statement run five times on a connection into a prepared one, and
 * PostgreSQL may then switch to a generic plan made without the values. For Camunda's authorization
 * join that plan cannot use the statistics on the permission bits ({@code PERMS_ & ?} is not
 * {@code PERMS_ & 2}), expects one grant, and compares every grant of a staff group with every task:
 * the sixth "Payments to confirm" of a connection took minutes at 100,000 open tasks where the first
 * five took a fifth of a second (benchmark part 2). Those statements are therefore never prepared on
 * the server (the driver's prepare threshold 0 for them: an unnamed statement, planned at each run).
 *
 * <p>Planning every statement each time (as {@code plan_cache_mode = force_custom_plan} did for
 * whole connections) cost more than running them: Tasklist's three requests for a list spent 7-12 ms
 * planning at 20,000 open tasks. Tasklist's task and variable statements ({@link AuthorizedQueries})
 * look the grants up by index into hashed lists, a plan that does not depend on how many grants are
 * expected, so they keep the driver's default and may get a generic plan, like every statement
 * without a permission test.
 */
@Component
class PostgresPlanChoice extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new PlannedForItsValues());
    }
  }

  /** Whether a statement must be planned for its values each time it runs. */
  static boolean plannedForItsValues(String statementId, String sql) {
    return sql.contains("PERMS_ &") && !statementId.endsWith(AuthorizedQueries.SUFFIX);
  }

  /** Sets the driver's prepare threshold to 0 on the statements {@link #plannedForItsValues} names. */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class PlannedForItsValues implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Statement statement = (Statement) invocation.proceed();
      StatementHandler handler = (StatementHandler) invocation.getTarget();
      String statementId = (String) SystemMetaObject.forObject(handler).getValue("delegate.mappedStatement.id");
      if (plannedForItsValues(statementId, handler.getBoundSql().getSql())) {
        neverPrepared(statement);
      }
      return statement;
    }

    private static void neverPrepared(Statement statement) throws SQLException {
      if (statement.isWrapperFor(PGStatement.class)) {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
    }
  }
}
