package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.OVERDUE_ACTION_PLAN_ITEMS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.process.Variable;
import org.springframework.stereotype.Component;

/**
 * {@code flagOverdueActions}, when an annual return is asked for: the agreed action-plan items past
 * their target date, as text ({@code overdueActionPlanItems}, empty when none) for the invitation
 * mail, the annual-return form and the reviewing assessor.
 */
@Component("flagOverdueActions")
class FlagOverdueActionsListener implements ExecutionListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void notify(DelegateExecution execution) throws Exception {
    Variable.JsonText plan = ACTION_PLAN.get(execution);
    LocalDate today = LocalDate.ofInstant(ClockUtil.now().toInstant(), MonitoringSchedule.ZONE);
    List<String> overdue = plan == null ? List.of() : overdue(JSON.readTree(plan.json()), today);
    OVERDUE_ACTION_PLAN_ITEMS.set(execution, overdue.isEmpty() ? ""
        : "Action-plan items past their target date:\n" + String.join("\n", overdue));
  }

  static List<String> overdue(JsonNode plan, LocalDate today) {
    List<String> overdue = new ArrayList<>();
    for (JsonNode item : plan) {
      try {
        LocalDate target = LocalDate.parse(item.path("targetDate").asText(""));
        if (target.isBefore(today)) {
          overdue.add("- " + item.path("action").asText() + " (responsible: " + item.path("personResponsible").asText()
              + ", target date " + target + ")");
        }
      } catch (DateTimeParseException e) {
        // an item without a valid date is not overdue
      }
    }
    return overdue;
  }
}
