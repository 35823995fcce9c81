package org.equitymark.certificate;

import com.google.zxing.common.BitMatrix;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small drawing surface over PDFBox for our documents: one Unicode font (Liberation Sans, which
 * PDFBox ships, so Welsh ŵ and ŷ print), text that is always made printable first (control and
 * formatting characters removed, characters the font lacks shown as "?"), wrapping, and QR codes.
 * User-supplied text is only ever drawn as text: a PDF has no markup to inject into.
 *
 * <p>The font's glyph substitutions (GSUB: Latin ligatures) are switched off. PDFBox applies them
 * to every string shown by building regular expressions from the font's ligature table, which took
 * most of a certificate's time (a warm render went from 14 ms to under 3 ms without them, profiled
 * with JFR). Latin text needs none of them, and without them no ligature glyph can stand in the
 * text layer for letters that search, copy and screen readers then could not find. The font file
 * is read once; each document parses its own copy, as a parsed font is not shared between threads.
 */
final class PdfCanvas implements AutoCloseable {

  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final char MISSING = '?';
  private static final byte[] FONT_FILE = fontFile();

  private final PDDocument document = new PDDocument();
  private final PDRectangle pageSize;
  private final TrueTypeFont trueType;
  private final PDType0Font font;
  private final Map<Integer, Boolean> glyphs = new HashMap<>();
  private PDPageContentStream content;

  private PdfCanvas(PDRectangle pageSize) throws IOException {
    this.pageSize = pageSize;
    this.trueType = new TTFParser().parse(new RandomAccessReadBuffer(FONT_FILE));
    trueType.setEnableGsub(false);
    this.font = PDType0Font.load(document, trueType, true);
    newPage();
  }

  private static byte[] fontFile() {
    try (InputStream in = PdfCanvas.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("PDFBox's font " + FONT + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PdfCanvas create(PDRectangle pageSize) {
    try {
      return new PdfCanvas(pageSize);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  float pageWidth() {
    return pageSize.getWidth();
  }

  float pageHeight() {
    return pageSize.getHeight();
  }

  void newPage() {
    io(() -> {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(pageSize);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
    });
  }

  /**
   * The text as it can be printed: Unicode-normalised (NFC, so "w" + combining circumflex is ŵ),
   * line breaks and tabs as single spaces, control, formatting (such as bidi overrides) and
   * private-use characters removed, and characters the font cannot draw replaced by "?".
   */
  String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> {
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        out.append(' ');
      } else if (!isInvisible(c)) {
        out.appendCodePoint(hasGlyph(c) ? c : MISSING);
      }
    });
    return out.toString().replaceAll(" {2,}", " ").strip();
  }

  private static boolean isInvisible(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
        || type == Character.SURROGATE || type == Character.UNASSIGNED;
  }

  private boolean hasGlyph(int codePoint) {
    return glyphs.computeIfAbsent(codePoint, c -> {
      try {
        font.encode(new String(Character.toChars(c)));
        return true;
      } catch (IllegalArgumentException | IOException noGlyph) {
        return false;
      }
    });
  }

  float width(String text, float size) {
    try {
      return font.getStringWidth(printable(text)) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text broken into lines no wider than {@code maxWidth}: at spaces, and inside words too long
   * for a line. At most {@code maxLines}; what does not fit ends in an ellipsis.
   */
  List<String> wrap(String text, float size, float maxWidth, int maxLines) {
    List<String> lines = new ArrayList<>();
    String line = "";
    for (String word : printable(text).split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(candidate, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line);
      }
      while (width(word, size) > maxWidth) {
        int fit = fittingLength(word, size, maxWidth, "");
        lines.add(word.substring(0, fit));
        word = word.substring(fit);
      }
      line = word;
    }
    if (!line.isEmpty()) {
      lines.add(line);
    }
    if (lines.size() <= maxLines) {
      return lines;
    }
    List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
    String last = kept.get(maxLines - 1);
    kept.set(maxLines - 1, last.substring(0, fittingLength(last, size, maxWidth, "…")).strip() + "…");
    return kept;
  }

  /** How many chars of the text (whole code points, at least one) fit in the width, followed by the suffix. */
  private int fittingLength(String text, float size, float maxWidth, String suffix) {
    int fit = text.offsetByCodePoints(0, 1);
    while (fit < text.length()) {
      int next = text.offsetByCodePoints(fit, 1);
      if (width(text.substring(0, next) + suffix, size) > maxWidth) {
        break;
      }
      fit = next;
    }
    return fit;
  }

  void text(String text, float x, float y, float size, Color color) {
    io(() -> {
      content.beginText();
      content.setFont(font, size);
      content.setNonStrokingColor(color);
      content.newLineAtOffset(x, y);
      content.showText(printable(text));
      content.endText();
    });
  }

  void centred(String text, float centreX, float y, float size, Color color) {
    text(text, centreX - width(text, size) / 2, y, size, color);
  }

  void rectangle(float x, float y, float width, float height, float lineWidth, Color color) {
    io(() -> {
      content.setStrokingColor(color);
      content.setLineWidth(lineWidth);
      content.addRect(x, y, width, height);
      content.stroke();
    });
  }

  void line(float x1, float y1, float x2, float y2, float lineWidth, Color color) {
    io(() -> {
      content.setStrokingColor(color);
      content.setLineWidth(lineWidth);
      content.moveTo(x1, y1);
      content.lineTo(x2, y2);
      content.stroke();
    });
  }

  /** Draws the QR code's dark modules as filled rectangles, in a square of the given size whose lower left is (x, y). */
  void qrCode(BitMatrix matrix, float x, float y, float size) {
    float module = size / matrix.getWidth();
    io(() -> {
      content.setNonStrokingColor(Color.BLACK);
      for (int row = 0; row < matrix.getHeight(); row++) {
        int column = 0;
        while (column < matrix.getWidth()) {
          if (!matrix.get(column, row)) {
            column++;
            continue;
          }
          int runStart = column;
          while (column < matrix.getWidth() && matrix.get(column, row)) {
            column++;
          }
          content.addRect(x + runStart * module, y + size - (row + 1) * module, (column - runStart) * module, module);
        }
      }
      content.fill();
    });
  }

  /** Finishes the document: title and language in its properties, then its bytes. */
  byte[] toBytes(String title, String language) {
    try {
      content.close();
      document.getDocumentInformation().setTitle(printable(title));
      document.getDocumentInformation().setCreator("EquityMark");
      document.getDocumentCatalog().setLanguage(language);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try (TrueTypeFont parsed = trueType) {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Drawing {
    void draw() throws IOException;
  }

  private static void io(Drawing drawing) {
    try {
      drawing.draw();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
