package org.equitymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Task queries run through {@code task-query-authorization.xml}; these tests hold them to the
 * engine's own statements: for users who see tasks through each kind of grant (their group as
 * candidate, a grant to the user, READ_TASK on the process definition, a grant on '*') and for none,
 * both statements must find the same tasks and count them alike (the order is the engine's own
 * ORDER BY in both; only where it is total, by id, are the lists compared in order).
 */
class TaskQueryAuthorizationTests extends ProcessTestSupport {

  private static final String PROCESS = "taskQueryProbe";

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
  void probeTasks() {
    deployment = repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("probe").name("Probe").camundaCandidateGroups("probeOthers").endEvent().done())
        .deploy().getId();
    candidateTask = standaloneTask("Alpha", "probeA");
    userGrantTask = standaloneTask("Bravo", "probeOthers");
    otherGroupsTask = standaloneTask("Charlie", "probeOthers");
    grant(Resources.TASK, userGrantTask.getId(), "probeUser", null, Permissions.READ);
    String instance = runtimeService.startProcessInstanceByKey(PROCESS).getId();
    processTask = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    grant(Resources.PROCESS_DEFINITION, PROCESS, null, "probeB", Permissions.READ_TASK);
    grant(Resources.TASK, "*", null, "probeAll", Permissions.READ);
  }

  @AfterEach
  void removeProbes() {
    identityService.clearAuthentication();
    grants.forEach(authorizationService::deleteAuthorization);
    tasks.forEach(id -> taskService.deleteTask(id, true));
    repositoryService.deleteDeployment(deployment, true);
  }

  @Test
  void shouldAnswerTaskQueriesThroughTheSemiJoinStatements() {
    assertThat(configuration.getDbSqlSessionFactory().mapStatement(TaskQueryAuthorization.COUNT))
        .isEqualTo(TaskQueryAuthorization.COUNT + TaskQueryAuthorization.SUFFIX);
    assertThat(configuration.getDbSqlSessionFactory().mapStatement(TaskQueryAuthorization.LIST))
        .isEqualTo(TaskQueryAuthorization.LIST + TaskQueryAuthorization.SUFFIX);
  }

  @Test
  void shouldLetEachKindOfGrantShowItsTasksAndNoOthers() {
    assertThat(visibleProbes("probeUser", "probeA"))
        .contains(candidateTask.getId(), userGrantTask.getId())
        .doesNotContain(otherGroupsTask.getId(), processTask.getId());
    assertThat(visibleProbes("probeUser", "probeB"))
        .contains(userGrantTask.getId(), processTask.getId())
        .doesNotContain(candidateTask.getId(), otherGroupsTask.getId());
    assertThat(visibleProbes("probeNobody"))
        .doesNotContain(candidateTask.getId(), userGrantTask.getId(), otherGroupsTask.getId(), processTask.getId());
    assertThat(visibleProbes("probeNobody", "probeAll"))
        .contains(candidateTask.getId(), userGrantTask.getId(), otherGroupsTask.getId(), processTask.getId());
  }

  @Test
  void shouldFindAndCountWhatTheEnginesOwnStatementsFind() {
    List<Supplier<TaskQuery>> queries = List.of(
        () -> taskService.createTaskQuery(),
        () -> taskService.createTaskQuery().orderByTaskName().asc(),
        () -> taskService.createTaskQuery().taskCandidateGroup("probeA"),
        () -> taskService.createTaskQuery().taskCandidateGroupIn(List.of("probeA", "probeOthers"))
            .includeAssignedTasks().orderByTaskCreateTime().desc(),
        () -> taskService.createTaskQuery().processDefinitionKey(PROCESS),
        () -> taskService.createTaskQuery().or().taskCandidateGroup("probeA").taskName("Probe").endOr()
            .orderByTaskName().desc());
    List<List<String>> users = List.of(List.of("probeUser", "probeA"), List.of("probeUser", "probeB"),
        List.of("probeNobody"), List.of("probeNobody", "probeAll"), List.of("finance1", "finance"),
        List.of("manager1", "scheme-managers"));
    for (List<String> user : users) {
      identityService.setAuthentication(user.get(0), user.subList(1, user.size()));
      for (int i = 0; i < queries.size(); i++) {
        String which = user + " query " + i;
        List<String> ours = queries.get(i).get().list().stream().map(Task::getId).toList();
        List<String> engines = enginesOwn(queries.get(i).get());
        if (i == 0) {
          assertThat(ours).as(which + ", ordered by id").isEqualTo(engines);
        } else {
          assertThat(ours).as(which).containsExactlyInAnyOrderElementsOf(engines);
        }
        assertThat(queries.get(i).get().count()).as(which).isEqualTo(enginesOwnCount(queries.get(i).get()));
      }
      identityService.clearAuthentication();
    }
  }

  private List<String> visibleProbes(String user, String... groups) {
    identityService.setAuthentication(user, List.of(groups));
    try {
      return taskService.createTaskQuery().list().stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private List<String> enginesOwn(TaskQuery query) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      List<TaskEntity> found = context.getDbSqlSession().getSqlSession()
          .selectList(TaskQueryAuthorization.LIST, configured(context, query));
      return found.stream().map(TaskEntity::getId).toList();
    });
  }

  private long enginesOwnCount(TaskQuery query) {
    return configuration.getCommandExecutorTxRequired().execute(context -> context.getDbSqlSession()
        .getSqlSession().<Long>selectOne(TaskQueryAuthorization.COUNT, configured(context, query)));
  }

  private static TaskQueryImpl configured(CommandContext context, TaskQuery query) {
    TaskQueryImpl impl = (TaskQueryImpl) query;
    context.getAuthorizationManager().configureTaskQuery(impl);
    context.getTenantManager().configureQuery(impl);
    return impl;
  }

  private Task standaloneTask(String name, String candidateGroup) {
    Task task = taskService.newTask();
    task.setName(name);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), candidateGroup);
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
