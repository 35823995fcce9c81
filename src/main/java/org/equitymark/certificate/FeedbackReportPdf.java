package org.equitymark.certificate;

import java.awt.Color;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.equitymark.certificate.FeedbackReportRequest.AreaFinding;
import org.equitymark.framework.Level;
import org.springframework.stereotype.Component;

/**
 * The feedback report for an outcome that is not certified, or certified below its target: A4 portrait, as many pages as the
 * findings need, in the applicant's language. Per area: level reached, the assessor's comment, and
 * the indicators still to be evidenced.
 */
@Component
public class FeedbackReportPdf {

  private static final Color INK = new Color(0x1b, 0x1b, 0x1b);
  private static final Color ACCENT = new Color(0x0b, 0x55, 0x63);
  private static final Color MUTED = new Color(0x4b, 0x4b, 0x4b);
  private static final float MARGIN = 56;

  private final PageTexts texts;

  public FeedbackReportPdf(PageTexts texts) {
    this.texts = texts;
  }

  public byte[] render(FeedbackReportRequest report, Locale locale) {
    try (PdfCanvas canvas = PdfCanvas.create(PDRectangle.A4)) {
      Flow flow = new Flow(canvas);
      flow.write(texts.get("feedback.title", locale), 20, ACCENT, 0);
      flow.write(texts.get("certificate.subtitle", locale), 11, MUTED, 0);
      flow.space(10);
      fact(flow, "certificate.organisation", report.organisationName(), locale);
      if (report.workplaceArea() != null && !report.workplaceArea().isBlank()) {
        fact(flow, "certificate.workplaceArea", report.workplaceArea(), locale);
      }
      fact(flow, "feedback.application", report.applicationReference(), locale);
      fact(flow, "certificate.frameworkVersion", report.frameworkVersion(), locale);
      fact(flow, "feedback.assessedOn", PageTexts.date(report.assessedOn(), locale), locale);
      fact(flow, "feedback.targetLevel", texts.level(report.targetLevel(), locale), locale);
      fact(flow, "feedback.levelReached", texts.level(report.achievedLevel(), locale), locale);
      flow.space(8);
      // certified below the target, or not certified at all
      flow.write(texts.get(report.achievedLevel() == Level.NONE ? "feedback.intro" : "feedback.introCertified", locale),
          10, INK, 0);
      report.findings().forEach(finding -> area(flow, finding, locale));
      return canvas.toBytes(texts.get("feedback.title", locale) + " " + report.applicationReference(),
          locale.getLanguage());
    }
  }

  private void area(Flow flow, AreaFinding finding, Locale locale) {
    flow.space(14);
    flow.write(texts.area(finding.area(), locale), 14, ACCENT, 0);
    fact(flow, "feedback.levelReached", texts.level(finding.levelReached(), locale), locale);
    flow.write(texts.get("feedback.assessorComment", locale), 10, MUTED, 0);
    String comment = finding.assessorComment() == null || finding.assessorComment().isBlank()
        ? texts.get("feedback.noComment", locale) : finding.assessorComment();
    for (String paragraph : comment.split("\\R+")) {
      flow.write(paragraph, 10, INK, 12);
    }
    flow.write(texts.get("feedback.missing", locale), 10, MUTED, 0);
    if (finding.missingIndicators().isEmpty()) {
      flow.write(texts.get("feedback.nothingMissing", locale), 10, INK, 12);
    }
    finding.missingIndicators().forEach(indicator -> flow.bullet(indicator, 10));
  }

  private void fact(Flow flow, String labelKey, String value, Locale locale) {
    flow.write(texts.get(labelKey, locale) + ": " + (value == null ? "" : value), 10, INK, 0);
  }

  /** Text running down the page, onto new pages as needed. */
  private static final class Flow {

    private final PdfCanvas canvas;
    private final float width;
    private float y;

    Flow(PdfCanvas canvas) {
      this.canvas = canvas;
      this.width = canvas.pageWidth() - 2 * MARGIN;
      this.y = canvas.pageHeight() - MARGIN;
    }

    void write(String text, float size, Color color, float indent) {
      for (String line : canvas.wrap(text, size, width - indent, Integer.MAX_VALUE)) {
        nextLine(size);
        canvas.text(line, MARGIN + indent, y, size, color);
      }
    }

    /** A list item with a hanging indent. */
    void bullet(String text, float size) {
      float indent = 24;
      boolean first = true;
      for (String line : canvas.wrap(text, size, width - indent, Integer.MAX_VALUE)) {
        nextLine(size);
        if (first) {
          canvas.text("•", MARGIN + 12, y, size, INK);
          first = false;
        }
        canvas.text(line, MARGIN + indent, y, size, INK);
      }
    }

    void space(float points) {
      y -= points;
    }

    private void nextLine(float size) {
      y -= size * 1.35f;
      if (y < MARGIN) {
        canvas.newPage();
        y = canvas.pageHeight() - MARGIN - size * 1.35f;
      }
    }
  }
}
