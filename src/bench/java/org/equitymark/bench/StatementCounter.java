package org.equitymark.bench;

import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Counts the SQL statements the engine runs on the calling thread (each execution, batched or not:
 * MyBatis binds the values of every one). Our own statements on the em_* tables (JdbcTemplate) are not
 * counted, so ours is a lower bound.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "parameterize", args = Statement.class))
final class StatementCounter implements Interceptor {

  private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);
  /** With {@code -Dbench.statementNames=true}, the name of each statement run on this thread (diagnosis). */
  private static final boolean NAMES = Boolean.getBoolean("bench.statementNames");
  private static final ThreadLocal<List<String>> NAMES_RUN = ThreadLocal.withInitial(ArrayList::new);

  /** Counts the statements of this engine from now on (once per engine, however often it is called). */
  static void install(ProcessEngine engine) {
    Configuration mybatis = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getSqlSessionFactory().getConfiguration();
    synchronized (mybatis) {
      if (mybatis.getInterceptors().stream().noneMatch(StatementCounter.class::isInstance)) {
        mybatis.addInterceptor(new StatementCounter());
      }
    }
  }

  /** The statements run on this thread so far, by every engine counted. */
  static long onThisThread() {
    return COUNT.get()[0];
  }

  /** The names of the statements run on this thread since the last call (none unless {@link #NAMES}). */
  static List<String> namesSinceLastCall() {
    List<String> names = List.copyOf(NAMES_RUN.get());
    NAMES_RUN.get().clear();
    return names;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    COUNT.get()[0]++;
    if (NAMES) {
      Object handler = invocation.getTarget();
      while (Proxy.isProxyClass(handler.getClass())) { // another plugin around the statement handler
        handler = SystemMetaObject.forObject(Proxy.getInvocationHandler(handler)).getValue("target");
      }
      String id = (String) SystemMetaObject.forObject(handler).getValue("delegate.mappedStatement.id");
      NAMES_RUN.get().add(id.substring(id.lastIndexOf('.') + 1));
    }
    return invocation.proceed();
  }
}
