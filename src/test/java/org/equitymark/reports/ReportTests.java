package org.equitymark.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTests {

  @Test
  void shouldSuppressCountsOfPeopleFromOneToFourAndWhatIsComputedFromThem() {
    // when / then
    assertThat(Report.peopleCount(0)).isEqualTo(0L);
    assertThat(Report.peopleCount(1)).isEqualTo("<5");
    assertThat(Report.peopleCount(4)).isEqualTo("<5");
    assertThat(Report.peopleCount(5)).isEqualTo(5L);
    assertThat(Report.percentage(3, 40)).isEqualTo("<5");
    assertThat(Report.percentage(30, 4)).isEqualTo("<5");
    assertThat(Report.percentage(30, 40)).isEqualTo(75.0);
    assertThat(Report.percentage(0, 0)).isNull();
  }

  @Test
  void shouldWriteCsvWithQuotingAndWithoutFormulas() {
    // given
    Report report = Report.builder("test", "a test", "name", "count")
        .row("Brave, \"Bold\" & Co", 7L)
        .row("=HYPERLINK(\"x\")", Report.peopleCount(2))
        .row(null, 0L)
        .build();

    // when
    String csv = ReportCsv.write(report);

    // then
    assertThat(csv).isEqualTo("name,count\r\n"
        + "\"Brave, \"\"Bold\"\" & Co\",7\r\n"
        + "\"'=HYPERLINK(\"\"x\"\")\",<5\r\n"
        + ",0\r\n");
  }

  @Test
  void shouldAnswerCsvOnlyWhenAskedForBeforeJson() {
    assertThat(ReportsController.wantsCsv("text/csv")).isTrue();
    assertThat(ReportsController.wantsCsv("text/csv;q=0.9, application/json")).isFalse();
    assertThat(ReportsController.wantsCsv("application/json")).isFalse();
    assertThat(ReportsController.wantsCsv(null)).isFalse();
    assertThat(ReportsController.wantsCsv("*/*")).isFalse();
  }
}
