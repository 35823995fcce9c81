package org.equitymark.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.process.CertificationProcess;
import org.equitymark.process.Variable;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class NotificationTemplatesTests {

  private static final Pattern NOTIFICATION_PARAMETER = Pattern.compile(
      "<camunda:property name=\"notification\" value=\"([^\"]+)\"\\s*/>");
  /** Any brace pair, wider than what fill() replaces, so that a misspelt placeholder shows. */
  private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern NOTIFICATION_KEY = Pattern.compile("notification\\.(.+)\\.(subject|body)");

  private static final Properties MESSAGES = messages();

  @Test
  void shouldNameThePlaceholdersOfTheSubjectAndTheBodyInTheLanguageAsked() {
    // given
    org.springframework.context.support.StaticMessageSource messages =
        new org.springframework.context.support.StaticMessageSource();
    messages.addMessage("notification.invoice.subject", java.util.Locale.ENGLISH, "Invoice {invoiceNumber}");
    messages.addMessage("notification.invoice.body", java.util.Locale.ENGLISH, "Dear {contactName}, pay {fee}.");
    messages.addMessage("notification.invoice.subject", java.util.Locale.forLanguageTag("cy"), "Anfoneb");
    messages.addMessage("notification.invoice.body", java.util.Locale.forLanguageTag("cy"), "Annwyl {contactName}");
    NotificationTemplates templates = new NotificationTemplates(messages);

    // then only the variables the text uses are read for it
    assertThat(templates.placeholders("invoice", java.util.Locale.ENGLISH))
        .containsExactlyInAnyOrder("invoiceNumber", "contactName", "fee");
    assertThat(templates.placeholders("invoice", java.util.Locale.forLanguageTag("cy")))
        .containsExactly("contactName");
  }

  @Test
  void shouldHaveASubjectAndABodyForEveryNotificationTheModelsSend() throws IOException {
    // given
    Set<String> notifications = notificationsInModels();
    assertThat(notifications).as("notifications named in processes/*.bpmn").contains("invoice");

    // then
    for (String notification : notifications) {
      assertThat(MESSAGES.getProperty("notification." + notification + ".subject"))
          .as("notification.%s.subject", notification).isNotBlank();
      assertThat(MESSAGES.getProperty("notification." + notification + ".body"))
          .as("notification.%s.body", notification).isNotBlank();
    }
  }

  @Test
  void shouldHaveBothASubjectAndABodyForEveryNotificationText() {
    // given
    Set<String> notifications = notificationsInMessages();
    assertThat(notifications).isNotEmpty();

    // then
    for (String notification : notifications) {
      assertThat(MESSAGES).as(notification).containsKeys(
          "notification." + notification + ".subject", "notification." + notification + ".body");
    }
  }

  @Test
  void shouldUseOnlyKnownPlaceholdersInNotificationTexts() {
    // given
    Set<String> known = knownPlaceholders();

    // then
    for (String key : MESSAGES.stringPropertyNames()) {
      if (!key.startsWith("notification.")) {
        continue;
      }
      Matcher matcher = ANY_PLACEHOLDER.matcher(MESSAGES.getProperty(key));
      while (matcher.find()) {
        assertThat(matcher.group(1)).as("placeholder in %s", key).isIn(known);
      }
    }
  }

  @Test
  void shouldKnowTheVariablesOfTheCertificationProcess() {
    // when
    Set<String> known = knownPlaceholders();

    // then: the reflection finds the declarations, else the check above would be empty-handed
    assertThat(known).contains("applicationReference", "contactName", "invoiceNumber", "fee", "feeBand",
        "gapAnalysisText", "supportAdvice", "targetLevel", "accessIndicators", "outcomesSelfLevel",
        "tasklistUrl", "businessKey");
  }

  @Test
  void shouldFillKnownPlaceholders() {
    // given
    Map<String, Object> model = Map.of("contactName", "Ada", "fee", 600L, "reassessment", true);

    // when
    String text = NotificationTemplates.fill("Dear {contactName}, GBP {fee} ({reassessment}).", model);

    // then
    assertThat(text).isEqualTo("Dear Ada, GBP 600 (true).");
  }

  @Test
  void shouldFillAPlaceholderWithoutValueWithNothing() {
    // when
    String text = NotificationTemplates.fill("Reference: {applicationReference}.", Map.of());

    // then
    assertThat(text).isEqualTo("Reference: .");
  }

  @Test
  void shouldTakeDollarsAndBackslashesInValuesLiterally() {
    // given
    Map<String, Object> model = Map.of("supportAdvice", "Costs $1 or \\$2, see C:\\docs\\ and {contactName} $0");

    // when
    String text = NotificationTemplates.fill("Advice: {supportAdvice}!", model);

    // then
    assertThat(text).isEqualTo("Advice: Costs $1 or \\$2, see C:\\docs\\ and {contactName} $0!");
  }

  @Test
  void shouldLeaveNoPlaceholderInAnyRenderedNotification() {
    // given
    NotificationTemplates templates = new NotificationTemplates(messageSource());
    Map<String, Object> model = new HashMap<>();
    knownPlaceholders().forEach(name -> model.put(name, "<" + name + ">"));

    // then
    for (String notification : notificationsInMessages()) {
      Mail mail = templates.render(notification, "name@example.org", Locale.ENGLISH, model);
      assertThat(mail.subject()).as(notification).doesNotContainPattern("\\{[a-zA-Z]+}");
      assertThat(mail.body()).as(notification).doesNotContainPattern("\\{[a-zA-Z]+}");
    }
  }

  @Test
  void shouldFillTheInvoiceFromTheCaseVariables() {
    // given
    NotificationTemplates templates = new NotificationTemplates(messageSource());
    Map<String, Object> model = Map.of("applicationReference", "EM-2026-0001", "invoiceNumber", "INV-7",
        "contactName", "Ada", "fee", 600L, "feeBand", "C");

    // when
    Mail mail = templates.render("invoice", "ada@example.org", Locale.ENGLISH, model);

    // then
    assertThat(mail.to()).isEqualTo("ada@example.org");
    assertThat(mail.subject()).isEqualTo("EquityMark application EM-2026-0001: your invoice INV-7");
    assertThat(mail.body()).startsWith("Dear Ada,\n\n").contains("Invoice INV-7: fee band C, GBP 600.");
  }

  @Test
  void shouldNeverPutALineBreakInASubject() {
    // given: values that carry line breaks, as an attacker or a careless paste might
    NotificationTemplates templates = new NotificationTemplates(messageSource());
    Map<String, Object> model = new HashMap<>();
    knownPlaceholders().forEach(name -> model.put(name, "line one\r\nBcc: victim@example.org\nline three\r"));

    // then
    for (String notification : notificationsInMessages()) {
      String subject = templates.render(notification, "name@example.org", Locale.ENGLISH, model).subject();
      assertThat(subject).as(notification).doesNotContain("\n").doesNotContain("\r").contains("line one");
    }
  }

  @Test
  void shouldRemoveALineBreakWrittenIntoASubjectText() {
    // given
    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("notification.test.subject", Locale.ENGLISH, "First\nsecond {contactName}");
    messages.addMessage("notification.test.body", Locale.ENGLISH, "Body\nover lines");

    // when
    Mail mail = new NotificationTemplates(messages).render("test", "a@example.org", Locale.ENGLISH,
        Map.of("contactName", "Ada"));

    // then
    assertThat(mail.subject()).isEqualTo("First second Ada");
    assertThat(mail.body()).isEqualTo("Body\nover lines");
  }

  private static Set<String> notificationsInModels() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Matcher matcher = NOTIFICATION_PARAMETER.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    return names;
  }

  private static Set<String> notificationsInMessages() {
    Set<String> names = new TreeSet<>();
    for (String key : MESSAGES.stringPropertyNames()) {
      Matcher matcher = NOTIFICATION_KEY.matcher(key);
      if (matcher.matches()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /** The process variables of {@link CertificationProcess}, per-area ones included, and what the delegate adds. */
  private static Set<String> knownPlaceholders() {
    Set<String> names = new TreeSet<>();
    for (Field field : CertificationProcess.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Variable.class) {
        try {
          names.add(((Variable<?>) field.get(null)).name());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    for (String area : EvidenceFramework.AREA_IDS) {
      names.add(CertificationProcess.indicators(area).name());
      names.add(CertificationProcess.evidence(area).name());
      names.add(CertificationProcess.selfLevel(area).name());
    }
    names.addAll(SendNotificationDelegate.EXTRA_PLACEHOLDERS);
    return names;
  }

  private static StaticMessageSource messageSource() {
    StaticMessageSource source = new StaticMessageSource();
    MESSAGES.stringPropertyNames().forEach(key -> source.addMessage(key, Locale.ENGLISH, MESSAGES.getProperty(key)));
    return source;
  }

  private static Properties messages() {
    try (InputStream in = NotificationTemplatesTests.class.getClassLoader()
        .getResourceAsStream("i18n/messages.properties");
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      Properties properties = new Properties();
      properties.load(reader);
      return properties;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
