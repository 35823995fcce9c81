package org.equitymark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.certificate.CertificateFixtures.text;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.equitymark.certificate.FeedbackReportRequest.AreaFinding;
import org.equitymark.framework.Level;
import org.junit.jupiter.api.Test;

/** The feedback report of a not-certified outcome, read back from the PDF. */
class FeedbackReportPdfTests {

  private final FeedbackReportPdf pdf = new FeedbackReportPdf(CertificateFixtures.pageTexts());

  @Test
  void shouldGiveTheFindingsOfEachArea() {
    // when
    String text = text(pdf.render(report(List.of(
        new AreaFinding("leadership", Level.FOUNDATION, "Clear commitment; <b>no</b> plan yet.",
            List.of("Strategic plan with targets, leads and dates")),
        new AreaFinding("outcomes", Level.NONE, null, List.of()))), PageTexts.ENGLISH));

    // then
    assertThat(text).contains("EquityMark feedback report", "Brookside & Co", "CC-2026-00009", "2026.1",
        "Target level: Competence", "Level reached: No level yet",
        "Leadership, governance and accountability", "Level reached: Foundation",
        "Clear commitment; <b>no</b> plan yet.", "Strategic plan with targets, leads and dates",
        "Monitoring, outcomes and feedback", "No comment.", "Nothing: every indicator");
  }

  @Test
  void shouldSpeakWelsh() {
    // when
    String text = text(pdf.render(report(List.of(
        new AreaFinding("access", Level.DEVELOPING, "Da iawn.", List.of("Support groups")))), PageTexts.WELSH));

    // then
    assertThat(text).contains("Adroddiad adborth EquityMark", "Gwasanaethau priodol a hygyrch",
        "Lefel a gyrhaeddwyd: Datblygu", "Lefel darged: Cymhwysedd", "Sylwadau'r asesydd");
  }

  @Test
  void shouldRunOntoMorePagesWhenTheFindingsAreLong() throws IOException {
    // given long comments and many missing indicators in every area
    List<AreaFinding> findings = List.of("leadership", "workforce", "engagement", "access", "outcomes").stream()
        .map(area -> new AreaFinding(area, Level.FOUNDATION, "A long comment. ".repeat(60),
            IntStream.range(0, 8).mapToObj(i -> "Indicator " + i + " still to be evidenced").toList()))
        .toList();

    // when
    byte[] bytes = pdf.render(report(findings), PageTexts.ENGLISH);

    // then
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
    }
    assertThat(text(bytes)).contains("Monitoring, outcomes and feedback", "Indicator 7 still to be evidenced");
  }

  private static FeedbackReportRequest report(List<AreaFinding> findings) {
    return new FeedbackReportRequest("CC-2026-00009", "Brookside & Co", null, "2026.1", LocalDate.of(2026, 5, 4),
        Level.COMPETENCE, Level.NONE, findings);
  }
}
