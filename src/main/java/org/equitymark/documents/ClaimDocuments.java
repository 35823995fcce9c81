package org.equitymark.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.submission.FormText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Documents an applicant attaches to a claimed indicator, kept in the database (every node of a
 * cluster serves them). A document is accepted only when its content is one of {@link DocumentTypes}
 * (whatever its name says), not empty and not larger than {@code equitymark.documents.max-bytes}, and
 * a case holds at most {@code equitymark.documents.max-per-case}. Who may attach or fetch one is the
 * caller's question, asked of the engine as the user ({@link DocumentAccess}).
 */
@Service
public class ClaimDocuments {

  /** Where staff fetch a document from Tasklist (their Tasklist login is the check). */
  public static final String STAFF_PATH = "/documents/";

  private static final String COLUMNS = "id, process_instance_id, case_reference, task_id, indicator_id, file_name, "
      + "content_type, size_bytes, uploaded_by, uploaded_at";

  /** A document without its content. */
  public record Document(String id, String processInstanceId, String caseReference, String taskId,
      String indicatorId, String fileName, String contentType, long sizeBytes, String uploadedBy, Instant uploadedAt) {
  }

  /** Why a document was refused: the key of the text shown beside the field. */
  public static final class RefusedDocument extends RuntimeException {

    private final String reason;

    RefusedDocument(String reason) {
      super("document refused: " + reason);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  private static final RowMapper<Document> ROW = (rs, n) -> new Document(rs.getString("id"),
      rs.getString("process_instance_id"), rs.getString("case_reference"), rs.getString("task_id"),
      rs.getString("indicator_id"), rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
      rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());

  private final JdbcTemplate jdbc;
  private final long maxBytes;
  private final int maxPerCase;

  public ClaimDocuments(JdbcTemplate jdbc, @Value("${equitymark.documents.max-bytes}") long maxBytes,
      @Value("${equitymark.documents.max-per-case}") int maxPerCase) {
    this.jdbc = jdbc;
    this.maxBytes = maxBytes;
    this.maxPerCase = maxPerCase;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Keeps the document for the indicator of the case, or refuses it (nothing kept). */
  public Document attach(String processInstanceId, String caseReference, String taskId, String indicatorId,
      String originalName, byte[] content, String userId) {
    if (content == null || content.length == 0) {
      throw new RefusedDocument("empty");
    }
    if (content.length > maxBytes) {
      throw new RefusedDocument("tooLarge");
    }
    String type = DocumentTypes.detect(content).orElseThrow(() -> new RefusedDocument("type"));
    Integer count = jdbc.queryForObject("select count(*) from em_claim_document where process_instance_id = ?",
        Integer.class, processInstanceId);
    if (count != null && count >= maxPerCase) {
      throw new RefusedDocument("tooMany");
    }
    Document document = new Document(UUID.randomUUID().toString(), processInstanceId, caseReference, taskId,
        indicatorId, DocumentTypes.withExtension(originalName, type), type, content.length, userId,
        ClockUtil.now().toInstant());
    jdbc.update("insert into em_claim_document (" + COLUMNS + ", content) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        document.id(), processInstanceId, caseReference, taskId, indicatorId, document.fileName(), type,
        document.sizeBytes(), userId, Timestamp.from(document.uploadedAt()), content);
    return document;
  }

  /** The case's documents, by indicator and then oldest first. */
  public List<Document> of(String processInstanceId) {
    return jdbc.query("select " + COLUMNS + " from em_claim_document where process_instance_id = ? "
        + "order by indicator_id, uploaded_at, id", ROW, processInstanceId);
  }

  public Optional<Document> find(String id) {
    if (id == null || !id.matches("[0-9a-f-]{36}")) {
      return Optional.empty();
    }
    return jdbc.query("select " + COLUMNS + " from em_claim_document where id = ?", ROW, id).stream().findFirst();
  }

  public byte[] content(String id) {
    return jdbc.queryForObject("select content from em_claim_document where id = ?", byte[].class, id);
  }

  /** Removes a document of the case; false when the case has no such document. */
  public boolean remove(String id, String processInstanceId) {
    return jdbc.update("delete from em_claim_document where id = ? and process_instance_id = ?", id,
        processInstanceId) == 1;
  }

  /**
   * The case's documents as Markdown for a Camunda Forms text view in Tasklist: one line per document,
   * the indicator and a download link; the file name as literal text. Null when there is none.
   */
  public String markdown(String processInstanceId) {
    List<Document> documents = of(processInstanceId);
    if (documents.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (Document d : documents) {
      text.append("- ").append(FormText.literal(d.indicatorId())).append(": [")
          .append(FormText.literal(d.fileName())).append("](").append(STAFF_PATH).append(d.id()).append(") (")
          .append(Math.max(1, (d.sizeBytes() + 1023) / 1024)).append(" KB)\n");
    }
    return text.toString();
  }
}
