package org.equitymark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Welsh Language Standards for the forms: every text of a form an applicant meets (the form of a user
 * task for {@code org-…} in any process) has its Welsh in i18n/forms_cy.properties, every Welsh text
 * belongs to a text the form still has, and keeps the English text's {{templates}}.
 */
class FormTranslationsTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern USER_TASK = Pattern.compile("<bpmn:userTask\\b[^>]*>");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{[^}]*}}");

  private final Properties welsh = FormTranslations.load(FormTranslations.RESOURCE);

  @Test
  void shouldFindTheApplicantsForms() throws IOException {
    assertThat(applicantForms()).contains("self-assessment", "clarification", "action-plan", "appeal", "annual-return",
        "corrective-return", "confirm-registration", "training-follow-up-survey")
        .doesNotContain("assessment", "review-self-assessment", "feedback-triage");
  }

  @Test
  void shouldHaveEveryTextOfTheApplicantsFormsInWelsh() throws IOException {
    // given
    Map<String, String> english = englishTexts(applicantForms());

    // then
    assertThat(missing(english, welsh)).as("texts of the applicants' forms without Welsh in %s", FormTranslations.RESOURCE)
        .isEmpty();
    assertThat(stale(english, welsh)).as("Welsh in %s for no text of a form", FormTranslations.RESOURCE).isEmpty();
    for (Map.Entry<String, String> text : english.entrySet()) {
      String translation = welsh.getProperty(text.getKey());
      assertThat(translation).as(text.getKey()).isNotBlank();
      assertThat(templates(translation)).as("templates of %s in Welsh", text.getKey()).isEqualTo(templates(text.getValue()));
    }
  }

  @Test
  void shouldNoticeAComponentWithoutWelshAndWelshWithoutAComponent() throws IOException {
    // given: a form with a label and an option, Welsh for the option and for a component it no longer has
    JsonNode form = JSON.readTree("""
        {"id": "appeal", "components": [
          {"id": "newField", "type": "select", "label": "New question",
           "values": [{"value": "a", "label": "A"}]}]}""");
    Map<String, String> english = new TreeMap<>();
    texts(form, form.path("components"), english);
    Properties translations = new Properties();
    translations.setProperty("appeal.newField.option.a", "A");
    translations.setProperty("appeal.oldField.label", "Hen gwestiwn");

    // then
    assertThat(missing(english, translations)).containsExactly("appeal.newField.label");
    assertThat(stale(english, translations)).containsExactly("appeal.oldField.label");
  }

  @Test
  void shouldSpeakWelshOnAWelshPageAndTheFormsOwnEnglishOtherwise() throws IOException {
    // given
    JsonNode form = read("forms/appeal.form");
    JsonNode grounds = component(form.path("components"), "appealGroundsField");
    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("portal.form.notANumber", java.util.Locale.forLanguageTag("cy"), "rhaid iddo fod yn rhif");
    FormTranslations translations = new FormTranslations(messages);

    // then
    assertThat(translations.of(form, java.util.Locale.forLanguageTag("cy")).text(grounds, "label", "Your grounds for appeal"))
        .isEqualTo("Sail eich apêl");
    assertThat(translations.of(form, java.util.Locale.ENGLISH).text(grounds, "label", "Your grounds for appeal"))
        .isEqualTo("Your grounds for appeal");
    assertThat(translations.of(form, java.util.Locale.forLanguageTag("cy")).problem("notANumber"))
        .isEqualTo("rhaid iddo fod yn rhif");
  }

  /** The forms of user tasks an organisation does ({@code candidateGroups="org-…"}). */
  private static Set<String> applicantForms() throws IOException {
    Set<String> forms = new TreeSet<>();
    for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      Matcher tasks = USER_TASK.matcher(model.getContentAsString(StandardCharsets.UTF_8));
      while (tasks.find()) {
        Matcher form = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(tasks.group());
        if (tasks.group().contains("camunda:candidateGroups=\"org-") && form.find()) {
          forms.add(form.group(1));
        }
      }
    }
    return forms;
  }

  /** Every text a person reads in the forms, by its translation key. */
  private static Map<String, String> englishTexts(Set<String> formIds) throws IOException {
    Map<String, String> texts = new TreeMap<>();
    for (String id : formIds) {
      JsonNode form = read("forms/" + id + ".form");
      assertThat(form.path("id").asText()).as("id of forms/%s.form", id).isEqualTo(id);
      texts(form, form.path("components"), texts);
    }
    return texts;
  }

  private static void texts(JsonNode form, JsonNode components, Map<String, String> texts) {
    for (JsonNode component : components) {
      for (String property : FormTranslations.PROPERTIES) {
        String text = component.path(property).asText("");
        if (!text.isBlank()) {
          texts.put(FormTranslations.key(form.path("id").asText(), component, property), text);
        }
      }
      for (JsonNode option : component.path("values")) {
        texts.put(FormTranslations.key(form.path("id").asText(), component, "option." + option.path("value").asText()),
            option.path("label").asText(option.path("value").asText()));
      }
      texts(form, component.path("components"), texts);
    }
  }

  private static Set<String> missing(Map<String, String> english, Properties translations) {
    Set<String> keys = new TreeSet<>(english.keySet());
    keys.removeAll(translations.stringPropertyNames());
    return keys;
  }

  private static Set<String> stale(Map<String, String> english, Properties translations) {
    Set<String> keys = new TreeSet<>(translations.stringPropertyNames());
    keys.removeAll(english.keySet());
    return keys;
  }

  private static List<String> templates(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = TEMPLATE.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static JsonNode component(JsonNode components, String id) {
    for (JsonNode component : components) {
      if (id.equals(component.path("id").asText())) {
        return component;
      }
      JsonNode inside = component(component.path("components"), id);
      if (inside != null) {
        return inside;
      }
    }
    return null;
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = FormTranslationsTests.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readTree(in);
    }
  }
}
