package org.equitymark.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.equitymark.assessment.ClarificationThread.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClarificationThreadTests {

  private static final ClarificationThread EMPTY = new ClarificationThread(List.of());

  @Test
  void shouldRecordEachRoundInOrderWithItsQuestionsAnswerAndSupportNote() {
    // when
    ClarificationThread thread = EMPTY
        .ask(1, "assessor1", "3 Mar 2026 10:00 UTC", "Please send the 2025 workforce data.")
        .answer("applicant1", "5 Mar 2026 09:30 UTC", "Attached as workforce-2025.pdf.")
        .ask(2, "assessor1", "6 Mar 2026 11:00 UTC", "Which board minutes approved the strategy?")
        .supportNote("Reminded the applicant by phone.")
        .answer("applicant2", "9 Mar 2026 16:45 UTC", "Minutes of 12 January 2026.");

    // then
    assertThat(thread.entries()).containsExactly(
        new Entry(1, "assessor1", "3 Mar 2026 10:00 UTC", "Please send the 2025 workforce data.",
            "applicant1", "5 Mar 2026 09:30 UTC", "Attached as workforce-2025.pdf.", null),
        new Entry(2, "assessor1", "6 Mar 2026 11:00 UTC", "Which board minutes approved the strategy?",
            "applicant2", "9 Mar 2026 16:45 UTC", "Minutes of 12 January 2026.", "Reminded the applicant by phone."));
  }

  @Test
  void shouldLeaveAnAskedRoundOpenUntilItIsAnswered() {
    // when
    ClarificationThread thread = EMPTY.ask(1, "assessor1", "3 Mar 2026 10:00 UTC", "Which ward?");

    // then
    assertThat(thread.entries()).containsExactly(
        new Entry(1, "assessor1", "3 Mar 2026 10:00 UTC", "Which ward?", null, null, null, null));
  }

  @Test
  void shouldNotChangeTheThreadItIsCalledOn() {
    // given
    ClarificationThread asked = EMPTY.ask(1, "assessor1", "3 Mar 2026 10:00 UTC", "Which ward?");

    // when
    asked.answer("applicant1", "4 Mar 2026 10:00 UTC", "Ward 7.");
    asked.supportNote("Called them.");

    // then
    assertThat(EMPTY.entries()).isEmpty();
    assertThat(asked.entries()).singleElement().satisfies(entry -> {
      assertThat(entry.response()).isNull();
      assertThat(entry.supportNote()).isNull();
    });
  }

  @Test
  void shouldRefuseAnAnswerWhenNoQuestionWasAsked() {
    assertThatThrownBy(() -> EMPTY.answer("applicant1", "3 Mar 2026 10:00 UTC", "Here you are."))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldRefuseASupportNoteWhenNoQuestionWasAsked() {
    assertThatThrownBy(() -> EMPTY.supportNote("Called them."))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldKeepEverythingThroughJson() {
    // given: answered, noted and open rounds, markup, quotes, line breaks and non-ASCII text
    ClarificationThread thread = EMPTY
        .ask(1, "assessor1", "3 Mar 2026 10:00 UTC", "Send the \"2025\" data:\n- by **ethnic group**\n- <b>all</b> wards")
        .supportNote("Escalated after 21 days — called Siân.")
        .answer("applicant1", "30 Mar 2026 09:30 UTC", "Ŵales data attached.\nSee [report](https://example.org/r?a=1&b=2).")
        .ask(2, "assessor2", "31 Mar 2026 11:00 UTC", "And the complaints log?");

    // when
    ClarificationThread read = ClarificationThread.fromJson(thread.toJson());

    // then
    assertThat(read).isEqualTo(thread);
    assertThat(read.entries()).hasSize(2);
    assertThat(read.entries().get(1).response()).isNull();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n"})
  void shouldReadNoJsonAsAnEmptyThread(String json) {
    // when
    ClarificationThread thread = ClarificationThread.fromJson(json);

    // then
    assertThat(thread.entries()).isEmpty();
    assertThat(thread.toText()).isEmpty();
  }

  @Test
  void shouldRefuseJsonThatIsNotAThread() {
    assertThatThrownBy(() -> ClarificationThread.fromJson("{\"round\": 1}"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldShowTheRoundsInOrderWithQuestionsAndAnswers() {
    // given
    ClarificationThread thread = EMPTY
        .ask(1, "assessor1", "3 Mar 2026 10:00 UTC", "First question")
        .answer("applicant1", "5 Mar 2026 09:30 UTC", "First answer")
        .ask(2, "assessor1", "6 Mar 2026 11:00 UTC", "Second question")
        .answer("applicant1", "8 Mar 2026 12:00 UTC", "Second answer");

    // when
    String text = thread.toText();

    // then
    assertThat(text).containsSubsequence(
        "Round 1", "3 Mar 2026 10:00 UTC", "First question", "Answer", "5 Mar 2026 09:30 UTC", "First answer",
        "Round 2", "6 Mar 2026 11:00 UTC", "Second question", "Answer", "8 Mar 2026 12:00 UTC", "Second answer");
    assertThat(text).doesNotContain("Not yet answered");
  }

  @Test
  void shouldShowAnOpenRoundAsNotYetAnswered() {
    // given
    ClarificationThread thread = EMPTY
        .ask(1, "assessor1", "3 Mar 2026 10:00 UTC", "First question")
        .answer("applicant1", "5 Mar 2026 09:30 UTC", "First answer")
        .ask(2, "assessor1", "6 Mar 2026 11:00 UTC", "Second question");

    // when
    String text = thread.toText();

    // then
    assertThat(text).containsSubsequence("Round 1", "First question", "First answer",
        "Round 2", "Second question", "Not yet answered");
    assertThat(text.indexOf("Not yet answered")).as("only the open round is unanswered")
        .isGreaterThan(text.indexOf("Round 2"));
    assertThat(text.split("Not yet answered", -1)).hasSize(2);
  }

  @Test
  void shouldShowTheSupportOfficersNoteWithItsRound() {
    // given
    ClarificationThread thread = EMPTY
        .ask(1, "assessor1", "3 Mar 2026 10:00 UTC", "First question")
        .supportNote("Called the applicant")
        .ask(2, "assessor1", "6 Mar 2026 11:00 UTC", "Second question");

    // when
    String text = thread.toText();

    // then
    assertThat(text).containsSubsequence("Round 1", "First question", "Not yet answered", "Called the applicant",
        "Round 2", "Second question");
  }

  @Test
  void shouldKeepMarkupInAQuestionAsText() {
    // given: Markdown and HTML are not escaped here; the form renders Markdown and sanitises it
    String question = "Please send **all** of:\n- the <em>policy</em>\n- [the plan](https://example.org/plan?a=1&b=2)"
        + " <script>alert(1)</script>";

    // when
    String text = EMPTY.ask(1, "assessor1", "3 Mar 2026 10:00 UTC", question).toText();

    // then
    assertThat(text).contains(question);
  }
}
