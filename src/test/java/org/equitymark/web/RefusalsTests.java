package org.equitymark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.Variables;
import org.equitymark.submission.Checks;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The server's refusals in Welsh: every pattern has its Welsh, and the refusals the shared checks give are all known. */
class RefusalsTests {

  private static final Locale WELSH = Locale.forLanguageTag("cy");

  private final StaticMessageSource messages = new StaticMessageSource();
  private final Refusals refusals = new Refusals(messages);

  RefusalsTests() {
    messages.addMessage("portal.form.untranslated", WELSH, "Gwiriwch yr ateb hwn (yn Saesneg: {0})");
  }

  @Test
  void shouldHaveAWelshTextWithAPlaceForEachPartOfEveryPattern() {
    Properties english = Refusals.load("i18n/refusals.properties");
    Properties welsh = Refusals.load("i18n/refusals_cy.properties");
    assertThat(welsh.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      int groups = Pattern.compile(english.getProperty(key)).matcher("").groupCount();
      for (int group = 0; group < groups; group++) {
        assertThat(welsh.getProperty(key)).as("%s in Welsh", key).contains("{" + group + "}");
      }
      assertThat(welsh.getProperty(key)).as("%s in Welsh", key).doesNotContain("{" + groups + "}");
    }
  }

  @Test
  void shouldKnowTheWelshOfEveryRefusalTheSharedChecksGive() {
    List<String> given = List.of(
        Checks.text(2, 10).problem(Variables.stringValue("x")).orElseThrow(),
        Checks.text(1, 3).problem(Variables.stringValue("four")).orElseThrow(),
        Checks.text(1, 30).problem(Variables.stringValue("two\nlines")).orElseThrow(),
        Checks.text(1, 30).problem(Variables.stringValue("")).orElseThrow(),
        Checks.paragraphs(30).problem(Variables.stringValue("bell\u0007")).orElseThrow(),
        Checks.email().problem(Variables.stringValue("not-an-address")).orElseThrow(),
        Checks.oneOf("a", "b").problem(Variables.stringValue("c")).orElseThrow(),
        Checks.wholeNumber(0, 9).problem(Variables.longValue(10L)).orElseThrow(),
        Checks.text(1, 3).problem(Variables.longValue(1L)).orElseThrow());
    for (String refusal : given) {
      assertThat(refusals.welsh(refusal)).as(refusal).isPresent();
    }
  }

  @Test
  void shouldPutTheMatchedPartsInTranslatingAReasonInsideAReason() {
    assertThat(refusals.inLanguage("must be a whole number from 0 to 500000", WELSH))
        .isEqualTo("rhaid iddo fod yn rhif cyfan o 0 i 500000");
    assertThat(refusals.inLanguage("must describe the action in 1 to 500 characters: must not be empty", WELSH))
        .isEqualTo("rhaid disgrifio'r cam gweithredu mewn 1 i 500 nod: rhaid i hwn beidio â bod yn wag");
    assertThat(refusals.inLanguage("row 2: must be at most served (30)", WELSH))
        .isEqualTo("rhes 2: rhaid iddo fod yn ddim mwy na nifer y bobl a gafodd wasanaeth (30)");
  }

  @Test
  void shouldShowARefusalWithoutWelshWithItsEnglishDetailAndLeaveEnglishPagesAlone() {
    assertThat(refusals.inLanguage("is odd in a new way", WELSH)).isEqualTo("Gwiriwch yr ateb hwn (yn Saesneg: is odd in a new way)");
    assertThat(refusals.inLanguage("must be true or false", Locale.ENGLISH)).isEqualTo("must be true or false");
    assertThat(refusals.inLanguage("must be true or false", WELSH)).isEqualTo("rhaid iddo fod yn ie neu na");
  }
}
