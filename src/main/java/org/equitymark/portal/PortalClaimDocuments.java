package org.equitymark.portal;

import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.PROVIDE_CLARIFICATION;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.equitymark.documents.ClaimDocuments;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.process.CertificationProcess;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents attached to claimed indicators on the portal's self-assessment and clarification pages:
 * which indicators a document may go with (those the form offers to claim, and those the case
 * claims), the case's documents, and attaching or removing one, with the refusal as the text shown
 * beside the field. The task has already been checked to be the user's ({@link PortalTaskController}).
 */
@Component
class PortalClaimDocuments {

  static final Set<String> TASKS = Set.of(COMPLETE_SELF_ASSESSMENT, PROVIDE_CLARIFICATION);
  static final String FIELD = "document";
  static final String INDICATOR_FIELD = "documentIndicator";
  static final String ACTION = "action";
  static final String ATTACH = "attach";
  static final String REMOVE = "remove:";

  /** What the page shows of documents: the indicators to choose from, the case's documents, the limit. */
  record DocumentsView(Map<String, String> indicators, List<ClaimDocuments.Document> documents, long maxMegabytes) {
  }

  private final ClaimDocuments documents;
  private final MessageSource messages;
  private final RuntimeService runtimeService;

  PortalClaimDocuments(ClaimDocuments documents, MessageSource messages, RuntimeService runtimeService) {
    this.documents = documents;
    this.messages = messages;
    this.runtimeService = runtimeService;
  }

  boolean on(Task task) {
    return TASKS.contains(task.getTaskDefinitionKey());
  }

  DocumentsView view(Task task, List<FormView> components, Map<String, Object> values) {
    return new DocumentsView(indicators(components, values), documents.of(task.getProcessInstanceId()),
        Math.max(1, documents.maxBytes() / (1024 * 1024)));
  }

  /** Attaches the posted document; the problem to show beside the field, or null when it was kept. */
  String attach(Task task, String indicatorId, MultipartFile file, Map<String, String> indicators, String userId,
      Locale locale) {
    if (indicatorId == null || !indicators.containsKey(indicatorId)) {
      return problem("indicator", locale);
    }
    try {
      documents.attach(task.getProcessInstanceId(), reference(task), task.getId(), indicatorId,
          file == null ? null : file.getOriginalFilename(), file == null ? new byte[0] : file.getBytes(), userId);
      return null;
    } catch (ClaimDocuments.RefusedDocument refused) {
      return problem(refused.reason(), locale);
    } catch (IOException e) {
      return problem("empty", locale);
    }
  }

  /** Removes a document of the task's case; false when the case has no such document. */
  boolean remove(Task task, String documentId) {
    return documents.remove(documentId, task.getProcessInstanceId());
  }

  private String problem(String reason, Locale locale) {
    return messages.getMessage("portal.documents.problem." + reason,
        new Object[] {Math.max(1, documents.maxBytes() / (1024 * 1024))}, locale);
  }

  private String reference(Task task) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).list().stream()
        .map(instance -> instance.getBusinessKey()).filter(key -> key != null).findFirst().orElse("");
  }

  /** The checklists' indicator options of the form, then the indicators the case claims, by id. */
  private static Map<String, String> indicators(List<FormView> components, Map<String, Object> values) {
    Map<String, String> indicators = new LinkedHashMap<>();
    collect(components, indicators);
    for (String area : EvidenceFramework.AREA_IDS) {
      if (values.get(CertificationProcess.indicators(area).name()) instanceof List<?> claimed) {
        claimed.forEach(id -> indicators.putIfAbsent(String.valueOf(id), String.valueOf(id)));
      }
    }
    return indicators;
  }

  private static void collect(List<FormView> components, Map<String, String> indicators) {
    for (FormView c : components) {
      if ("checklist".equals(c.type()) && c.key() != null && c.key().endsWith("Indicators") && c.options() != null) {
        c.options().forEach(o -> indicators.putIfAbsent(o.value(), o.label()));
      }
      if (c.children() != null) {
        collect(c.children(), indicators);
      }
    }
  }
}
