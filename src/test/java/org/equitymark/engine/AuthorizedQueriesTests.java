package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On PostgreSQL task and variable queries run through {@code authorized-queries.xml}; these tests hold them to the
 * engine's own statements: for users who see tasks and variables through each kind of grant (their
 * group as candidate, a grant to the user, a grant on the process definition or the instance, a
 * grant on '*') and for none, both statements must find the same rows and count them alike (the
 * order is the engine's own ORDER BY in both; where it is total, by id, the lists are compared in
 * order).
 */
class AuthorizedQueriesTests extends ProcessTestSupport {

  private static final String PROCESS = "authorizedQueriesProbe";

  @Autowired AuthorizationService authorizationService;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfigurationImpl configuration;

  private final List<String> tasks = new ArrayList<>();
  private final List<String> grants = new ArrayList<>();
  private String deployment;
  private Task candidateTask;
  private Task userGrantTask;
  private Task otherGroupsTask;
  private Task processTask;

  @BeforeEach
  void probes() {
    deployment = repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("probe").name("Probe").camundaCandidateGroups("probeOthers").endEvent().done())
        .deploy().getId();
    candidateTask = standaloneTask("Alpha", "probeA");
    userGrantTask = standaloneTask("Bravo", "probeOthers");
    otherGroupsTask = standaloneTask("Charlie", "probeOthers");
    grant(Resources.TASK, userGrantTask.getId(), "probeUser", null, Permissions.READ);
    String instance = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("probeCase", "A case")).getId();
    processTask = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    grant(Resources.PROCESS_DEFINITION, PROCESS, null, "probeB", Permissions.READ_TASK);
    grant(Resources.PROCESS_INSTANCE, instance, null, "probeC", Permissions.READ);
    grant(Resources.TASK, "*", null, "probeAll", Permissions.READ);
    grant(Resources.PROCESS_INSTANCE, "*", null, "probeAll", Permissions.READ);
  }

  @AfterEach
  void removeProbes() {
    identityService.clearAuthentication();
    grants.forEach(authorizationService::deleteAuthorization);
    tasks.forEach(id -> taskService.deleteTask(id, true));
    repositoryService.deleteDeployment(deployment, true);
  }

  @Test
  void shouldAnswerTaskAndVariableQueriesThroughTheSemiJoinStatementsOnPostgresOnly() {
    boolean postgres = configuration.getDatabaseType().equals("postgres");
    assertThat(AuthorizedQueries.appliesTo(configuration.getDatabaseType())).isEqualTo(postgres);
    for (String statement : AuthorizedQueries.STATEMENTS) {
      assertThat(configuration.getDbSqlSessionFactory().mapStatement(statement))
          .isEqualTo(postgres ? statement + AuthorizedQueries.SUFFIX : statement);
    }
  }

  @Test
  void shouldLetEachKindOfGrantShowItsTasksAndNoOthers() {
    assertThat(visibleTasks("probeUser", "probeA"))
        .contains(candidateTask.getId(), userGrantTask.getId())
        .doesNotContain(otherGroupsTask.getId(), processTask.getId());
    assertThat(visibleTasks("probeUser", "probeB"))
        .contains(userGrantTask.getId(), processTask.getId())
        .doesNotContain(candidateTask.getId(), otherGroupsTask.getId());
    assertThat(visibleTasks("probeNobody"))
        .doesNotContain(candidateTask.getId(), userGrantTask.getId(), otherGroupsTask.getId(), processTask.getId());
    assertThat(visibleTasks("probeNobody", "probeAll"))
        .contains(candidateTask.getId(), userGrantTask.getId(), otherGroupsTask.getId(), processTask.getId());
  }

  @Test
  void shouldLetEachKindOfGrantShowItsVariablesAndNoOthers() {
    assertThat(visibleVariables("probeUser")).contains("Bravo note").doesNotContain("Alpha note", "A case");
    assertThat(visibleVariables("probeNobody", "probeC")).contains("A case").doesNotContain("Bravo note");
    assertThat(visibleVariables("probeNobody", "probeA", "probeB")).contains("Alpha note")
        .doesNotContain("A case", "Bravo note");
    assertThat(visibleVariables("probeNobody", "probeAll")).contains("A case", "Alpha note", "Bravo note");
  }

  @Test
  void shouldCountAGrantOnlyForItsOwnKindOfResource() {
    assumeTrue(AuthorizedQueries.appliesTo(configuration.getDatabaseType()), "the engine's own statements run here");
    // given: a task grant whose resource id is the process's key (the engine compares every kind of
    // grant with every column, so for it this grant reads like a grant on the process definition)
    grant(Resources.TASK, PROCESS, null, "probeD", Permissions.READ);

    // then: the task grant shows no task of the process; the engine's statement would show its task
    assertThat(visibleTasks("probeNobody", "probeD")).doesNotContain(processTask.getId());
    assertThat(enginesOwn(() -> visibleTasks("probeNobody", "probeD"))).contains(processTask.getId());
  }

  @Test
  void shouldFindAndCountWhatTheEnginesOwnStatementsFind() {
    assumeTrue(AuthorizedQueries.appliesTo(configuration.getDatabaseType()), "the engine's own statements run here");
    List<Supplier<Query<?, ?>>> queries = List.of(
        () -> taskService.createTaskQuery(),
        () -> taskService.createTaskQuery().orderByTaskName().asc(),
        () -> taskService.createTaskQuery().taskCandidateGroup("probeA"),
        () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of("probeA", "probeOthers"))
            .includeAssignedTasks().orderByTaskCreateTime().desc(),
        () -> taskService.createTaskQuery().processDefinitionKey(PROCESS),
        () -> taskService.createTaskQuery().or().taskCandidateGroup("probeA").taskName("Probe").endOr()
            .orderByTaskName().desc(),
        () -> runtimeService.createVariableInstanceQuery(),
        () -> runtimeService.createVariableInstanceQuery().variableNameIn("probeCase", "note"),
        () -> runtimeService.createVariableInstanceQuery().taskIdIn(userGrantTask.getId(), candidateTask.getId()));
    List<List<String>> users = List.of(List.of("probeUser", "probeA"), List.of("probeUser", "probeB"),
        List.of("probeNobody", "probeC"), List.of("probeNobody"), List.of("probeNobody", "probeAll"),
        List.of("finance1", "finance"), List.of("manager1", "scheme-managers"));
    for (List<String> user : users) {
      identityService.setAuthentication(user.get(0), user.subList(1, user.size()));
      for (int i = 0; i < queries.size(); i++) {
        String which = user + " query " + i;
        List<String> ours = ids(queries.get(i).get().list());
        int query = i;
        List<String> engines = enginesOwn(() -> ids(queries.get(query).get().list()));
        if (i == 0 || i == 6) {
          assertThat(ours).as(which + ", ordered by id").isEqualTo(engines);
        } else {
          assertThat(ours).as(which).containsExactlyInAnyOrderElementsOf(engines);
        }
        assertThat(queries.get(i).get().count()).as(which).isEqualTo(enginesOwn(() -> queries.get(query).get().count()));
      }
      identityService.clearAuthentication();
    }
  }

  private List<String> visibleTasks(String user, String... groups) {
    return authenticated(user, groups, () -> ids(taskService.createTaskQuery().list()));
  }

  private List<Object> visibleVariables(String user, String... groups) {
    return authenticated(user, groups,
        () -> runtimeService.createVariableInstanceQuery().variableNameIn("probeCase", "note").list().stream().map(VariableInstance::getValue).toList());
  }

  private <T> T authenticated(String user, String[] groups, Supplier<T> query) {
    identityService.setAuthentication(user, List.of(groups));
    try {
      return query.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** What the engine's own statements answer: the same public query with this class's mappings taken out. */
  private <T> T enginesOwn(Supplier<T> query) {
    DbSqlSessionFactory statements = configuration.getDbSqlSessionFactory();
    Map<String, String> ours = statements.getStatementMappings();
    Map<String, String> engines = new HashMap<>(ours);
    AuthorizedQueries.STATEMENTS.forEach(engines::remove);
    statements.setStatementMappings(engines);
    try {
      return query.get();
    } finally {
      statements.setStatementMappings(ours);
    }
  }

  private static List<String> ids(List<?> rows) {
    Function<Object, String> id = row -> row instanceof Task task ? task.getId() : ((DbEntity) row).getId();
    return rows.stream().map(id).toList();
  }

  private Task standaloneTask(String name, String candidateGroup) {
    Task task = taskService.newTask();
    task.setName(name);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), candidateGroup);
    taskService.setVariableLocal(task.getId(), "note", name + " note");
    tasks.add(task.getId());
    return task;
  }

  private void grant(Resource resource, String resourceId, String user, String group, Permission permission) {
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.setUserId(user);
    authorization.setGroupId(group);
    authorization.addPermission(permission);
    grants.add(authorizationService.saveAuthorization(authorization).getId());
  }
}
