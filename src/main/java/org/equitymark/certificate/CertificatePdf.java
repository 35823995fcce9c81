package org.equitymark.certificate;

import static org.equitymark.certificate.PageTexts.ENGLISH;
import static org.equitymark.certificate.PageTexts.WELSH;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.equitymark.framework.Level;
import org.springframework.stereotype.Component;

/**
 * The certificate a provider frames: one A4 landscape page in English and Welsh with the holder,
 * the level overall and per area, the framework version, number, dates, and a QR code to the
 * public verification page.
 */
@Component
public class CertificatePdf {

  static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
  private static final Color INK = new Color(0x1b, 0x1b, 0x1b);
  private static final Color ACCENT = new Color(0x0b, 0x55, 0x63);
  private static final Color MUTED = new Color(0x4b, 0x4b, 0x4b);
  private static final Color RULE = new Color(0xb7, 0xc9, 0xcc);
  private static final float LEFT = 70;
  private static final float TEXT_WIDTH = 680;
  private static final float[] NAME_SIZES = {26, 22, 18, 15, 13};
  private static final float QR_X = 645;
  private static final float QR_Y = 112;
  private static final float QR_SIZE = 118;

  private final PageTexts texts;

  public CertificatePdf(PageTexts texts) {
    this.texts = texts;
  }

  public byte[] render(Certificate certificate, String verifyUrl) {
    try (PdfCanvas canvas = PdfCanvas.create(A4_LANDSCAPE)) {
      frame(canvas);
      float y = heading(canvas);
      y = holder(canvas, certificate, y);
      level(canvas, certificate.level(), y);
      areas(canvas, certificate.areaLevels());
      verification(canvas, verifyUrl);
      facts(canvas, certificate);
      return canvas.toBytes(texts.get("certificate.title", ENGLISH) + " " + certificate.certificateNumber(), "en-GB");
    }
  }

  private void frame(PdfCanvas canvas) {
    canvas.rectangle(20, 20, canvas.pageWidth() - 40, canvas.pageHeight() - 40, 3, ACCENT);
    canvas.rectangle(28, 28, canvas.pageWidth() - 56, canvas.pageHeight() - 56, 0.8f, ACCENT);
  }

  /** Title and subtitle in both languages; returns where the next line goes. */
  private float heading(PdfCanvas canvas) {
    float centre = canvas.pageWidth() / 2;
    canvas.centred(texts.get("certificate.title", ENGLISH), centre, 528, 26, INK);
    canvas.centred(texts.get("certificate.title", WELSH), centre, 498, 26, ACCENT);
    canvas.centred(texts.get("certificate.subtitle", ENGLISH), centre, 472, 12, MUTED);
    canvas.centred(texts.get("certificate.subtitle", WELSH), centre, 457, 12, MUTED);
    canvas.centred(bilingual("certificate.awardedTo"), centre, 428, 10, MUTED);
    return 400;
  }

  /** The organisation's name, as large as fits in two lines (three at the smallest), then the workplace area. */
  private float holder(PdfCanvas canvas, Certificate certificate, float top) {
    float centre = canvas.pageWidth() / 2;
    float size = 0;
    List<String> lines = List.of();
    for (float candidate : NAME_SIZES) {
      size = candidate;
      lines = canvas.wrap(certificate.organisationName(), size, TEXT_WIDTH, 3);
      if (lines.size() <= 2) {
        break;
      }
    }
    float y = top;
    for (String line : lines) {
      canvas.centred(line, centre, y, size, INK);
      y -= size * 1.2f;
    }
    if (certificate.workplaceArea() != null) {
      y -= 4;
      for (String line : canvas.wrap(certificate.workplaceArea(), 14, TEXT_WIDTH, 3)) {
        canvas.centred(line, centre, y, 14, ACCENT);
        y -= 17;
      }
    }
    return y - 8;
  }

  private void level(PdfCanvas canvas, Level level, float y) {
    float centre = canvas.pageWidth() / 2;
    canvas.centred(bilingual("certificate.level"), centre, y, 10, MUTED);
    canvas.centred(texts.level(level, ENGLISH) + " / " + texts.level(level, WELSH), centre, y - 24, 20, ACCENT);
  }

  /** The five areas, each with its level, English above Welsh. */
  private void areas(PdfCanvas canvas, Map<String, Level> areaLevels) {
    float levelX = 420;
    float y = 236;
    canvas.text(bilingual("certificate.area"), LEFT, y, 8, MUTED);
    canvas.text(bilingual("certificate.level"), levelX, y, 8, MUTED);
    canvas.line(LEFT, y - 5, 590, y - 5, 0.6f, RULE);
    y -= 18;
    for (Map.Entry<String, Level> area : areaLevels.entrySet()) {
      canvas.text(texts.area(area.getKey(), ENGLISH), LEFT, y, 10, INK);
      canvas.text(texts.area(area.getKey(), WELSH), LEFT, y - 11, 9, MUTED);
      canvas.text(texts.level(area.getValue(), ENGLISH), levelX, y, 10, INK);
      canvas.text(texts.level(area.getValue(), WELSH), levelX, y - 11, 9, MUTED);
      canvas.line(LEFT, y - 16, 590, y - 16, 0.4f, RULE);
      y -= 26;
    }
  }

  private void verification(PdfCanvas canvas, String verifyUrl) {
    float centre = QR_X + QR_SIZE / 2;
    canvas.qrCode(QrCodes.matrix(verifyUrl), QR_X, QR_Y, QR_SIZE);
    canvas.centred(texts.get("certificate.check", ENGLISH), centre, QR_Y - 14, 8, MUTED);
    canvas.centred(texts.get("certificate.check", WELSH), centre, QR_Y - 24, 8, MUTED);
    float y = QR_Y - 37;
    for (String line : canvas.wrap(verifyUrl, 8, 200, 2)) {
      canvas.centred(line, centre, y, 8, INK);
      y -= 10;
    }
  }

  /** Number, dates and framework version along the foot of the page. */
  private void facts(PdfCanvas canvas, Certificate certificate) {
    fact(canvas, 0, "certificate.number", certificate.certificateNumber(), null);
    fact(canvas, 1, "certificate.issuedOn", PageTexts.date(certificate.issuedOn(), ENGLISH),
        PageTexts.date(certificate.issuedOn(), WELSH));
    fact(canvas, 2, "certificate.expiresOn", PageTexts.date(certificate.expiresOn(), ENGLISH),
        PageTexts.date(certificate.expiresOn(), WELSH));
    fact(canvas, 3, "certificate.frameworkVersion", certificate.frameworkVersion(), null);
  }

  private void fact(PdfCanvas canvas, int column, String labelKey, String value, String welshValue) {
    float x = LEFT + column * 132;
    canvas.text(texts.get(labelKey, ENGLISH), x, 84, 8, MUTED);
    canvas.text(texts.get(labelKey, WELSH), x, 74, 8, MUTED);
    canvas.text(value, x, 58, 11, INK);
    if (welshValue != null) {
      canvas.text(welshValue, x, 46, 9, MUTED);
    }
  }

  private String bilingual(String key) {
    return texts.get(key, ENGLISH) + " / " + texts.get(key, WELSH);
  }
}
