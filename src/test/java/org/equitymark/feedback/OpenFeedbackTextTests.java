package org.equitymark.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.equitymark.submission.Checks;
import org.junit.jupiter.api.Test;

/** The open feedback an assessor sees is one string variable, which holds at most 4,000 characters. */
class OpenFeedbackTextTests {

  private static Feedback feedback(long id, String message) {
    return new Feedback(id, "EM-2027-00001", "service-user", message, Instant.parse("2027-03-01T10:00:00Z"),
        Feedback.OPEN, null, null, null);
  }

  @Test
  void shouldShowEveryShortMessageWhole() {
    // when
    String text = ShowOpenFeedbackListener.text(List.of(feedback(1, "Interpreters  were\nlate."), feedback(2, "Kind staff.")));

    // then
    assertThat(text).isEqualTo("- 2027-03-01, service-user (feedback 1): Interpreters were late.\n"
        + "- 2027-03-01, service-user (feedback 2): Kind staff.");
  }

  @Test
  void shouldStayWithinAStringVariableAndCountWhatItLeavesOut() {
    // given ten of the longest messages the feedback form takes, stored escaped
    List<Feedback> open = LongStream.rangeClosed(1, 10)
        .mapToObj(id -> feedback(id, "&lt;".repeat(FeedbackForm.MAX_MESSAGE / 4 + 1))).toList();

    // when
    String text = ShowOpenFeedbackListener.text(open);

    // then
    assertThat(text.length()).isLessThanOrEqualTo(Checks.MAX_TEXT_VARIABLE);
    assertThat(text).contains("(feedback 1): " + "&lt;".repeat(ShowOpenFeedbackListener.MAX_MESSAGE_SHOWN / 4) + " [...]")
        .contains("(feedback 3)").doesNotContain("(feedback 10)")
        .endsWith("more open feedback, not shown here: each is in the scheme managers' feedback triage");
  }
}
