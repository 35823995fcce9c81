package org.equitymark.portal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.web.Refusals;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A task of the applicant's organisation at {@code /portal/tasks/{taskId}}, shown from the task's own
 * deployed Camunda Form and completed through the engine as the logged-in user: claimed and completed
 * in one transaction, so a refused submission leaves the task as it was, unclaimed, and shows the
 * reasons beside the fields. A dynamic list's "add a row" and "remove" buttons post the page back
 * without submitting it (no script needed). A task the user may not work answers 404.
 */
@Controller
class PortalTaskController {

  private final TaskService taskService;
  private final FormService formService;
  private final PortalForms forms;
  private final TransactionTemplate transaction;
  private final PortalClaimDocuments documents;
  private final FormTranslations translations;
  private final PortalLanguage portalLanguage;
  private final Refusals refusals;
  private final PortalGapAnalysis gapAnalysis;

  PortalTaskController(TaskService taskService, FormService formService, PortalForms forms, TransactionTemplate transaction,
      PortalClaimDocuments documents, FormTranslations translations, PortalLanguage portalLanguage, Refusals refusals,
      PortalGapAnalysis gapAnalysis) {
    this.taskService = taskService;
    this.formService = formService;
    this.forms = forms;
    this.transaction = transaction;
    this.documents = documents;
    this.translations = translations;
    this.portalLanguage = portalLanguage;
    this.refusals = refusals;
    this.gapAnalysis = gapAnalysis;
  }

  @GetMapping("/portal/tasks/{taskId}")
  ModelAndView show(@PathVariable String taskId, Principal user, HttpServletRequest request,
      HttpServletResponse response) {
    Task task = ownTask(taskId, user.getName());
    JsonNode schema = forms.schema(deployedForm(taskId));
    Map<String, Object> values = PortalForms.plain(taskService.getVariables(taskId));
    FormTranslations.Translation language = language(schema, values, request, response);
    return page(task, forms.views(schema, values, Map.of(), language), Map.of(), HttpStatus.OK, values);
  }

  @PostMapping("/portal/tasks/{taskId}")
  ModelAndView submit(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> posted,
      @RequestParam(name = PortalClaimDocuments.FIELD, required = false) MultipartFile document, Principal user,
      HttpServletRequest request, HttpServletResponse response) {
    Task task = ownTask(taskId, user.getName());
    JsonNode schema = forms.schema(deployedForm(taskId));
    Map<String, Object> values = PortalForms.plain(taskService.getVariables(taskId));
    FormTranslations.Translation language = language(schema, values, request, response);
    Locale locale = RequestContextUtils.getLocale(request);
    if (posted.containsKey(PortalForms.LIST_CHANGE)) {
      // a row added or removed: the same page again, nothing submitted
      return page(task, forms.views(schema, forms.redisplay(values, posted, schema), Map.of(), language), Map.of(),
          HttpStatus.OK, values);
    }
    Map<String, String> problems = new HashMap<>();
    String action = posted.getFirst(PortalClaimDocuments.ACTION);
    posted.remove(PortalClaimDocuments.ACTION);
    String indicator = posted.getFirst(PortalClaimDocuments.INDICATOR_FIELD);
    posted.remove(PortalClaimDocuments.INDICATOR_FIELD);
    boolean attaching = PortalClaimDocuments.ATTACH.equals(action) || (document != null && !document.isEmpty());
    if (documents.on(task) && (attaching || (action != null && action.startsWith(PortalClaimDocuments.REMOVE)))) {
      Map<String, Object> shown = forms.redisplay(values, posted, schema);
      if (attaching) {
        String problem = documents.attach(task, indicator,
            document, documents.view(task, forms.views(schema, values, Map.of(), language), values).indicators(),
            user.getName(), locale);
        if (problem != null) {
          problems.put(PortalClaimDocuments.FIELD, problem);
        }
      } else if (!documents.remove(task, action.substring(PortalClaimDocuments.REMOVE.length()))) {
        throw PortalController.notFound();
      }
      if (!problems.isEmpty() || action != null) {
        return page(task, forms.views(schema, shown, Map.of(), language), problems,
            problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST, values);
      }
    }
    VariableMap submission = forms.submission(schema, values, posted, problems, language);
    if (problems.isEmpty()) {
      try {
        transaction.executeWithoutResult(status -> {
          if (task.getAssignee() == null) {
            taskService.claim(taskId, user.getName());
          }
          taskService.complete(taskId, submission);
        });
        return new ModelAndView("redirect:/portal/?done=" + task.getTaskDefinitionKey());
      } catch (InvalidSubmissionException refused) {
        refused.problems().forEach((field, reason) -> problems.put(field, refusals.inLanguage(reason, locale)));
      }
    }
    return page(task, forms.views(schema, forms.redisplay(values, posted, schema), problems, language), problems,
        HttpStatus.BAD_REQUEST, values);
  }

  /** The page speaks the case's language unless the person chose one; the form's texts follow the page. */
  private FormTranslations.Translation language(JsonNode schema, Map<String, Object> values, HttpServletRequest request,
      HttpServletResponse response) {
    portalLanguage.preferCase(request, response, values.get("preferredLanguage") instanceof String preferred ? preferred : null);
    Locale locale = RequestContextUtils.getLocale(request);
    gapAnalysis.inLanguage(values, locale);
    return translations.of(schema, locale);
  }

  private ModelAndView page(Task task, List<FormView> components, Map<String, String> problems, HttpStatus status,
      Map<String, Object> values) {
    Map<String, Object> model = new HashMap<>(Map.of(
        "task", PortalCases.task(task), "components", components, "problems", problems));
    if (documents.on(task)) {
      model.put("documents", documents.view(task, components, values));
    }
    ModelAndView page = new ModelAndView("portal/task", model);
    page.setStatus(status);
    return page;
  }

  /** The task, when it is one the user's organisation is to do (candidate or assignee); 404 otherwise. */
  private Task ownTask(String taskId, String userId) {
    if (taskId == null || taskId.length() > 64) {
      throw PortalController.notFound();
    }
    Task task = taskService.createTaskQuery().taskId(taskId)
        .or().taskCandidateUser(userId).taskAssignee(userId).endOr().singleResult();
    if (task == null || (task.getAssignee() != null && !task.getAssignee().equals(userId))) {
      throw PortalController.notFound();
    }
    return task;
  }

  private InputStream deployedForm(String taskId) {
    try {
      return formService.getDeployedTaskForm(taskId);
    } catch (AuthorizationException e) {
      throw PortalController.notFound();
    } catch (ProcessEngineException e) {
      throw PortalController.notFound();
    }
  }
}
