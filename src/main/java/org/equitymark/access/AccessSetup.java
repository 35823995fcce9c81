package org.equitymark.access;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.AUTHORIZATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.GROUP_MEMBERSHIP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.REPORT;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.equitymark.process.CertificationProcess;
import org.equitymark.tasklist.TaskCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, on every start and idempotently, the role groups, what each may do (authorization is
 * on: nothing is visible without a grant), and the Tasklist filters that fit each role. Users are
 * not created here: only the demo profile creates users.
 *
 * <p>Applicants get no grant on other organisations' data: they see a task because their
 * organisation's group is its candidate group, and a case because registration grants their group
 * READ on that one process instance.
 */
@Component
@Order(1)
public class AccessSetup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);

  /** Priorities of the filters: Tasklist lists them in this order and opens the first. */
  static final int MANAGERS_QUEUE = -30;
  static final int ROLE_QUEUE = -20;
  static final int MY_TASKS = -5;
  /** Process {@code assessor-declaration} (allocation/AssessorDeclarationProcess), which assessors start. */
  static final String ASSESSOR_DECLARATION = "assessor-declaration";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  public AccessSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @Override
  public void run(ApplicationArguments args) {
    Groups.all().forEach(g -> ensureGroup(g.get(0), g.get(1)));

    grant(Groups.APPLICANTS, APPLICATION, "tasklist", ACCESS);
    grant(Groups.APPLICANTS, PROCESS_DEFINITION, CertificationProcess.KEY, READ, CREATE_INSTANCE);
    grant(Groups.APPLICANTS, PROCESS_INSTANCE, "*", CREATE);

    for (String staff : Groups.TASK_WORKERS) {
      grant(staff, APPLICATION, "tasklist", ACCESS);
      grant(staff, PROCESS_DEFINITION, "*", READ);
    }

    // an assessor declares its own interests from Tasklist's Start process (and may start nothing else)
    grant(Groups.ASSESSORS, PROCESS_DEFINITION, ASSESSOR_DECLARATION, READ, CREATE_INSTANCE);
    grant(Groups.ASSESSORS, PROCESS_INSTANCE, "*", CREATE);

    String managers = Groups.SCHEME_MANAGERS;
    grant(managers, APPLICATION, "*", ACCESS);
    for (Resource resource : List.of(PROCESS_DEFINITION, PROCESS_INSTANCE, TASK, BATCH,
        DECISION_DEFINITION, HISTORIC_TASK, HISTORIC_PROCESS_INSTANCE, USER, GROUP, GROUP_MEMBERSHIP)) {
      grant(managers, resource, "*", ALL);
    }
    for (Resource resource : List.of(DEPLOYMENT, DECISION_REQUIREMENTS_DEFINITION, REPORT, AUTHORIZATION)) {
      grant(managers, resource, "*", READ);
    }
    grant(managers, OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);

    createFilters();
    LOG.info("Role groups, authorizations and Tasklist filters are in place");
  }

  /**
   * Each role's own queue comes first, so Tasklist opens it; "My tasks" follows, then the wider
   * lists. A queue lists its group's open tasks, claimed or not, so a team sees its whole workload.
   */
  private void createFilters() {
    filter("My organisation's tasks", -10, "Tasks for the organisations you act for",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks(),
        Groups.APPLICANTS);
    filter("Scheme management tasks", MANAGERS_QUEUE,
        "Manual allocations, framework reviews and other work for scheme managers",
        queueOf(Groups.SCHEME_MANAGERS), Groups.SCHEME_MANAGERS);
    filter("Payments to confirm", ROLE_QUEUE, "Invoices waiting for payment or a waiver",
        queueOf(Groups.FINANCE), Groups.FINANCE, Groups.SCHEME_MANAGERS);
    filter("Self-assessments to review", ROLE_QUEUE,
        "The supportive review: tell applicants what evidence they still need, and help with clarifications",
        queueOf(Groups.SUPPORT_OFFICERS), Groups.SUPPORT_OFFICERS, Groups.SCHEME_MANAGERS);
    filter("Assessments assigned to me", ROLE_QUEUE, "Assessments where you are the lead assessor",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")
            .processDefinitionKey(CertificationProcess.KEY),
        Groups.ASSESSORS);
    filter("Assessments to moderate", ROLE_QUEUE, "The four-eyes check of an assessment",
        queueOf(Groups.MODERATORS), Groups.MODERATORS, Groups.SCHEME_MANAGERS);
    filter("Certifications to approve", ROLE_QUEUE, "Assessed cases waiting for the certification panel",
        queueOf(Groups.CERTIFICATION_PANEL), Groups.CERTIFICATION_PANEL, Groups.SCHEME_MANAGERS);
    filter("Appeals to decide", ROLE_QUEUE, "Appeals for the independent appeals panel",
        queueOf(Groups.APPEALS_PANEL), Groups.APPEALS_PANEL, Groups.SCHEME_MANAGERS);
    filter("My tasks", MY_TASKS, "Tasks assigned to you",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
        Groups.TASK_WORKERS.toArray(String[]::new));
    filter("My group's tasks", 5, "Unclaimed tasks for your role",
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"),
        Groups.TASK_WORKERS.toArray(String[]::new));
    filter("All open tasks", 10, "Every open task of the scheme", taskService.createTaskQuery(), Groups.SCHEME_MANAGERS);
  }

  private TaskQuery queueOf(String group) {
    return taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
  }

  /** Creates the filter, or brings an existing one up to date (query, order, card variables), and grants READ on it. */
  private void filter(String name, int priority, String description, TaskQuery query, String... groups) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    boolean existed = filter != null;
    if (!existed) {
      filter = filterService.newTaskFilter(name);
    }
    Map<String, Object> propertiesBefore = filter.getProperties();
    filter.setQuery(query).setProperties(Map.of(
        "priority", priority,
        "description", description,
        "refresh", true,
        "variables", TaskCard.COLUMNS.stream()
            .map(column -> Map.of("name", column.variable().name(), "label", column.label())).toList()));
    // saved only when new or its properties changed (nodes of a cluster start together): a change of
    // a filter's query ships with a change of its properties (its description says what it lists)
    if (!existed || !filter.getProperties().equals(propertiesBefore)) {
      filterService.saveFilter(filter);
    }
    for (String group : groups) {
      grant(group, FILTER, filter.getId(), READ);
    }
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
