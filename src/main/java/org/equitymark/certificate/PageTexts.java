package org.equitymark.certificate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.equitymark.framework.Level;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of the certificate documents, from the {@code i18n/pages} bundles, in English and Welsh.
 * The web pages read the same keys through Thymeleaf.
 */
@Component
public class PageTexts {

  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale WELSH = Locale.forLanguageTag("cy");

  private final MessageSource messages;

  public PageTexts(MessageSource messages) {
    this.messages = messages;
  }

  String get(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  String level(Level level, Locale locale) {
    return get("level." + level.id(), locale);
  }

  String area(String areaId, Locale locale) {
    return get("area." + areaId, locale);
  }

  static String date(LocalDate date, Locale locale) {
    return date == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
  }
}
