package org.equitymark.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The dates a mail inserts ({@code certificateExpiresOn}, {@code annualReturnDueOn}, {@code correctionDueOn}: the
 * case keeps them as ISO dates) written with the month's name in a mail that is not in English: "5 Rhagfyr 2027".
 * English mails keep the ISO date they have always shown.
 */
@Component
public class MailDates implements WrittenValues {

  /** The ISO date as the language writes it (day, month's name, year); English, or what is not a date, as it is. */
  public static String inLanguage(String iso, Locale locale) {
    if (iso == null || "en".equals(locale.getLanguage())) {
      return iso;
    }
    try {
      return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  @Override
  public Optional<String> value(String name, DelegateExecution execution, Locale locale) {
    return name.endsWith("On") && execution.getVariable(name) instanceof String iso
        ? Optional.of(inLanguage(iso, locale)) : Optional.empty();
  }
}
