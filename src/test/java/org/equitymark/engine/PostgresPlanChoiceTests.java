package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which statements PostgreSQL may keep a plan for ({@link PostgresPlanChoice}): after running each
 * query more often than the driver's prepare threshold on one connection, the variable query of
 * Tasklist's task cards (ours, grants looked up by kind) and the engine's check of one permission on
 * one resource are prepared statements on the server, and neither the task list nor the engine's own
 * authorization join (here the process-instance query Cockpit makes) ever is, so PostgreSQL plans
 * them for their values every time.
 */
class PostgresPlanChoiceTests extends ProcessTestSupport {

  private static final int MORE_THAN_THE_DRIVERS_THRESHOLD = 8;

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired AuthorizationService authorizationService;
  @Autowired PostgresPlanChoice planChoice;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  private static final List<String> FINANCE = List.of("finance");
  private static final List<String> APPLICANT = List.of("applicants", "org-plan-choice");
  private static final String FINANCES_LIST = "plan choice: finance";
  private static final String APPLICANTS_LIST = "plan choice: applicant";

  @Test
  void shouldPlanTheEnginesPermissionTestsAndStaffTaskListsForTheirValues() {
    String entity = "org.camunda.bpm.engine.impl.persistence.entity.";
    assertThat(PostgresPlanChoice.plannedForItsValues(entity + "ExecutionEntity.selectProcessInstanceByQueryCriteria",
        "select ... where AUTH.RESOURCE_ID_ IN (...) and A.PERMS_ & ? = ?")).isTrue();
    String taskCount = entity + "AuthorizationEntity.selectTaskCountByQueryCriteria" + AuthorizedQueries.SUFFIX;
    String countSql = "select ... where A.PERMS_ & ? = ?";
    assertThat(PostgresPlanChoice.plannedForItsValues(taskCount,
        planChoice.sqlToRun(taskCount, countSql, FINANCE))).isTrue();
    assertThat(planChoice.sqlToRun(taskCount, countSql, APPLICANT))
        .isEqualTo(PostgresPlanChoice.APPLICANTS_TASK_LIST + countSql);
    assertThat(PostgresPlanChoice.plannedForItsValues(taskCount,
        planChoice.sqlToRun(taskCount, countSql, APPLICANT))).as("an applicant's task list").isFalse();
    String taskList = entity + "TaskEntity.selectTaskByQueryCriteria";
    String listSql = "select ... from ACT_RU_TASK RES where RES.ASSIGNEE_ = ?";
    assertThat(planChoice.sqlToRun(taskList, listSql, List.of())).as("without authorization").isEqualTo(listSql);
    assertThat(planChoice.sqlToRun(taskList, listSql, List.of("applicants", "assessors")))
        .as("an applicant who is also staff").isEqualTo(listSql);
    assertThat(PostgresPlanChoice.plannedForItsValues(taskList, listSql)).isTrue();
    assertThat(planChoice.sqlToRun(entity + "ExecutionEntity.selectProcessInstanceByQueryCriteria", listSql,
        APPLICANT)).as("not a task list").isEqualTo(listSql);
    assertThat(PostgresPlanChoice.plannedForItsValues(
        entity + "AuthorizationEntity.selectVariableInstanceByQueryCriteria" + AuthorizedQueries.SUFFIX,
        "select ... where A.PERMS_ & ? = ?")).isFalse();
    assertThat(PostgresPlanChoice.plannedForItsValues(entity + "AuthorizationEntity.isUserAuthorizedForResource",
        "SELECT CASE WHEN EXISTS (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.PERMS_ & ? = ? "
            + "AND A.RESOURCE_ID_ = ?) THEN 1 ELSE 0 END")).isFalse();
    assertThat(PostgresPlanChoice.plannedForItsValues(entity + "FilterEntity.selectFilterByQueryCriteria",
        "select distinct RES.* from ACT_RU_FILTER RES left join (... A.PERMS_ & 2 = 2 ...)")).isFalse();
    assertThat(PostgresPlanChoice.plannedForItsValues(entity + "JobEntity.selectNextJobsToExecute",
        "select RES.* from ACT_RU_JOB RES where RES.DUEDATE_ <= ?")).isFalse();
  }

  @Test
  void shouldKeepAPlanForTaskCardVariablesAndSingleChecksButNotForTaskListsOrTheEnginesAuthorizationJoin() {
    assumeTrue(TestDatabase.postgres(), "plans are kept by PostgreSQL's prepared statements");
    assertThat(configuration.isAuthorizationEnabled()).as("the engine tests finance's grants").isTrue();
    identityService.setAuthentication("finance1", List.of("finance"));
    List<String> prepared = configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      for (int i = 0; i < MORE_THAN_THE_DRIVERS_THRESHOLD; i++) {
        // one command (so one connection) whose session must not answer a query again from its cache
        commandContext.getDbSqlSession().getSqlSession().clearCache();
        taskService.createTaskQuery().taskCandidateGroup("finance").taskName(FINANCES_LIST).listPage(0, 15);
        runtimeService.createVariableInstanceQuery().variableScopeIdIn("aCase", "itsTask")
            .variableNameIn("applicationReference").list();
        runtimeService.createProcessInstanceQuery().processDefinitionKey("certification").listPage(0, 15);
        authorizationService.isUserAuthorized("finance1", List.of("finance"), Permissions.READ, Resources.FILTER, "aFilter");
      }
      return preparedOn(commandContext.getDbSqlSession().getSqlSession().getConnection());
    });
    assertThat(prepared).anyMatch(sql -> sql.contains("ACT_RU_VARIABLE RES") && sql.contains("GRANTS_CHECKED"));
    assertThat(prepared).noneMatch(sql -> staffTaskList(sql));
    assertThat(prepared).as("the check of one permission on one resource").anyMatch(PostgresPlanChoiceTests::singleResourceCheck);
    assertThat(prepared).as("the process-instance query's authorization join")
        .noneMatch(sql -> sql.contains("PERMS_ &") && sql.replaceAll("\\s+", " ").contains("ACT_RU_EXECUTION RES"));
  }

  @Test
  void shouldKeepAPlanForAnApplicantsTaskList() {
    assumeTrue(TestDatabase.postgres(), "plans are kept by PostgreSQL's prepared statements");
    List<String> staffInTwoGroups = List.of("assessors", "moderators");
    List<String> prepared = configuration.getCommandExecutorTxRequired().execute(commandContext -> {
      for (int i = 0; i < MORE_THAN_THE_DRIVERS_THRESHOLD; i++) {
        commandContext.getDbSqlSession().getSqlSession().clearCache();
        identityService.setAuthentication("applicant-plan-choice", APPLICANT);
        taskService.createTaskQuery().taskCandidateGroupIn(APPLICANT).taskDescription(APPLICANTS_LIST).listPage(0, 15);
        // the same statement with the same number of groups, as staff: must not run the applicant's plan
        identityService.setAuthentication("assessor-plan-choice", staffInTwoGroups);
        taskService.createTaskQuery().taskCandidateGroupIn(staffInTwoGroups).taskDescription(APPLICANTS_LIST)
            .listPage(0, 15);
      }
      return preparedOn(commandContext.getDbSqlSession().getSqlSession().getConnection());
    });
    assertThat(prepared).filteredOn(sql -> taskList(sql) && sql.contains("UPPER(RES.DESCRIPTION_) ="))
        .isNotEmpty().allMatch(sql -> sql.startsWith(PostgresPlanChoice.APPLICANTS_TASK_LIST));
  }

  /**
   * Finance's task list of the test above, told from other tests' lists on the same pooled connection
   * by its criterion on the task name (the applicant's names the description).
   */
  private static boolean staffTaskList(String sql) {
    return taskList(sql) && sql.contains("UPPER(RES.NAME_) =");
  }

  private static boolean taskList(String sql) {
    return sql.contains("ACT_RU_TASK RES") && sql.contains("GRANTS_CHECKED");
  }

  /** The engine's check of permissions on one resource, alone or several at once (SELECT COALESCE(...)). */
  private static boolean singleResourceCheck(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ");
    return oneLine.contains("CASE WHEN EXISTS") && oneLine.contains("PERMS_ &") && !oneLine.contains("RES.");
  }

  private static List<String> preparedOn(Connection connection) {
    List<String> statements = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select statement from pg_prepared_statements")) {
      while (rows.next()) {
        statements.add(rows.getString(1));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return statements;
  }
}
