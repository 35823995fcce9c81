package org.equitymark.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.equitymark.access.ActingUser;
import org.equitymark.process.CertificationProcess;

/** Moves demo cases forward as the named users would, through the same engine API the webapps use. */
class CaseDriver {

  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;

  CaseDriver(IdentityService identityService, RuntimeService runtimeService, TaskService taskService,
      ManagementService managementService) {
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  String register(String userId, Map<String, Object> registration) {
    String id = as(userId, () ->
        runtimeService.startProcessInstanceByKey(CertificationProcess.KEY, registration).getId());
    runJobs(id);
    return id;
  }

  void complete(String userId, String processInstanceId, String taskKey, Map<String, Object> variables) {
    as(userId, () -> {
      Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(taskKey).singleResult();
      taskService.claim(task.getId(), userId);
      taskService.complete(task.getId(), variables);
      return null;
    });
    runJobs(processInstanceId);
  }

  String variable(String processInstanceId, String name) {
    return (String) runtimeService.getVariable(processInstanceId, name);
  }

  /** Runs the case's due asynchronous steps (mails) now: the job executor starts after the demo is seeded. */
  private void runJobs(String processInstanceId) {
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().processInstanceId(processInstanceId)
        .executable().messages().listPage(0, 100)).isEmpty()) {
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private <T> T as(String userId, java.util.function.Supplier<T> work) {
    return ActingUser.as(identityService, userId, work);
  }
}
