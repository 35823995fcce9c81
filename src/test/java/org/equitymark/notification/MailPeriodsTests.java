package org.equitymark.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.equitymark.engine.TimerProperties;
import org.equitymark.engine.Timers;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The periods a mail names come from the configured timers, in the mail's language: change one and
 * the mail says it. No notification text carries such a number itself.
 */
class MailPeriodsTests {

  private static final Locale WELSH = Locale.forLanguageTag("cy");
  /** A number followed by a unit of time, in English or Welsh (mutated forms included). */
  private static final Pattern LITERAL_PERIOD = Pattern.compile("\\b\\d+\\s+(days?|weeks?|months?|years?|hours?"
      + "|diwrnod|ddiwrnod|wythnos|mis|fis|blwyddyn|flwyddyn|blynedd|flynedd|mlynedd|awr)\\b");

  private final ResourceBundleMessageSource messages = messages();

  @Test
  void shouldSayTheConfiguredPeriodsInEnglishAndWelsh() {
    // given periods configured other than the defaults: an appeal window of 45 days, lapse after 2
    // months, annual returns due after 30 days and suspending 75 days after opening (45 days' grace)
    Timers configured = timers("P45D", "P2M", "P30D", "P75D", "P1Y");

    // then the mails say them
    assertThat(body("certificate-issued", configured, Locale.ENGLISH)).contains("you may appeal within 45 days.");
    assertThat(body("certificate-issued", configured, WELSH)).contains("gallwch apelio o fewn 45 diwrnod.");
    assertThat(body("feedback-report", configured, Locale.ENGLISH)).contains("you may appeal within 45 days.");
    assertThat(body("payment-reminder", configured, Locale.ENGLISH)).contains("Applications unpaid 2 months after");
    assertThat(body("payment-reminder", configured, WELSH)).contains("heb eu talu 2 fis ar ôl");
    assertThat(body("annual-return-invitation", configured, Locale.ENGLISH))
        .contains("the certificate is suspended 45 days after that date.");
    assertThat(body("annual-return-reminder", configured, WELSH)).contains("ei hatal 45 diwrnod ar ôl");
    assertThat(body("self-assessment-reminder", configured, Locale.ENGLISH)).contains("activity for 1 year are withdrawn");
  }

  @Test
  void shouldSayTheDefaultPeriodsAsBefore() {
    // given application.yaml's defaults
    Timers defaults = timers("P28D", "P60D", "P30D", "P90D", "P90D");

    // then
    assertThat(body("certificate-issued", defaults, Locale.ENGLISH)).contains("you may appeal within 28 days.");
    assertThat(body("payment-reminder", defaults, Locale.ENGLISH)).contains("Applications unpaid 60 days after");
    assertThat(body("self-assessment-reminder", defaults, WELSH)).contains("am 90 diwrnod");
    assertThat(body("annual-return-reminder", defaults, Locale.ENGLISH)).contains("suspended 60 days after the due date");
  }

  @Test
  void shouldWriteAPeriodInTheUnitItIsConfiguredIn() {
    MailPeriods periods = new MailPeriods(timers("P28D", "P60D", "P30D", "P90D", "P90D"), messages);

    assertThat(periods.text("P1D", Locale.ENGLISH)).isEqualTo("1 day");
    assertThat(periods.text("P2D", WELSH)).isEqualTo("2 ddiwrnod");
    assertThat(periods.text("P18M", Locale.ENGLISH)).isEqualTo("18 months");
    assertThat(periods.text("P1Y6M", Locale.ENGLISH)).isEqualTo("18 months");
    assertThat(periods.text("P3Y", WELSH)).isEqualTo("3 blynedd");
    assertThat(periods.text("PT48H", Locale.ENGLISH)).isEqualTo("48 hours");
    assertThat(periods.text("P1M15D", Locale.ENGLISH)).isEqualTo("46 days");
  }

  @Test
  void shouldCarryNoLiteralPeriodInAnyNotificationText() {
    for (String bundle : List.of("i18n/messages.properties", "i18n/messages_cy.properties")) {
      Properties texts = load(bundle);
      for (String key : texts.stringPropertyNames()) {
        if (key.startsWith("notification.") || key.startsWith("signup.mail.")) {
          assertThat(texts.getProperty(key)).as("%s in %s: a period comes from the configuration", key, bundle)
              .doesNotContainPattern(LITERAL_PERIOD);
        }
      }
    }
  }

  private String body(String notification, Timers timers, Locale locale) {
    Map<String, Object> model = new MailPeriods(timers, messages).in(locale);
    return new NotificationTemplates(messages).render(notification, "ada@example.org", locale, model).body();
  }

  /** The configured timers, with the given ones and the defaults for the rest. */
  private static Timers timers(String appealWindow, String paymentLapse, String annualReturnDue,
      String annualReturnOverdue, String selfAssessmentIdle) {
    return new Timers(new TimerProperties("R/P14D", paymentLapse, "R/P14D", selfAssessmentIdle, "P7D", "P21D",
        appealWindow, "P12M", annualReturnDue, "R/P14D", annualReturnOverdue, "P90D", "P60D,P30D,P7D", "P3M", "P30D",
        "R/P1Y", "P90D", "P6M"));
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("i18n/messages");
    source.setDefaultEncoding(StandardCharsets.UTF_8.name());
    source.setFallbackToSystemLocale(false);
    return source;
  }

  private static Properties load(String bundle) {
    try (InputStream in = MailPeriodsTests.class.getClassLoader().getResourceAsStream(bundle);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      Properties properties = new Properties();
      properties.load(reader);
      return properties;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
