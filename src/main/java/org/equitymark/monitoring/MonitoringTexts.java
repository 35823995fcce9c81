package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.ACTION_PLAN;
import static org.equitymark.process.CertificationProcess.ANNUAL_RETURN_YEAR;
import static org.equitymark.process.CertificationProcess.CORRECTION_DUE_ON;
import static org.equitymark.process.CertificationProcess.OVERDUE_ACTION_PLAN_ITEMS;
import static org.equitymark.process.CertificationProcess.SUSPENSION_REASON;
import static org.equitymark.process.CertificationProcess.WITHDRAWAL_REASON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.notification.MailDates;
import org.equitymark.notification.WrittenValues;
import org.equitymark.process.Variable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts monitoring derives, from one place in both languages ({@code monitoring.*} of the messages bundle): a
 * suspension's and a withdrawal's reason (kept in English on the certificate and in the case), and the action-plan
 * items past their target date. A Welsh case's mails get them written afresh in Welsh, dates with Welsh month names.
 */
@Component
class MonitoringTexts implements WrittenValues {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> SUSPENSION_CAUSES = List.of(SuspendCertificateDelegate.RETURN_MISSED,
      SuspendCertificateDelegate.RETURN_NOT_ACCEPTED);
  static final List<String> WITHDRAWAL_CAUSES = List.of(WithdrawCertificateDelegate.CORRECTION_MISSED,
      WithdrawCertificateDelegate.CORRECTION_NOT_ACCEPTED);

  private final MessageSource messages;

  MonitoringTexts(MessageSource messages) {
    this.messages = messages;
  }

  String suspensionReason(String cause, long year, Locale locale) {
    return messages.getMessage("monitoring.suspended." + cause, new Object[] {String.valueOf(year)}, locale);
  }

  String withdrawalReason(String cause, String correctionDueOn, Locale locale) {
    return messages.getMessage("monitoring.withdrawn." + cause,
        new Object[] {MailDates.inLanguage(correctionDueOn, locale)}, locale);
  }

  /** The agreed items past their target date, under a heading; empty when there are none. */
  String overdueItems(String actionPlan, LocalDate today, Locale locale) {
    List<String> overdue = new ArrayList<>();
    try {
      for (JsonNode item : JSON.readTree(actionPlan)) {
        overdueItem(item, today, locale).ifPresent(overdue::add);
      }
    } catch (JsonProcessingException e) {
      return "";
    }
    return overdue.isEmpty() ? ""
        : messages.getMessage("monitoring.overdue.heading", null, locale) + "\n" + String.join("\n", overdue);
  }

  private Optional<String> overdueItem(JsonNode item, LocalDate today, Locale locale) {
    try {
      LocalDate target = LocalDate.parse(item.path("targetDate").asText(""));
      return target.isBefore(today)
          ? Optional.of(messages.getMessage("monitoring.overdue.item", new Object[] {item.path("action").asText(),
              item.path("personResponsible").asText(), MailDates.inLanguage(target.toString(), locale)}, locale))
          : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty(); // an item without a valid date is not overdue
    }
  }

  @Override
  public Optional<String> value(String name, DelegateExecution execution, Locale locale) {
    // the cause is the delegate's local input, gone by the time of the mail: it is read back from the English reason
    if (SUSPENSION_REASON.name().equals(name)) {
      long year = ANNUAL_RETURN_YEAR.get(execution, 0L);
      return SUSPENSION_CAUSES.stream()
          .filter(cause -> suspensionReason(cause, year, Locale.ENGLISH).equals(SUSPENSION_REASON.get(execution)))
          .findFirst().map(cause -> suspensionReason(cause, year, locale));
    }
    if (WITHDRAWAL_REASON.name().equals(name)) {
      String dueOn = CORRECTION_DUE_ON.get(execution);
      return WITHDRAWAL_CAUSES.stream()
          .filter(cause -> withdrawalReason(cause, dueOn, Locale.ENGLISH).equals(WITHDRAWAL_REASON.get(execution)))
          .findFirst().map(cause -> withdrawalReason(cause, dueOn, locale));
    }
    if (OVERDUE_ACTION_PLAN_ITEMS.name().equals(name)) {
      Variable.JsonText plan = ACTION_PLAN.get(execution);
      return Optional.of(plan == null ? "" : overdueItems(plan.json(), today(), locale));
    }
    return Optional.empty();
  }

  static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.now().toInstant(), MonitoringSchedule.ZONE);
  }
}
