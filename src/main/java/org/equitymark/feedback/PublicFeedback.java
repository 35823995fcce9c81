package org.equitymark.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.ratelimit.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Public feedback, kept in the database, with a limit per sender address ({@link RateLimits}: counted
 * in the database under a lock on the sender's row, so it holds across every node of a cluster).
 * Addresses are kept only as a salted SHA-256 hash.
 */
@Service
@Transactional
public class PublicFeedback {

  private static final String COLUMNS = "id, certificate_number, submitter_type, message, received_at, status, "
      + "triaged_by, triaged_at, triage_notes";

  private final JdbcTemplate jdbc;
  private final RateLimits limits;
  private final RateLimits.Limit limit;
  private final String salt;
  private final FeedbackTriageStarter triage;

  public PublicFeedback(JdbcTemplate jdbc, RateLimits limits, FeedbackTriageStarter triage,
      @Value("${equitymark.feedback.max-per-address:5}") int maxPerWindow,
      @Value("${equitymark.feedback.window:PT1H}") String window,
      @Value("${equitymark.feedback.address-salt:equitymark-feedback}") String salt) {
    this.jdbc = jdbc;
    this.limits = limits;
    this.limit = new RateLimits.Limit("feedback", maxPerWindow, Duration.parse(window));
    this.salt = salt;
    this.triage = triage;
  }

  /**
   * Records the feedback and puts it before the scheme managers as a {@code feedback-triage} task,
   * unless the sender has sent its share in the window already; answers how long it must wait then.
   * Counting, recording and starting the triage happen under the sender's lock, in one transaction
   * (no feedback without its task, no task without its feedback).
   */
  public Optional<Duration> submit(String certificateNumber, String submitterType, String message, String senderAddress) {
    Optional<Duration> wait = limits.acquire(limit, senderAddress);
    if (wait.isEmpty()) {
      triage.start(find(record(certificateNumber, submitterType, message, senderAddress)).orElseThrow());
    }
    return wait;
  }

  /** Records feedback already checked (certificate exists, type and length valid); escapes the message; answers its id. */
  public long record(String certificateNumber, String submitterType, String message, String senderAddress) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("insert into em_feedback (certificate_number, "
          + "submitter_type, message, client_hash, received_at, status) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, certificateNumber);
      insert.setString(2, submitterType);
      insert.setString(3, HtmlUtils.htmlEscape(message.strip()));
      insert.setString(4, hash(senderAddress));
      insert.setTimestamp(5, Timestamp.from(now()));
      insert.setString(6, Feedback.OPEN);
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  @Transactional(readOnly = true)
  public Optional<Feedback> find(long id) {
    return jdbc.query("select " + COLUMNS + " from em_feedback where id = ?", PublicFeedback::feedback, id)
        .stream().findFirst();
  }

  @Transactional(readOnly = true)
  public List<Feedback> list(String status) {
    return status == null
        ? jdbc.query("select " + COLUMNS + " from em_feedback order by id desc", PublicFeedback::feedback)
        : jdbc.query("select " + COLUMNS + " from em_feedback where status = ? order by id desc",
            PublicFeedback::feedback, status);
  }

  /** The feedback on a certificate for its next assessor: open, or passed to the assessor; oldest first. */
  @Transactional(readOnly = true)
  public List<Feedback> open(String certificateNumber) {
    return jdbc.query("select " + COLUMNS + " from em_feedback where certificate_number = ? and status in (?, ?) "
        + "order by id", PublicFeedback::feedback, certificateNumber, Feedback.OPEN, Feedback.PASSED_TO_ASSESSOR);
  }

  /** A scheme manager's triage; false when there is no such feedback. */
  public boolean triage(long id, String status, String notes, String userId) {
    return jdbc.update("update em_feedback set status = ?, triage_notes = ?, triaged_by = ?, triaged_at = ? where id = ?",
        status, notes == null ? null : HtmlUtils.htmlEscape(notes.strip()), userId, Timestamp.from(now()), id) == 1;
  }

  private String hash(String address) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest((salt + "|" + address).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant now() {
    return ClockUtil.now().toInstant();
  }

  private static Feedback feedback(ResultSet rs, int row) throws SQLException {
    Timestamp triagedAt = rs.getTimestamp(8);
    return new Feedback(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
        triagedAt == null ? null : triagedAt.toInstant(), rs.getString(9));
  }
}
