package org.equitymark.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At most so many events per key (a sender's address, an email address) in a sliding window, for the
 * public endpoints that need no account (feedback, sign-up). Counted in the database under a lock on
 * the key's row, so a limit holds across every node of a cluster; keys are kept only as salted
 * SHA-256 hashes. Time is the engine's clock, so tests move it instead of waiting.
 */
@Service
@Transactional
public class RateLimits {

  /** A named limit: at most {@code max} events per key in each {@code window}. */
  public record Limit(String name, int max, Duration window) {

    public Limit {
      if (max < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("Rate limit " + name + " needs a positive number and window");
      }
    }
  }

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final String salt;

  public RateLimits(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
      @Value("${equitymark.rate-limits.salt:equitymark-rate-limits}") String salt) {
    this.jdbc = jdbc;
    this.salt = salt;
    this.newTransaction = new TransactionTemplate(transactionManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Counts one event for the key, unless it has had its share in the window: then nothing is counted
   * and the answer is how long to wait. Locks the key's row until the transaction ends, so call it in
   * the transaction that does what is limited (a rollback takes the event back with it).
   */
  public Optional<Duration> acquire(Limit limit, String key) {
    String hash = hash(limit.name(), key);
    lock(limit.name(), hash);
    Instant now = ClockUtil.now().toInstant();
    Timestamp since = Timestamp.from(now.minus(limit.window()));
    jdbc.update("delete from em_rate_limit_event where limit_name = ? and key_hash = ? and occurred_at <= ?",
        limit.name(), hash, since);
    // events after now (a clock set back) do not count: the window is the one that ends now
    List<Timestamp> recent = jdbc.query("select occurred_at from em_rate_limit_event where limit_name = ? "
            + "and key_hash = ? and occurred_at > ? and occurred_at <= ? order by occurred_at",
        (rs, row) -> rs.getTimestamp(1), limit.name(), hash, since, Timestamp.from(now));
    if (recent.size() >= limit.max()) {
      Instant freed = recent.get(recent.size() - limit.max()).toInstant().plus(limit.window());
      return Optional.of(Duration.between(now, freed));
    }
    jdbc.update("insert into em_rate_limit_event (limit_name, key_hash, occurred_at) values (?, ?, ?)",
        limit.name(), hash, Timestamp.from(now));
    return Optional.empty();
  }

  private void lock(String limitName, String hash) {
    String select = "select key_hash from em_rate_limit_key where limit_name = ? and key_hash = ? for update";
    if (jdbc.query(select, (rs, row) -> rs.getString(1), limitName, hash).isEmpty()) {
      // the key's first event: create its row in a transaction of its own (a duplicate from another
      // node at the same moment must not abort ours), then lock it
      try {
        newTransaction.executeWithoutResult(status -> jdbc.update(
            "insert into em_rate_limit_key (limit_name, key_hash) values (?, ?)", limitName, hash));
      } catch (DuplicateKeyException e) {
        // inserted by another node meanwhile
      }
      jdbc.query(select, (rs, row) -> rs.getString(1), limitName, hash);
    }
  }

  private String hash(String limitName, String key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest((salt + "|" + limitName + "|" + key)
          .getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
