package org.equitymark.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Notification texts from the message bundles ({@code notification.{name}.subject} and
 * {@code .body}), in the applicant's language, with {@code {variable}} placeholders filled in.
 */
@Component
public class NotificationTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MessageSource messages;

  public NotificationTemplates(MessageSource messages) {
    this.messages = messages;
  }

  public Mail render(String notification, String to, Locale locale, Map<String, Object> model) {
    return renderMessage("notification." + notification, to, locale, model);
  }

  /**
   * A mail from the texts {@code {key}.subject} and {@code {key}.body}, for mails that are not a
   * case's notification (an account's one-time link); their placeholders are the model's names.
   */
  public Mail renderMessage(String key, String to, Locale locale, Map<String, Object> model) {
    return new Mail(to,
        fill(text(key + ".subject", locale), model).replaceAll("[\\r\\n]+", " "),
        fill(text(key + ".body", locale), model));
  }

  /** A level's name in the language ({@code level.{id}} of the page texts); an unknown id as it is. */
  public String levelName(String levelId, Locale locale) {
    return messages.getMessage("level." + levelId, null, levelId, locale);
  }

  /**
   * The gap analysis ({@code gapAnalysis}, the JSON of scoring/GapAnalysis) as the Markdown of
   * {@code gapAnalysisText}, written in the language: area and level names from the page texts
   * ({@code area.{id}}, {@code level.{id}}), an indicator's Welsh text ({@code textCy}) where the
   * framework has one. Null when the JSON cannot be read.
   */
  public String gapAnalysisText(String gapAnalysis, Locale locale) {
    JsonNode gaps;
    try {
      gaps = JSON.readTree(gapAnalysis);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    boolean welsh = "cy".equals(locale.getLanguage());
    StringBuilder text = new StringBuilder();
    for (JsonNode area : gaps.path("areas")) {
      if (area.path("missing").isEmpty()) {
        continue;
      }
      String id = area.path("area").asText();
      text.append("**").append(messages.getMessage("area." + id, null, area.path("areaName").asText(id), locale))
          .append("**\n\n");
      for (JsonNode indicator : area.path("missing")) {
        String indicatorText = welsh && indicator.hasNonNull("textCy") ? indicator.path("textCy").asText()
            : indicator.path("text").asText();
        text.append("- ").append(levelName(indicator.path("level").asText(), locale)).append(" (")
            .append(indicator.path("id").asText()).append("): ").append(indicatorText).append('\n');
      }
      text.append('\n');
    }
    return text.isEmpty()
        ? messages.getMessage("gap.nothingMissing", new Object[] {levelName(gaps.path("targetLevel").asText(), locale)}, locale)
        : text.toString().trim();
  }

  /** The {@code {variable}} names a notification's subject and body use, in the given language. */
  public Set<String> placeholders(String notification, Locale locale) {
    Set<String> names = new HashSet<>();
    for (String part : new String[] {"subject", "body"}) {
      Matcher matcher = PLACEHOLDER.matcher(text("notification." + notification + "." + part, locale));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  static String fill(String template, Map<String, Object> model) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Object value = model.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
