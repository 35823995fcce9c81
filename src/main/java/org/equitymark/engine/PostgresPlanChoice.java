package org.equitymark.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.DefaultReflectorFactory;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.ReflectorFactory;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.postgresql.PGStatement;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the statements whose best plan depends on how many rows their values select are
 * planned for those values each time they run: the engine's permission tests joined to a query (how
 * many grants a group holds) and Tasklist's task lists (how many tasks a candidate group or an assignee has). Every
 * other statement may be prepared once and reuse a plan, as on a bare engine.
 *
 * <p>The JDBC driver turns a statement run five times on a connection into a prepared one, and
 * PostgreSQL may then switch to a generic plan made without the values. For Camunda's authorization
 * join that plan cannot use the statistics on the permission bits ({@code PERMS_ & ?} is not
 * {@code PERMS_ & 2}), expects one grant, and compares every grant of a staff group with every task:
 * the sixth "Payments to confirm" of a connection took minutes at 100,000 open tasks where the first
 * five took a fifth of a second (benchmark part 2). A task list's generic plan expects a candidate
 * group to hold an average group's share of the tasks (one organisation's), not support officers'
 * sixth of them: with it "My group's tasks" took 259 ms at 100,000 open tasks instead of 169 ms. For
 * an applicant, whose organisation's group is such an average group, the generic plan is right.
 * Those statements are never prepared on the server (the driver's prepare threshold 0 for them: an
 * unnamed statement, planned at each run).
 *
 * <p>Planning every statement each time (as {@code plan_cache_mode = force_custom_plan} did for
 * whole connections) cost more than running many of them: Tasklist's three requests for a list spent
 * 7-12 ms planning at 20,000 open tasks, 3 ms of it for the task cards' variables, whose look-up by
 * variable scope ({@link AuthorizedQueries}: grants by index into hashed lists) does not depend on
 * the values' counts. Nor does the engine's check of one permission on one resource (before a task
 * is completed, a filter run, …), which looks each grant up by its resource id: planned each time,
 * it cost 0.6-0.8 ms of planning for 0.1 ms of running.
 */
@Component
@EngineTuning.Part
class PostgresPlanChoice extends AbstractProcessEnginePlugin {

  private final StaffGroups staffGroups;

  PostgresPlanChoice(StaffGroups staffGroups) {
    this.staffGroups = staffGroups;
  }

  /** The engine's statements for task lists and their counts (and ours in their place). */
  private static final List<String> TASK_LISTS = List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
  /**
   * Permission tests whose plan is the same whatever the values: the engine's check of one permission
   * on one resource (or on '*'), every grant found by its resource id, and the filter list (a handful
   * of filters).
   */
  private static final List<String> PLAN_INDEPENDENT_OF_VALUES = List.of("isUserAuthorizedForResource",
      "selectFilterByQueryCriteria", "selectFilterCountByQueryCriteria");

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new PlannedForItsValues(this));
    }
  }

  /**
   * Marks an applicant's task list. The driver keeps one prepared statement per SQL text on a
   * connection and runs a text it has prepared as prepared even where the threshold is 0, so a staff
   * list whose text happened to equal an applicant's (same number of groups, same criteria) would run
   * the applicant's generic plan: marked, the two never share a text.
   */
  static final String APPLICANTS_TASK_LIST = "/* an applicant's task list: may keep a plan */ ";

  /**
   * The SQL to run: an applicant's task list marked ({@link #APPLICANTS_TASK_LIST}), as it may keep a
   * plan. The generic plan expects a candidate group to hold an average group's share of the tasks,
   * which is what an organisation's group holds; planned each time, an applicant's list and count
   * spent 4 ms planning for 0.6 ms of running at 20,000 open tasks.
   */
  String sqlToRun(String statementId, String sql, List<String> userGroups) {
    return taskList(statementId) && applicant(userGroups) ? APPLICANTS_TASK_LIST + sql : sql;
  }

  /** Whether a statement (as {@link #sqlToRun} gives it) must be planned for its values each time it runs. */
  static boolean plannedForItsValues(String statementId, String sql) {
    String name = name(statementId);
    boolean enginesPermissionTest = sql.contains("PERMS_ &") && !name.endsWith(AuthorizedQueries.SUFFIX)
        && !PLAN_INDEPENDENT_OF_VALUES.contains(name);
    boolean staffTaskList = taskList(statementId) && !sql.startsWith(APPLICANTS_TASK_LIST);
    return enginesPermissionTest || staffTaskList;
  }

  private static boolean taskList(String statementId) {
    return TASK_LISTS.stream().anyMatch(name(statementId)::startsWith);
  }

  /** A MyBatis statement's name without its namespace. */
  private static String name(String statementId) {
    return statementId.substring(statementId.lastIndexOf('.') + 1);
  }

  /** A user in groups, none of them a staff role's (an applicant: its organisation's group and "applicants"). */
  private boolean applicant(List<String> userGroups) {
    return !userGroups.isEmpty() && userGroups.stream().noneMatch(staffGroups.ids()::contains);
  }

  /** The groups of the user a query is authorized for, none when it runs without an authorization check. */
  static List<String> userGroups(Object parameter) {
    if (parameter instanceof ListQueryParameterObject query && query.getAuthCheck() != null
        && query.getAuthCheck().isAuthorizationCheckEnabled() && query.getAuthCheck().getAuthGroupIds() != null) {
      return query.getAuthCheck().getAuthGroupIds();
    }
    return List.of();
  }

  /** Sets the driver's prepare threshold to 0 on the statements {@link #plannedForItsValues} names. */
  @Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
  static final class PlannedForItsValues implements Interceptor {

    /**
     * What reflection finds on the engine's statement handlers, found once per class.
     * {@code SystemMetaObject.forObject} makes a new factory on every call, so each statement
     * looked at every method of three classes again: a third of the app's CPU in benchmark part 6.
     */
    private static final ReflectorFactory REFLECTORS = new DefaultReflectorFactory();

    private final PostgresPlanChoice choice;

    PlannedForItsValues(PostgresPlanChoice choice) {
      this.choice = choice;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      StatementHandler handler = (StatementHandler) invocation.getTarget();
      MetaObject meta = MetaObject.forObject(handler, SystemMetaObject.DEFAULT_OBJECT_FACTORY,
          SystemMetaObject.DEFAULT_OBJECT_WRAPPER_FACTORY, REFLECTORS);
      String statementId = (String) meta.getValue("delegate.mappedStatement.id");
      String sql = choice.sqlToRun(statementId, handler.getBoundSql().getSql(),
          userGroups(handler.getParameterHandler().getParameterObject()));
      if (!sql.equals(handler.getBoundSql().getSql())) {
        meta.setValue("delegate.boundSql.sql", sql);
      }
      Statement statement = (Statement) invocation.proceed();
      if (plannedForItsValues(statementId, sql)) {
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
