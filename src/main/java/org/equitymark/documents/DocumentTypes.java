package org.equitymark.portal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

/** The document types the portal hands out, each served as what it is; anything else as bytes. */
final class DocumentTypes {

  static final Map<String, String> EXTENSIONS = Map.of(
      "application/pdf", ".pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx",
      "image/png", ".png",
      "image/jpeg", ".jpg");

  private DocumentTypes() {
  }

  static MediaType responseType(String stored) {
    return stored != null && EXTENSIONS.containsKey(stored) ? MediaType.parseMediaType(stored)
        : MediaType.APPLICATION_OCTET_STREAM;
  }

  /** A download, never shown inline, under a safe file name (RFC 6266; UTF-8 only when needed). */
  static String attachment(String name) {
    String safe = safeFileName(name);
    ContentDisposition.Builder disposition = ContentDisposition.attachment();
    boolean ascii = safe.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    return (ascii ? disposition.filename(safe) : disposition.filename(safe, StandardCharsets.UTF_8)).build().toString();
  }

  /** A file name without path separators, control characters or quotes, never empty. */
  static String safeFileName(String name) {
    String safe = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}\"<>:|?*]", "_").strip();
    if (safe.length() > 120) {
      safe = safe.substring(safe.length() - 120);
    }
    return safe.isEmpty() ? "document" : safe;
  }
}
