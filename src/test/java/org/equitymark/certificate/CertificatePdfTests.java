package org.equitymark.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.equitymark.certificate.CertificateFixtures.certificate;
import static org.equitymark.certificate.CertificateFixtures.text;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** What the certificate PDF says and shows, read back from the PDF itself. */
class CertificatePdfTests {

  private static final String VERIFY_URL = "https://equitymark.example/verify/EM-2026-00042";

  private final CertificatePdf pdf = new CertificatePdf(CertificateFixtures.pageTexts());

  @Test
  void shouldPrintTheCertificateInEnglishAndWelsh() {
    // when
    String text = text(pdf.render(certificate("EM-2026-00042", "Riverside Mental Health NHS Trust", "Acute Ward 3"),
        VERIFY_URL));

    // then
    assertThat(text).contains("EquityMark certificate", "Tystysgrif EquityMark",
        "Cultural competency in mental-health services", "Cymhwysedd diwylliannol mewn gwasanaethau iechyd meddwl",
        "Riverside Mental Health NHS Trust", "Acute Ward 3",
        "Competence / Cymhwysedd",
        "EM-2026-00042", "1 March 2026", "1 Mawrth 2026", "1 March 2029", "1 Mawrth 2029", "2026.1",
        VERIFY_URL);
    assertThat(text).contains("Leadership, governance and accountability", "Arweinyddiaeth, llywodraethu ac atebolrwydd",
        "Monitoring, outcomes and feedback", "Excellence", "Rhagoriaeth");
  }

  @Test
  void shouldPrintMarkupAndWelshLettersLiterally() {
    // when
    String text = text(pdf.render(certificate("EM-2026-00043", "<script>alert(1)</script> & Sons", "Tŷ Dŵr ward"),
        VERIFY_URL));

    // then
    assertThat(text).contains("<script>alert(1)</script> & Sons", "Tŷ Dŵr ward");
  }

  @Test
  void shouldStripControlAndFormattingCharactersAndMarkWhatTheFontCannotDraw() {
    // when
    String text = text(pdf.render(certificate("EM-2026-00044", "Bell\u0007 \u202Eevil\u202C Trust\nNorth 東", null),
        VERIFY_URL));

    // then
    assertThat(text).contains("Bell evil Trust North ?").doesNotContain("\u0007", "\u202E", "東");
  }

  @Test
  void shouldWrapLongNamesOnOnePage() throws IOException {
    // given a 200-character name with spaces and one without
    String words = ("Northern Community Mental Health and Wellbeing Partnership ").repeat(4).substring(0, 200);
    String oneWord = "X".repeat(200);

    for (String name : new String[] {words, oneWord}) {
      // when
      byte[] bytes = pdf.render(certificate("EM-2026-00045", name, "A".repeat(200)), VERIFY_URL);

      // then one A4 landscape page that holds the name, wrapped
      try (PDDocument document = Loader.loadPDF(bytes)) {
        assertThat(document.getNumberOfPages()).isEqualTo(1);
        PDRectangle page = document.getPage(0).getMediaBox();
        assertThat(page.getWidth()).isGreaterThan(page.getHeight());
      }
      assertThat(text(bytes).replaceAll("\\s+", "")).contains(name.replace(" ", "").substring(0, 120));
    }
  }

  @Test
  void shouldDrawAQrCodeThatReadsAsTheVerifyUrl() throws Exception {
    // given the page rendered as an image, as a phone camera would see it
    byte[] bytes = pdf.render(certificate("EM-2026-00046", "Riverside Mental Health NHS Trust", null), VERIFY_URL);
    BufferedImage image;
    try (PDDocument document = Loader.loadPDF(bytes)) {
      image = new PDFRenderer(document).renderImageWithDPI(0, 150);
    }
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());

    // when
    Result result = new QRCodeReader().decode(
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));

    // then
    assertThat(result.getText()).isEqualTo(VERIFY_URL);
  }
}
