package org.equitymark.notification;

import static org.equitymark.process.CertificationProcess.CONTACT_EMAIL;
import static org.equitymark.process.CertificationProcess.NOTIFICATION;
import static org.equitymark.process.CertificationProcess.PREFERRED_LANGUAGE;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code sendNotification}: mails the applicant's contact the notification named by the service
 * task's extension property {@code notification} (Modeler: Extensions, Properties). A property, not
 * an input parameter: an input parameter is a variable written, kept in history and deleted on every
 * mail. Instances running on an earlier version of a model still pass it as an input parameter,
 * which is read when there is no property. The mail is recorded in the step's transaction
 * ({@link MailOutbox}) and sent once that has committed: a step run again after a failed commit mails
 * once, and a mail server that is down delays the mail, never the case.
 */
@Component("sendNotification")
public class SendNotificationDelegate implements JavaDelegate {

  static final String TASKLIST_URL = "tasklistUrl";
  static final String PORTAL_URL = "portalUrl";
  static final String BUSINESS_KEY = "businessKey";
  static final String PUBLIC_URL = "publicUrl";

  /** Placeholders a notification text may use besides the case's variables: links, and the configured periods. */
  public static final Set<String> EXTRA_PLACEHOLDERS = Stream.concat(
      Stream.of(TASKLIST_URL, PORTAL_URL, BUSINESS_KEY, PUBLIC_URL), MailPeriods.NAMES.stream())
      .collect(Collectors.toUnmodifiableSet());

  private final NotificationTemplates templates;
  private final MailOutbox outbox;
  private final MailPeriods periods;
  private final String publicUrl;
  private final List<WrittenValues> writtenValues;

  SendNotificationDelegate(NotificationTemplates templates, MailOutbox outbox, MailPeriods periods,
      @Value("${equitymark.public-url}") String publicUrl, List<WrittenValues> writtenValues) {
    this.templates = templates;
    this.outbox = outbox;
    this.periods = periods;
    this.publicUrl = publicUrl;
    this.writtenValues = writtenValues;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String notification = notificationOf(execution);
    Locale locale = Locale.forLanguageTag(PREFERRED_LANGUAGE.get(execution, "en"));
    // only the variables the text uses: reading them all would fetch and parse every Json value
    Map<String, Object> model = new HashMap<>();
    for (String name : templates.placeholders(notification, locale)) {
      Object value = execution.getVariable(name);
      if (!"en".equals(locale.getLanguage())) {
        // a value the app derived in English (a gap analysis, a reason, a date), written afresh in the mail's language
        for (WrittenValues values : writtenValues) {
          Optional<String> written = values.value(name, execution, locale);
          if (written.isPresent()) {
            value = written.get();
            break;
          }
        }
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        // a level is written in the mail's language (Sylfaen, not foundation)
        model.put(name, name.endsWith("Level") && value instanceof String id ? templates.levelName(id, locale) : value);
      }
    }
    model.put(TASKLIST_URL, publicUrl + "/camunda/app/tasklist/");
    model.put(PORTAL_URL, publicUrl + "/portal/");
    model.put(BUSINESS_KEY, execution.getProcessBusinessKey());
    model.put(PUBLIC_URL, publicUrl);
    model.putAll(periods.in(locale));
    Mail mail = templates.render(notification, CONTACT_EMAIL.get(execution), locale, model);
    String caseKey = execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
        : "process-" + execution.getProcessInstanceId();
    outbox.record(caseKey, execution.getCurrentActivityId(), mail);
  }

  /** The service task's {@code notification} property, else its input parameter (earlier model versions). */
  static String notificationOf(DelegateExecution execution) {
    FlowElement task = execution.getBpmnModelElementInstance();
    ExtensionElements extensions = task == null ? null : task.getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties properties : extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (NOTIFICATION.name().equals(property.getCamundaName())) {
            return property.getCamundaValue();
          }
        }
      }
    }
    return NOTIFICATION.get(execution);
  }
}
