package org.equitymark.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.booleanValue;
import static org.camunda.bpm.engine.variable.Variables.doubleValue;
import static org.camunda.bpm.engine.variable.Variables.integerValue;
import static org.camunda.bpm.engine.variable.Variables.longValue;
import static org.camunda.bpm.engine.variable.Variables.shortValue;
import static org.camunda.bpm.engine.variable.Variables.stringValue;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.submission.Field.Check;
import org.junit.jupiter.api.Test;

class ChecksTests {

  private static final String TEN_MEGABYTES = "x".repeat(10 * 1024 * 1024);

  // text

  @Test
  void shouldAcceptTextWithinTheBounds() {
    // given
    Check check = Checks.text(2, 200);

    // then
    assertThat(check.problem(stringValue("ab"))).isEmpty();
    assertThat(check.problem(stringValue("a".repeat(200)))).isEmpty();
    assertThat(check.problem(stringValue("  " + "a".repeat(200) + "  "))).as("trimmed before counting").isEmpty();
    assertThat(check.problem(stringValue("Ŵales & <b>Co</b> — ünïcode"))).isEmpty();
  }

  @Test
  void shouldRejectTextOutsideTheBounds() {
    // given
    Check check = Checks.text(2, 200);

    // then
    assertThat(check.problem(stringValue("a"))).contains("must be at least 2 characters");
    assertThat(check.problem(stringValue("  a  "))).as("trimmed before counting")
        .contains("must be at least 2 characters");
    assertThat(check.problem(stringValue("a".repeat(201)))).contains("must be at most 200 characters");
  }

  @Test
  void shouldSayEmptyTextMustNotBeEmptyWhenOneCharacterIsEnough() {
    // then
    assertThat(Checks.text(1, 20).problem(stringValue("   "))).contains("must not be empty");
    assertThat(Checks.text(0, 20).problem(stringValue(""))).isEmpty();
  }

  @Test
  void shouldRejectLineBreaksTabsAndControlCharactersInText() {
    // given
    Check check = Checks.text(0, 200);

    // then
    for (String value : List.of("first\nsecond", "first\rsecond", "first\tsecond", "bell\u0007", "nul\u0000",
        "escape\u001b[31m", "delete\u007f")) {
      assertThat(check.problem(stringValue(value))).as("%s", value.replaceAll("\\p{Cntrl}", "?"))
          .contains("must be a single line of text without control characters");
    }
  }

  @Test
  void shouldRejectATrailingLineBreakInText() {
    // then
    assertThat(Checks.text(2, 200).problem(stringValue("Name\n")))
        .contains("must be a single line of text without control characters");
  }

  @Test
  void shouldRejectNonTextWhereTextIsExpected() {
    // then
    assertThat(Checks.text(0, 200).problem(integerValue(42))).contains("must be text");
    assertThat(Checks.text(0, 200).problem(booleanValue(true))).contains("must be text");
    assertThat(Checks.text(0, 200).problem(SpinValues.jsonValue("\"a\"").create())).contains("must be text");
    assertThat(Checks.paragraphs(100).problem(longValue(1L))).contains("must be text");
    assertThat(Checks.email().problem(integerValue(1))).contains("must be text");
    assertThat(Checks.oneOf("a").problem(booleanValue(false))).contains("must be text");
  }

  @Test
  void shouldRejectTenMegabytesOfText() {
    // then
    assertThat(Checks.text(2, 200).problem(stringValue(TEN_MEGABYTES))).contains("must be at most 200 characters");
    assertThat(Checks.paragraphs(20000).problem(stringValue(TEN_MEGABYTES)))
        .contains("must be at most 20000 characters");
  }

  // paragraphs

  @Test
  void shouldAcceptLineBreaksAndTabsInParagraphs() {
    // then
    assertThat(Checks.paragraphs(100).problem(stringValue("First line\r\nSecond line\n\n\tIndented"))).isEmpty();
    assertThat(Checks.paragraphs(100).problem(stringValue(""))).isEmpty();
  }

  @Test
  void shouldRejectParagraphsLongerThanTheMaximum() {
    // then
    assertThat(Checks.paragraphs(20).problem(stringValue("a".repeat(20)))).isEmpty();
    assertThat(Checks.paragraphs(20).problem(stringValue("a".repeat(21)))).contains("must be at most 20 characters");
  }

  @Test
  void shouldRejectControlCharactersInParagraphs() {
    // then
    assertThat(Checks.paragraphs(100).problem(stringValue("line\u0000")))
        .contains("must not contain control characters");
    assertThat(Checks.paragraphs(100).problem(stringValue("line\n\u001b[2J")))
        .contains("must not contain control characters");
  }

  // email

  @Test
  void shouldAcceptEmailAddresses() {
    // then
    for (String email : List.of("name@example.org", "first.last+tag@mail.example.co.uk", "o'neil@nhs.net")) {
      assertThat(Checks.email().problem(stringValue(email))).as(email).isEmpty();
    }
  }

  @Test
  void shouldRejectWhatIsNoEmailAddress() {
    // then
    for (String email : List.of("", "name", "name@", "@example.org", "name@example", "name@@example.org",
        "na me@example.org", "name@example.org\nBcc: victim@example.org", "name@.org", "name@example.")) {
      assertThat(Checks.email().problem(stringValue(email))).as(email)
          .contains("must be an email address such as name@example.org");
    }
  }

  /**
   * Documents a bug in main (fails today): MailConfiguration sends with {@code new InternetAddress(to, true)},
   * which refuses these addresses, so a registration accepted here could never be mailed (every notification
   * job of the case would end in an incident). The check must refuse what the mail layer refuses.
   */
  @Test
  void shouldRejectEmailAddressesTheMailLayerRefuses() {
    // then
    for (String email : List.of("a,b@example.org", "a;b@example.org", "<a>@example.org", "a:b@example.org",
        "a(b)@example.org", "a[b]@example.org", ".name@example.org", "a\u0000b@example.org",
        "name@example.org\u0085")) {
      assertThat(Checks.email().problem(stringValue(email))).as(email.replaceAll("\\p{Cntrl}", "?"))
          .contains("must be an email address such as name@example.org");
    }
  }

  @Test
  void shouldRejectAnEmailAddressLongerThan254Characters() {
    // given
    String domain = "@example.org";
    String longest = "a".repeat(254 - domain.length()) + domain;

    // then
    assertThat(Checks.email().problem(stringValue(longest))).isEmpty();
    assertThat(Checks.email().problem(stringValue("a" + longest))).isPresent();
  }

  // oneOf

  @Test
  void shouldAcceptOnlyTheListedValues() {
    // given
    Check check = Checks.oneOf("nhs-trust", "voluntary-community");

    // then
    assertThat(check.problem(stringValue("nhs-trust"))).isEmpty();
    assertThat(check.problem(stringValue("voluntary-community"))).isEmpty();
    assertThat(check.problem(stringValue("NHS-trust"))).contains("must be one of nhs-trust, voluntary-community");
    assertThat(check.problem(stringValue(" nhs-trust"))).isPresent();
    assertThat(check.problem(stringValue(""))).isPresent();
  }

  // wholeNumber

  @Test
  void shouldAcceptWholeNumbersWithinTheBoundsInclusive() {
    // given
    Check check = Checks.wholeNumber(1, 1_000_000);

    // then
    assertThat(check.problem(integerValue(1))).isEmpty();
    assertThat(check.problem(longValue(1_000_000L))).isEmpty();
    assertThat(check.problem(integerValue(120))).isEmpty();
    assertThat(check.problem(shortValue((short) 10))).isEmpty();
  }

  @Test
  void shouldRejectWholeNumbersOutsideTheBounds() {
    // given
    Check check = Checks.wholeNumber(1, 1_000_000);

    // then
    for (TypedValue value : List.of(integerValue(0), longValue(1_000_001L), integerValue(-3),
        longValue(Long.MIN_VALUE), longValue(Long.MAX_VALUE))) {
      assertThat(check.problem(value)).as("%s", value.getValue())
          .contains("must be a whole number from 1 to 1000000");
    }
  }

  @Test
  void shouldRejectWhatIsNoWholeNumber() {
    // given
    Check check = Checks.wholeNumber(1, 1_000_000);

    // then
    assertThat(check.problem(stringValue("10"))).contains("must be a whole number from 1 to 1000000");
    assertThat(check.problem(doubleValue(10.5))).contains("must be a whole number from 1 to 1000000");
    assertThat(check.problem(booleanValue(true))).isPresent();
  }

  // yesNo

  @Test
  void shouldAcceptOnlyBooleansAsYesOrNo() {
    // then
    assertThat(Checks.yesNo().problem(booleanValue(true))).isEmpty();
    assertThat(Checks.yesNo().problem(booleanValue(false))).isEmpty();
    assertThat(Checks.yesNo().problem(stringValue("true"))).contains("must be true or false");
    assertThat(Checks.yesNo().problem(integerValue(1))).contains("must be true or false");
  }

  // jsonListOf

  @Test
  void shouldAcceptAJsonListOfAcceptedStrings() {
    // given
    Check check = Checks.jsonListOf(Set.of("a", "b")::contains, "letters a or b");

    // then
    assertThat(check.problem(json("[\"a\",\"b\"]"))).isEmpty();
    assertThat(check.problem(json("[]"))).isEmpty();
  }

  @Test
  void shouldRejectWhatIsNoJsonListOfStrings() {
    // given
    Check check = Checks.jsonListOf(Set.of("a")::contains, "letters a");

    // then
    for (TypedValue value : List.of(stringValue("[\"a\"]"), json("not json"), json("{\"a\": 1}"), json("[1, 2]"),
        json("[\"a\", null]"), json("[[\"a\"]]"), json("\"a\""), integerValue(1))) {
      assertThat(check.problem(value)).as("%s", value).contains("must be a JSON list of letters a");
    }
  }

  @Test
  void shouldNameTheOneValueThatIsNotAccepted() {
    // given
    Check check = Checks.jsonListOf(Set.of("access.foundation.1")::contains, "indicator ids of area access");

    // then
    assertThat(check.problem(json("[\"access.foundation.1\",\"leadership.foundation.1\"]")))
        .contains("contains leadership.foundation.1, which is not indicator ids of area access");
  }

  @Test
  void shouldNameTheValuesThatAreNotAccepted() {
    // given
    Check check = Checks.jsonListOf(Set.of("a")::contains, "letters a");

    // then
    assertThat(check.problem(json("[\"a\",\"x\",\"y\"]"))).contains("contains x, y, which are not letters a");
  }

  @Test
  void shouldSummariseMoreThanFiveValuesThatAreNotAccepted() {
    // given
    Check check = Checks.jsonListOf(Set.of("a")::contains, "letters a");

    // when
    String problem = check.problem(json("[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\"]")).orElseThrow();

    // then
    assertThat(problem).isEqualTo("contains b, c, d, e, f and 2 more, which are not letters a");
  }

  @Test
  void shouldSummariseTheSixthValueThatIsNotAccepted() {
    // given
    Check check = Checks.jsonListOf(Set.of("a")::contains, "letters a");

    // when
    String problem = check.problem(json("[\"b\",\"c\",\"d\",\"e\",\"f\",\"g\"]")).orElseThrow();

    // then
    assertThat(problem).isEqualTo("contains b, c, d, e, f and 1 more, which are not letters a");
  }

  private static TypedValue json(String json) {
    return SpinValues.jsonValue(json).create();
  }
}
