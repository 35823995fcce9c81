package org.equitymark.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Properties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Welsh of the applicants' Camunda Forms, read from {@link #RESOURCE}: one text per form, component
 * and property ({@code self-assessment.leadershipEvidenceField.label}, {@code ….description},
 * {@code ….text}, {@code ….dateLabel}) and per option ({@code appeal.someSelect.option.value}). The
 * English stays in the {@code .form} file itself, the single source Tasklist reads
 * (docs/decisions/0033-welsh-forms.md). {@code FormTranslationsTests} fails on a text without Welsh
 * and on a Welsh text whose component is gone.
 */
@Component
class FormTranslations {

  static final String RESOURCE = "i18n/forms_cy.properties";
  /** The properties of a component a person reads. */
  static final String[] PROPERTIES = {"label", "description", "text", "dateLabel"};

  private final Properties welsh = load(RESOURCE);
  private final MessageSource messages;

  FormTranslations(MessageSource messages) {
    this.messages = messages;
  }

  /** The texts of the form {@code schema} in the page's language: Welsh when the page is Welsh, else the form's own. */
  Translation of(JsonNode schema, Locale locale) {
    String form = schema.path("id").asText();
    boolean inWelsh = "cy".equals(locale.getLanguage());
    return new Translation() {
      @Override
      public String text(JsonNode component, String property, String english) {
        return english == null || !inWelsh ? english : welsh.getProperty(key(form, component, property), english);
      }

      @Override
      public String option(JsonNode component, String value, String english) {
        return inWelsh ? welsh.getProperty(key(form, component, "option." + value), english) : english;
      }

      @Override
      public String problem(String code) {
        return messages.getMessage("portal.form." + code, null, locale);
      }
    };
  }

  static String key(String form, JsonNode component, String property) {
    return form + "." + component.path("id").asText() + "." + property;
  }

  static Properties load(String resource) {
    return org.equitymark.web.Refusals.load(resource);
  }

  /** A form's texts in one language (English is the form's own), and the problems the portal itself finds. */
  interface Translation {

    /** A component's {@code property} (label, description, text, dateLabel), its template kept; null when it has none. */
    String text(JsonNode component, String property, String english);

    /** The label of one of the component's own options. */
    String option(JsonNode component, String value, String english);

    /** A problem with a sent value the portal names itself ({@code portal.form.{code}} of the portal bundle). */
    String problem(String code);
  }
}
