package org.equitymark.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The document types EquityMark accepts and hands out (PDF, DOCX, XLSX, PNG, JPEG), each known by
 * its content (magic bytes; for DOCX and XLSX the part that makes the ZIP a Word or Excel file), never
 * by the name it came with, and each served as what it is, as a download: anything else as bytes.
 */
public final class DocumentTypes {

  public static final String PDF = "application/pdf";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String PNG = "image/png";
  public static final String JPEG = "image/jpeg";

  static final Map<String, String> EXTENSIONS = Map.of(PDF, ".pdf", DOCX, ".docx", XLSX, ".xlsx", PNG, ".png",
      JPEG, ".jpg");

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  /** ZIP entries read at most while looking for the part that says Word or Excel. */
  private static final int MAX_ZIP_ENTRIES = 2000;

  private DocumentTypes() {
  }

  /** The type of the content, when it is one accepted; empty for anything else (an executable, HTML, a bare ZIP). */
  public static Optional<String> detect(byte[] content) {
    if (startsWith(content, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(content, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, ZIP_MAGIC)) {
      return officeType(content);
    }
    return Optional.empty();
  }

  private static Optional<String> officeType(byte[] zip) {
    try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      for (int i = 0; i < MAX_ZIP_ENTRIES && (entry = entries.getNextEntry()) != null; i++) {
        if (entry.getName().equals("word/document.xml")) {
          return Optional.of(DOCX);
        }
        if (entry.getName().equals("xl/workbook.xml")) {
          return Optional.of(XLSX);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
  }

  public static MediaType responseType(String stored) {
    return stored != null && EXTENSIONS.containsKey(stored) ? MediaType.parseMediaType(stored)
        : MediaType.APPLICATION_OCTET_STREAM;
  }

  /** The file name with the extension of its detected type, so it opens with the right program. */
  public static String withExtension(String name, String type) {
    String safe = safeFileName(name);
    String extension = EXTENSIONS.getOrDefault(type, "");
    boolean has = safe.toLowerCase(java.util.Locale.ROOT).endsWith(extension)
        || (JPEG.equals(type) && safe.toLowerCase(java.util.Locale.ROOT).endsWith(".jpeg"));
    return has ? safe : safe + extension;
  }

  /** A download, never shown inline, under a safe file name (RFC 6266; UTF-8 only when needed). */
  public static String attachment(String name) {
    String safe = safeFileName(name);
    ContentDisposition.Builder disposition = ContentDisposition.attachment();
    boolean ascii = safe.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    return (ascii ? disposition.filename(safe) : disposition.filename(safe, StandardCharsets.UTF_8)).build().toString();
  }

  /**
   * The answer that hands a document out: its stored type (or bytes), as a download, with sniffing
   * off and no caching, so that no document runs as a page of the app.
   */
  public static ResponseEntity<byte[]> download(String name, String type, byte[] content) {
    return ResponseEntity.ok()
        .contentType(responseType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .body(content);
  }

  /**
   * A file name without path separators, control characters, quotes or invisible format characters
   * (a right-to-left override would show {@code invoice\u202Efdp.exe} as {@code invoiceexe.pdf}), never empty.
   */
  public static String safeFileName(String name) {
    String safe = name == null ? "" : name.replaceAll("\\p{Cf}", "").replaceAll("[\\\\/\\p{Cntrl}\"<>:|?*]", "_").strip();
    if (safe.length() > 120) {
      safe = safe.substring(safe.length() - 120);
    }
    return safe.isEmpty() ? "document" : safe;
  }
}
