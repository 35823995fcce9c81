package org.equitymark.notification;

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
