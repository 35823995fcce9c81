package org.equitymark.actionplan;

import static org.equitymark.process.CertificationProcess.ACTION_PLAN;
import static org.equitymark.submission.Field.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.process.CertificationProcess;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code agreeActionPlan}: every action has a priority 1/2/3, a person responsible and a target
 * date that is not in the past. Drafted actions name a framework indicator; the applicant's own
 * ideas need the action written out.
 */
@Component
class ActionPlanForm implements SubmissionForm {

  static final int MAX_ITEMS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KEYS =
      Set.of("indicatorId", "area", "level", "action", "priority", "personResponsible", "targetDate");

  private final EvidenceFramework framework;

  ActionPlanForm(EvidenceFramework framework) {
    this.framework = framework;
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
    String indicatorId = text(item, "indicatorId");
    if (!indicatorId.isEmpty() && framework.indicator(indicatorId).isEmpty()) {
      problems.add(at + "indicatorId", "is not an indicator of the framework");
    }
    String action = text(item, "action");
    if (action.isBlank() || action.length() > 500 || hasControl(action)) {
      problems.add(at + "action", "must describe the action in 1 to 500 characters");
    }
    if (!Set.of("1", "2", "3").contains(text(item, "priority"))) {
      problems.add(at + "priority", "must be 1, 2 or 3");
    }
    String person = text(item, "personResponsible").trim();
    if (person.length() < 2 || person.length() > 120 || hasControl(person) || person.contains("\n")) {
      problems.add(at + "personResponsible", "must name the person responsible in 2 to 120 characters");
    }
    try {
      String date = text(item, "targetDate");
      LocalDate target = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
      if (target.isBefore(today)) {
        problems.add(at + "targetDate", "must not be in the past");
      }
    } catch (DateTimeParseException e) {
      problems.add(at + "targetDate", "must be a date such as 2027-03-31");
    }
  }

  private static String text(JsonNode item, String key) {
    JsonNode value = item.get(key);
    return value == null || value.isNull() ? "" : value.isNumber() ? value.asText() : value.isTextual() ? value.asText() : "\u0000";
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
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
