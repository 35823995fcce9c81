package org.equitymark.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoringScheduleTests {

  private final MonitoringSchedule schedule = new MonitoringSchedule(LocalDate.of(2026, 3, 1), LocalDate.of(2029, 3, 1),
      "P12M", "P30D", "P90D", List.of("P60D", "P30D", "P7D"));

  @Test
  void shouldEndAtTheStartOfTheDayAfterExpiryInUkTime() {
    // when / then: 2 March 2029 is in GMT
    assertThat(schedule.endsAt()).isEqualTo(Instant.parse("2029-03-02T00:00:00Z"));
    assertThat(schedule.reassessmentInvitationAt()).isEqualTo(Instant.parse("2028-12-02T00:00:00Z"));
  }

  @Test
  void shouldAskForReturnsAtTwelveAndTwentyFourMonthsOnly() {
    // when / then
    assertThat(schedule.annualReturnOpensAt(1)).hasValue(Instant.parse("2027-03-01T00:00:00Z"));
    assertThat(schedule.annualReturnOpensAt(2)).hasValue(Instant.parse("2028-03-01T00:00:00Z"));
    assertThat(schedule.annualReturnOpensAt(3)).isEmpty();
    // due 30 days later at UK midnight, which is British Summer Time by then
    assertThat(schedule.annualReturnDueAt(Instant.parse("2027-03-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2027-03-30T23:00:00Z"));
  }

  @Test
  void shouldRemindSixtyThirtyAndSevenDaysBeforeTheEnd() {
    // when / then
    assertThat(schedule.reassessmentReminderAt(0)).hasValue(Instant.parse("2029-01-01T00:00:00Z"));
    assertThat(schedule.reassessmentReminderAt(2)).hasValue(Instant.parse("2029-02-23T00:00:00Z"));
    assertThat(schedule.reassessmentReminderAt(3)).isEmpty();
  }

  @Test
  void shouldKeepToUkMidnightInSummerTime() {
    // given a certificate that expires in British Summer Time
    MonitoringSchedule summer = new MonitoringSchedule(LocalDate.of(2026, 7, 1), LocalDate.of(2029, 7, 1),
        "P12M", "P30D", "P90D", List.of());

    // when / then: midnight in London is 23:00 UTC
    assertThat(summer.endsAt()).isEqualTo(Instant.parse("2029-07-01T23:00:00Z"));
    assertThat(summer.annualReturnOpensAt(1)).hasValue(Instant.parse("2027-06-30T23:00:00Z"));
  }
}
