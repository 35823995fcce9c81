package org.equitymark.actionplan;

import static org.equitymark.process.CertificationProcess.ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.FRAMEWORK_VERSION;
import static org.equitymark.submission.Field.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Frameworks;
import org.equitymark.framework.Level;
import org.equitymark.submission.Checks;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code agreeActionPlan}: every action has a priority 1/2/3, a person responsible and a target
 * date that is not in the past. Drafted actions name a framework indicator; the applicant's own
 * ideas need the action written out. Indicators are those of the case's framework version.
 */
@Component
class ActionPlanForm implements SubmissionForm {

  static final int MAX_ITEMS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYS =
      Set.of("indicatorId", "area", "level", "action", "priority", "personResponsible", "targetDate");

  private final Frameworks frameworks;

  ActionPlanForm(Frameworks frameworks) {
    this.frameworks = frameworks;
  }

  @Override
  public String activityId() {
    return CertificationProcess.Elements.AGREE_ACTION_PLAN;
  }

  @Override
  public List<Field> fields() {
    return List.of(required(ACTION_PLAN.name(), value -> value instanceof SerializableValue s
        && "json".equals(value.getType().getName()) && items(s.getValueSerialized()).isPresent()
        ? Optional.empty()
        : Optional.of("must be a JSON list of at most " + MAX_ITEMS + " actions")));
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    JsonNode items = items((String) submission.value(ACTION_PLAN.name())).orElseThrow();
    LocalDate today = ClockUtil.now().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    for (int i = 0; i < items.size(); i++) {
      check(items.get(i), "actionPlan[" + i + "].", today, problems);
    }
  }

  @Override
  public void checkCase(DelegateExecution execution, Problems problems) {
    Object plan = execution.getVariableTyped(ACTION_PLAN.name(), false) instanceof SerializableValue s
        ? s.getValueSerialized() : null;
    checkIndicators(frameworks.ofCase(FRAMEWORK_VERSION.get(execution)), (String) plan, problems);
  }

  /** Each action's indicator, area and level agree with the framework version. */
  static void checkIndicators(EvidenceFramework framework, String plan, Problems problems) {
    JsonNode items = items(plan).orElseThrow();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).isObject()) {
        checkIndicator(framework, items.get(i), "actionPlan[" + i + "].", problems);
      }
    }
  }

  private void check(JsonNode item, String at, LocalDate today, Problems problems) {
    if (!item.isObject()) {
      problems.add(at.substring(0, at.length() - 1), "must be an action with priority, personResponsible and targetDate");
      return;
    }
    item.fieldNames().forEachRemaining(key -> {
      if (!KEYS.contains(key)) {
        problems.add(at + key, "is not a field of an action");
      }
    });
    problem(Checks.paragraphs(1, 500), text(item, "action"))
        .ifPresent(reason -> problems.add(at + "action", "must describe the action in 1 to 500 characters: " + reason));
    if (!Set.of("1", "2", "3").contains(text(item, "priority"))) {
      problems.add(at + "priority", "must be 1, 2 or 3");
    }
    problem(Checks.text(2, 120), text(item, "personResponsible"))
        .ifPresent(reason -> problems.add(at + "personResponsible", reason));
    Optional<LocalDate> target = date(text(item, "targetDate"));
    if (target.isEmpty()) {
      problems.add(at + "targetDate", "must be a date such as 2027-03-31");
    } else if (target.get().isBefore(today)) {
      problems.add(at + "targetDate", "must not be in the past");
    }
  }

  private static void checkIndicator(EvidenceFramework framework, JsonNode item, String at, Problems problems) {
    String indicatorId = text(item, "indicatorId");
    Optional<EvidenceFramework.Indicator> indicator = framework.indicator(indicatorId);
    if (!indicatorId.isEmpty() && indicator.isEmpty()) {
      problems.add(at + "indicatorId", "is not an indicator of the framework");
    }
    String area = text(item, "area");
    if (!area.isEmpty() && (!EvidenceFramework.AREA_IDS.contains(area)
        || indicator.isPresent() && !indicatorId.startsWith(area + "."))) {
      problems.add(at + "area", "must be the area of the indicator, one of " + EvidenceFramework.AREA_IDS);
    }
    String level = text(item, "level");
    if (!level.isEmpty() && (!List.of(Level.certifiableIds()).contains(level)
        || indicator.isPresent() && !indicator.get().level().equals(level))) {
      problems.add(at + "level", "must be the level of the indicator");
    }
  }

  private static Optional<String> problem(Field.Check check, String value) {
    return check.problem(Variables.stringValue(value));
  }

  /** A date ({@code 2027-03-31}) or a date-time with offset, as date pickers send; nothing else. */
  private static Optional<LocalDate> date(String value) {
    try {
      return Optional.of(value.length() == 10 ? LocalDate.parse(value)
          : OffsetDateTime.parse(value).atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode item, String key) {
    JsonNode value = item.get(key);
    return value == null || value.isNull() ? "" : value.isNumber() || value.isTextual() ? value.asText() : "\u0000";
  }

  private static Optional<JsonNode> items(String json) {
    try {
      JsonNode node = json == null ? null : JSON.readTree(json);
      return node != null && node.isArray() && node.size() <= MAX_ITEMS ? Optional.of(node) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }
}
