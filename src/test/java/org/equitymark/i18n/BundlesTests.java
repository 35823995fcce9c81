package org.equitymark.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import java.util.stream.Stream;

/**
 * Welsh Language Standards: every text we show or send exists in English and in Welsh. A key in only
 * one language, an empty text, or a placeholder that differs between the two fails the build.
 */
class BundlesTests {

  /** The message bundles under {@code i18n/}: notification mails and the public pages with the certificate. */
  private static final Set<String> BUNDLES = Set.of("messages", "pages", "portal", "reports");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  @TestFactory
  Stream<DynamicTest> shouldHaveEveryKeyInEnglishAndWelsh() {
    return BUNDLES.stream().map(bundle -> DynamicTest.dynamicTest(bundle, () -> {
      // given
      Properties english = load("i18n/" + bundle + ".properties");
      Properties welsh = load("i18n/" + bundle + "_cy.properties");

      // then
      assertThat(english).as("i18n/%s.properties", bundle).isNotEmpty();
      assertThat(missing(english, welsh)).as("keys of %s missing in Welsh (%s_cy.properties)", bundle, bundle).isEmpty();
      assertThat(missing(welsh, english)).as("keys of %s_cy missing in English (%s.properties)", bundle, bundle).isEmpty();
    }));
  }

  @TestFactory
  Stream<DynamicTest> shouldHaveNoEmptyText() {
    return BUNDLES.stream().flatMap(bundle -> Stream.of(bundle + ".properties", bundle + "_cy.properties"))
        .map(file -> DynamicTest.dynamicTest(file, () -> {
          Properties texts = load("i18n/" + file);
          for (String key : texts.stringPropertyNames()) {
            assertThat(texts.getProperty(key)).as("%s in %s", key, file).isNotBlank();
          }
        }));
  }

  @TestFactory
  Stream<DynamicTest> shouldUseTheSamePlaceholdersInBothLanguages() {
    return BUNDLES.stream().map(bundle -> DynamicTest.dynamicTest(bundle, () -> {
      // given
      Properties english = load("i18n/" + bundle + ".properties");
      Properties welsh = load("i18n/" + bundle + "_cy.properties");

      // then
      for (String key : english.stringPropertyNames()) {
        if (welsh.containsKey(key)) {
          assertThat(placeholders(welsh.getProperty(key))).as("placeholders of %s in Welsh", key)
              .isEqualTo(placeholders(english.getProperty(key)));
        }
      }
    }));
  }

  @Test
  void shouldNoticeAKeyThatExistsInOneLanguageOnly() {
    // given
    Properties english = new Properties();
    english.setProperty("notification.invoice.subject", "Your invoice");
    english.setProperty("notification.new.subject", "Only in English");
    Properties welsh = new Properties();
    welsh.setProperty("notification.invoice.subject", "Eich anfoneb");

    // then
    assertThat(missing(english, welsh)).containsExactly("notification.new.subject");
    assertThat(missing(welsh, english)).isEmpty();
  }

  @Test
  void shouldReadWelshCharactersAsUtf8() {
    // when
    Properties welsh = load("i18n/pages_cy.properties");

    // then: â and ô survive, so the bundles are read (and written) as UTF-8
    assertThat(welsh.getProperty("area.engagement")).contains("â");
  }

  private static Set<String> missing(Properties from, Properties in) {
    Set<String> keys = new TreeSet<>(from.stringPropertyNames());
    keys.removeAll(in.stringPropertyNames());
    return keys;
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Properties load(String resource) {
    InputStream in = BundlesTests.class.getClassLoader().getResourceAsStream(resource);
    assertThat(in).as("%s on the classpath", resource).isNotNull();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      Properties properties = new Properties();
      properties.load(reader);
      return properties;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
