package org.equitymark.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.equitymark.tasklist.TaskCard;
import org.equitymark.notification.SendNotificationDelegate;
import org.equitymark.process.CertificationProcess;
import org.equitymark.process.Variable;
import org.equitymark.submission.AsWritten;
import org.junit.jupiter.api.Test;

/**
 * {@code monitorCertificate} passes the monitoring instance only the case variables of
 * {@link MonitoringProcess#INPUTS}. Everything that runs in or reads from that instance must find
 * what it uses there: its expressions, the placeholders of its mails (an absent one renders as
 * nothing, silently), the variables its forms show (likewise), Tasklist's task cards and the
 * reassessment it starts. Each either comes in or is written by the monitoring itself.
 */
class MonitoringInputsTests {

  private static final Path CERTIFICATION = Path.of("processes", "certification.bpmn");
  private static final Path MONITORING = Path.of("processes", "certificate-monitoring.bpmn");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"]*\"|'[^']*'");
  /** A name that starts a path: not after a dot (a property or method of something else). */
  private static final Pattern ROOT_NAME = Pattern.compile("(?<![.\\w])([a-zA-Z_]\\w*)");
  private static final Pattern MAIL_PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
  private static final Pattern FORM_TEMPLATE = Pattern.compile("\\{\\{([^}]*)}}");
  private static final Set<String> KEYWORDS = Set.of("if", "null", "true", "false", "and", "or", "not", "eq", "ne",
      "empty", "execution");

  /**
   * What the monitoring writes itself, before anything reads it: its schedule, the input
   * parameters of its service tasks, the annual return and its review, the corrective return and its review (the forms' own fields),
   * the overdue items and figures shown to the reviewer, the reassessment grace, and the outcome of each path.
   */
  private static final Set<String> WRITTEN_BY_MONITORING = Set.of(
      MonitoringProcess.ANNUAL_RETURN_OPENS_AT.name(), MonitoringProcess.ANNUAL_RETURN_DUE_AT.name(),
      MonitoringProcess.REASSESSMENT_INVITATION_AT.name(), MonitoringProcess.REASSESSMENT_REMINDER_AT.name(),
      MonitoringProcess.CERTIFICATE_ENDS_AT.name(), MonitoringProcess.REASSESSMENT_REMINDERS_SCHEDULED.name(),
      MonitoringProcess.ANNUAL_RETURN_FIGURES_TEXT.name(), MonitoringProcess.SUSPENSION_CAUSE.name(),
      CertificationProcess.NOTIFICATION.name(), CertificationProcess.ANNUAL_RETURN_YEAR.name(),
      CertificationProcess.ANNUAL_RETURN_DUE_ON.name(), CertificationProcess.OVERDUE_ACTION_PLAN_ITEMS.name(),
      CertificationProcess.OPEN_FEEDBACK.name(), CertificationProcess.ACTION_PLAN_PROGRESS.name(),
      CertificationProcess.OUTCOMES_BY_ETHNIC_GROUP.name(), CertificationProcess.SATISFACTION_BY_ETHNIC_GROUP.name(),
      CertificationProcess.DISCRIMINATION_COMPLAINTS_RECEIVED.name(),
      CertificationProcess.DISCRIMINATION_COMPLAINTS_RESOLVED.name(), CertificationProcess.REVALIDATED.name(),
      CertificationProcess.REVIEW_COMMENTS.name(), CertificationProcess.SUSPENSION_REASON.name(),
      CertificationProcess.REASSESSMENT_REFERENCE.name(), CertificationProcess.REVOCATION_REASON.name(),
      CertificationProcess.RENEWED_BY.name(), MonitoringProcess.CORRECTION_DUE_AT.name(),
      MonitoringProcess.WITHDRAWAL_CAUSE.name(), CertificationProcess.CORRECTION_DUE_ON.name(),
      CertificationProcess.CORRECTIVE_ACTIONS.name(), CertificationProcess.CORRECTION_ACCEPTED.name(),
      CertificationProcess.CORRECTION_REVIEW_COMMENTS.name(), CertificationProcess.WITHDRAWAL_REASON.name(),
      MonitoringProcess.REASSESSMENT_GRACE_ENDS_AT.name());

  @Test
  void shouldPassExactlyTheDeclaredInputsAndNotAllVariables() {
    // given
    CallActivity monitor = Bpmn.readModelFromFile(CERTIFICATION.toFile())
        .getModelElementById(CertificationProcess.MONITOR_CERTIFICATE);

    // when
    List<CamundaIn> ins = monitor.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list();

    // then: the business key, and each input under its own name, in the declared order
    assertThat(monitor.getCalledElement()).isEqualTo(MonitoringProcess.KEY);
    assertThat(ins).noneMatch(in -> in.getCamundaVariables() != null);
    assertThat(ins).filteredOn(in -> in.getCamundaBusinessKey() != null).hasSize(1);
    List<CamundaIn> variables = ins.stream().filter(in -> in.getCamundaBusinessKey() == null).toList();
    assertThat(variables).allSatisfy(in -> assertThat(in.getCamundaTarget()).isEqualTo(in.getCamundaSource()));
    assertThat(variables).extracting(CamundaIn::getCamundaSource).containsExactlyElementsOf(inputs());
  }

  @Test
  void shouldFindEveryNameItsExpressionsUse() throws IOException {
    // given: the beans the model calls by delegate expression, and the configured timers and task deadlines
    String model = Files.readString(MONITORING, StandardCharsets.UTF_8);
    Set<String> beans = matches(Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\""), model);
    beans.add("timers");
    beans.add("taskDeadlines");
    assertThat(beans).contains("scheduleMonitoring", "sendNotification", "validateSubmission");

    // when
    Set<String> used = new TreeSet<>();
    for (String expression : matches(EXPRESSION, model)) {
      used.addAll(matches(ROOT_NAME, STRING_LITERAL.matcher(expression).replaceAll("")));
    }
    used.removeAll(KEYWORDS);
    used.removeAll(beans);

    // then: among them the candidate group's organisationId, which only an input provides
    assertThat(used).contains(CertificationProcess.ORGANISATION_ID.name(), "annualReturnOpensAt", "renewedBy");
    assertThat(used).allSatisfy(name -> assertThat(available()).as("${%s} in %s", name, MONITORING).contains(name));
  }

  @Test
  void shouldFillEveryPlaceholderOfTheMailsItSends() throws IOException {
    // given
    Set<String> notifications = new TreeSet<>();
    BpmnModelInstance model = Bpmn.readModelFromFile(MONITORING.toFile());
    for (CamundaProperty property : model.getModelElementsByType(CamundaProperty.class)) {
      if (CertificationProcess.NOTIFICATION.name().equals(property.getCamundaName())) {
        notifications.add(property.getCamundaValue().strip());
      }
    }
    assertThat(notifications).contains("annual-return-invitation", "certificate-suspended", "reassessment-reminder",
        "certificate-revoked");
    Set<String> available = new TreeSet<>(available());
    available.addAll(SendNotificationDelegate.EXTRA_PLACEHOLDERS);

    // then, in English and in Welsh
    for (String bundle : List.of("i18n/messages.properties", "i18n/messages_cy.properties")) {
      Properties texts = load(bundle);
      for (String notification : notifications) {
        for (String part : List.of("subject", "body")) {
          String key = "notification." + notification + "." + part;
          assertThat(texts.getProperty(key)).as("%s in %s", key, bundle).isNotBlank();
          assertThat(matches(MAIL_PLACEHOLDER, texts.getProperty(key))).as("placeholders of %s in %s", key, bundle)
              .allSatisfy(name -> assertThat(available).as("{%s} in %s", name, key).contains(name));
        }
      }
    }
  }

  @Test
  void shouldHaveEveryVariableItsFormsShow() throws IOException {
    // given: the forms of the monitoring's user tasks
    BpmnModelInstance model = Bpmn.readModelFromFile(MONITORING.toFile());
    List<String> formIds = model.getModelElementsByType(UserTask.class).stream()
        .map(UserTask::getCamundaFormRef).toList();
    assertThat(formIds).containsExactlyInAnyOrder("annual-return", "review-annual-return", "corrective-return",
        "review-corrective-return");

    for (String formId : formIds) {
      // when
      JsonNode form = new ObjectMapper().readTree(new File("forms", formId + ".form"));
      Set<String> shown = new TreeSet<>();
      List<String> texts = new ArrayList<>();
      form.findValues("text").forEach(text -> texts.add(text.asText()));
      for (String text : texts) {
        for (String template : matches(FORM_TEMPLATE, text)) {
          shown.addAll(matches(ROOT_NAME, STRING_LITERAL.matcher(template.replaceFirst("^[#/]", "").replace(AsWritten.VARIABLE + ".", "")).replaceAll("")));
        }
      }
      shown.removeAll(KEYWORDS);

      // then
      assertThat(shown).as("variables shown by %s", formId).contains(CertificationProcess.ORGANISATION_NAME.name(),
          CertificationProcess.CERTIFICATE_NUMBER.name());
      assertThat(shown).allSatisfy(name -> assertThat(available()).as("{{%s}} in %s", name, formId).contains(name));
    }
  }

  @Test
  void shouldHaveWhatTasklistShowsOnTaskCards() {
    assertThat(TaskCard.COLUMNS).extracting(column -> column.source().name())
        .isNotEmpty().allSatisfy(name -> assertThat(inputs()).contains(name));
  }

  @Test
  void shouldHaveTheRegistrationDataTheReassessmentStartsWith() {
    assertThat(StartReassessmentDelegate.CARRIED_OVER).extracting(variable -> variable.name())
        .contains(CertificationProcess.CONTACT_EMAIL.name(), CertificationProcess.STAFF_COUNT.name())
        .allSatisfy(name -> assertThat(inputs()).contains(name));
  }

  private static List<String> inputs() {
    return MonitoringProcess.INPUTS.stream().map(Variable::name).toList();
  }

  private static Set<String> available() {
    Set<String> names = new TreeSet<>(inputs());
    names.addAll(WRITTEN_BY_MONITORING);
    return names;
  }

  private static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static Properties load(String resource) throws IOException {
    try (InputStream in = MonitoringInputsTests.class.getClassLoader().getResourceAsStream(resource);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      Properties properties = new Properties();
      properties.load(reader);
      return properties;
    }
  }
}
