package org.equitymark.portal;

import static org.equitymark.process.CertificationProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.process.CertificationProcess;
import org.springframework.stereotype.Service;

/**
 * The applicant's cases, read through the engine as the logged-in user ({@link PortalUserInterceptor}):
 * the engine's authorization decides what is found, so another organisation's case is simply not there.
 */
@Service
class PortalCases {

  private static final int MAX_CASES = 200;
  private static final int MAX_TASKS = 100;
  /** The timers whose due date is a deadline the applicant should know, by the event's id. */
  static final List<String> DEADLINE_TIMERS = List.of(Elements.PAYMENT_OVERDUE, Elements.SELF_ASSESSMENT_IDLE,
      Elements.CLARIFICATION_ESCALATION_DUE, Elements.APPEAL_WINDOW_CLOSED);

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;

  PortalCases(RuntimeService runtimeService, TaskService taskService, ManagementService managementService) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  /** One case as the applicant sees it. */
  record CaseView(String reference, String processInstanceId, Map<String, Object> variables, CaseStep step,
      List<TaskView> tasks, List<Deadline> deadlines, List<String> history, List<DocumentView> documents) {

    String string(String name) {
      return variables.get(name) instanceof String s ? s : null;
    }

    public String organisationName() {
      return string(ORGANISATION_NAME.name());
    }

    public String workplaceArea() {
      return string(WORKPLACE_AREA.name());
    }

    public String targetLevel() {
      return string(TARGET_LEVEL.name());
    }

    public String preferredLanguage() {
      return string(PREFERRED_LANGUAGE.name());
    }

    public Object value(String name) {
      return variables.get(name);
    }

    /** Whether the assessment's outcome has been approved, so its findings are the applicant's to read. */
    public boolean decided() {
      return "approve".equals(variables.get(PANEL_DECISION.name())) && variables.get(OUTCOME.name()) != null;
    }

    public List<String> areas() {
      return EvidenceFramework.AREA_IDS;
    }
  }

  record TaskView(String id, String taskDefinitionKey, String name, LocalDate due, String assignee) {
  }

  record Deadline(String kind, LocalDate date) {
  }

  record DocumentView(String id, String name, String description) {
  }

  /** The cases the user may read, newest first, each with its tasks for the user. */
  List<CaseView> cases(String userId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(CertificationProcess.KEY)
        .orderByProcessInstanceId().desc().listPage(0, MAX_CASES).stream()
        .map(instance -> view(instance, userId))
        .sorted(Comparator.comparing(CaseView::reference).reversed())
        .toList();
  }

  /** One case by its reference, when the user may read it. */
  Optional<CaseView> find(String reference, String userId) {
    if (reference == null || !reference.matches("CC-[0-9]{4}-[0-9]{5}")) {
      return Optional.empty();
    }
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(CertificationProcess.KEY)
        .processInstanceBusinessKey(reference).listPage(0, 1).stream().findFirst()
        .map(instance -> view(instance, userId));
  }

  private CaseView view(ProcessInstance instance, String userId) {
    String id = instance.getId();
    Map<String, Object> variables = new LinkedHashMap<>(runtimeService.getVariables(id));
    List<String> active = new ArrayList<>(runtimeService.getActiveActivityIds(id));
    List<TaskView> tasks = tasks(instance.getBusinessKey(), userId);
    tasks.forEach(task -> active.add(task.taskDefinitionKey()));
    List<Deadline> deadlines = new ArrayList<>();
    Map<String, String> timerActivities = new HashMap<>();
    managementService.createJobDefinitionQuery().processDefinitionId(instance.getProcessDefinitionId()).list()
        .forEach(definition -> timerActivities.put(definition.getId(), definition.getActivityId()));
    for (Job timer : managementService.createJobQuery().processInstanceId(id).timers().list()) {
      String activity = timerActivities.get(timer.getJobDefinitionId());
      if (activity != null && DEADLINE_TIMERS.contains(activity) && timer.getDuedate() != null) {
        deadlines.add(new Deadline(activity, date(timer.getDuedate())));
      }
    }
    tasks.stream().filter(task -> task.due() != null)
        .forEach(task -> deadlines.add(new Deadline("task." + task.taskDefinitionKey(), task.due())));
    deadlines.sort(Comparator.comparing(Deadline::date));
    List<DocumentView> documents = taskService.getProcessInstanceAttachments(id).stream()
        .map(a -> new DocumentView(a.getId(), a.getName(), a.getDescription())).toList();
    return new CaseView(instance.getBusinessKey(), id, variables, CaseStep.of(active), tasks, deadlines,
        CaseHistory.of(variables), documents);
  }

  /** The open tasks of the case (every stage: the same business key) the user's organisation is to do. */
  private List<TaskView> tasks(String reference, String userId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .or().taskCandidateUser(userId).taskAssignee(userId).endOr()
        .orderByTaskCreateTime().asc().listPage(0, MAX_TASKS).stream()
        .map(PortalCases::task).toList();
  }

  static TaskView task(Task task) {
    return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
        task.getDueDate() == null ? null : date(task.getDueDate()), task.getAssignee());
  }

  /** A document of the case, when the user may read the case. */
  Optional<Attachment> document(String reference, String attachmentId, String userId) {
    return find(reference, userId).flatMap(c -> taskService.getProcessInstanceAttachments(c.processInstanceId())
        .stream().filter(a -> a.getId().equals(attachmentId)).findFirst());
  }

  static LocalDate date(Date date) {
    return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
