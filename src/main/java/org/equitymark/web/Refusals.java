package org.equitymark.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The server's refusals in the page's language. The rules (submission/ and each form's checks) speak English, as the
 * REST API answers; on a Welsh page each refusal is matched whole against the patterns of
 * {@code i18n/refusals.properties} and shown with the Welsh text of the same key in {@code refusals_cy.properties}
 * (a reason inside a reason is translated too). A refusal without a pattern is shown as
 * {@code portal.form.untranslated}, the English detail in brackets, so nothing is ever hidden.
 */
@Component
public class Refusals {

  private record Rule(Pattern english, String welsh) {
  }

  private final List<Rule> rules = new ArrayList<>();
  private final MessageSource messages;

  public Refusals(MessageSource messages) {
    this.messages = messages;
    Properties english = load("i18n/refusals.properties");
    Properties welsh = load("i18n/refusals_cy.properties");
    english.stringPropertyNames().stream().sorted(Comparator.naturalOrder()).forEach(key ->
        rules.add(new Rule(Pattern.compile(english.getProperty(key)), welsh.getProperty(key))));
  }

  /** The refusal as the page's reader should see it: unchanged unless the page is Welsh. */
  public String inLanguage(String refusal, Locale locale) {
    if (refusal == null || !"cy".equals(locale.getLanguage())) {
      return refusal;
    }
    return welsh(refusal).orElseGet(() -> messages.getMessage("portal.form.untranslated", new Object[] {refusal},
        locale));
  }

  /** Each field's refusal in the page's language, in the same order. */
  public Map<String, String> inLanguage(Map<String, String> problems, Locale locale) {
    Map<String, String> shown = new LinkedHashMap<>();
    problems.forEach((field, refusal) -> shown.put(field, inLanguage(refusal, locale)));
    return shown;
  }

  /** The Welsh of a refusal some pattern matches, its groups (themselves translated when they are refusals) put in. */
  public Optional<String> welsh(String refusal) {
    for (Rule rule : rules) {
      Matcher matcher = rule.english().matcher(refusal);
      if (matcher.matches()) {
        String text = rule.welsh();
        for (int group = 1; group <= matcher.groupCount(); group++) {
          String part = matcher.group(group);
          text = text.replace("{" + (group - 1) + "}", welsh(part).orElse(part));
        }
        return Optional.of(text);
      }
    }
    return Optional.empty();
  }

  /** A UTF-8 properties file of the classpath. */
  public static Properties load(String resource) {
    Properties properties = new Properties();
    InputStream in = Refusals.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the classpath");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
