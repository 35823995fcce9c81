package org.equitymark.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the outbox's mails to SMTP, each once, from any node of a cluster. A mail is claimed first
 * (a conditional update that only one deliverer can win: {@code claimed_by}, {@code claimed_until}),
 * then sent, then marked sent, each database step in a short transaction of its own. A mail is
 * delivered right after the transaction that recorded it commits, in the same thread; what that
 * could not deliver (the server down, the node gone) a poller on every node takes up
 * ({@code equitymark.mail.outbox.poll-interval}). A claim held by a node that died expires after
 * {@code claim-time}, and another node sends the mail. A failed send is tried again after
 * {@code retry-delay}, doubling up to {@code retry-delay-max}, for as long as it takes; each failure
 * is a WARN line, and a mail that has failed {@code alert-after} times an ERROR line and counts in
 * the gauge {@code equitymark_mail_outbox_failing} (docs/operations.md).
 */
@Component
public class OutboxDelivery implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
  private static final int BATCH = 100;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final MailGateway gateway;
  private final Duration pollInterval;
  private final Duration claimTime;
  private final Duration retryDelay;
  private final Duration retryDelayMax;
  private final int alertAfter;
  private final String deliverer = delivererName();
  private volatile ScheduledExecutorService poller;
  private volatile boolean pollFailing;

  /** A claimed mail. */
  private record Claimed(long id, String caseKey, String step, int round, Mail mail, int attempts) {

    static Claimed of(ResultSet row, int n) throws SQLException {
      return new Claimed(row.getLong("id"), row.getString("case_key"), row.getString("step"), row.getInt("round_no"),
          new Mail(row.getString("recipient"), row.getString("subject"), row.getString("body")), row.getInt("attempts"));
    }

    @Override
    public String toString() {
      return "mail " + id + " (" + step + " of " + caseKey + ", round " + round + ")";
    }
  }

  OutboxDelivery(JdbcTemplate jdbc, PlatformTransactionManager transactions, MailGateway gateway,
      @Value("${equitymark.mail.outbox.poll-interval}") Duration pollInterval,
      @Value("${equitymark.mail.outbox.claim-time}") Duration claimTime,
      @Value("${equitymark.mail.outbox.retry-delay}") Duration retryDelay,
      @Value("${equitymark.mail.outbox.retry-delay-max}") Duration retryDelayMax,
      @Value("${equitymark.mail.outbox.alert-after}") int alertAfter) {
    if (pollInterval.isNegative() || claimTime.isNegative() || claimTime.isZero() || retryDelay.isNegative() || retryDelay.isZero()
        || retryDelayMax.compareTo(retryDelay) < 0 || alertAfter < 1) {
      throw new IllegalArgumentException("equitymark.mail.outbox: poll-interval must not be negative (0: no poller), "
          + "claim-time and retry-delay must be positive, retry-delay-max at least retry-delay, alert-after at least 1");
    }
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.gateway = gateway;
    this.pollInterval = pollInterval;
    this.claimTime = claimTime;
    this.retryDelay = retryDelay;
    this.retryDelayMax = retryDelayMax;
    this.alertAfter = alertAfter;
  }

  /** Sends every due mail that no other deliverer holds; how many went. */
  public int deliverDue() {
    Timestamp now = now();
    List<Long> due = ownTransaction.execute(status -> jdbc.queryForList("select id from em_mail_outbox "
        + "where sent_at is null and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?) "
        + "order by next_attempt_at, id fetch first " + BATCH + " rows only", Long.class, now, now));
    int sent = 0;
    for (long id : due) {
      sent += deliver(id) ? 1 : 0;
    }
    return sent;
  }

  /** Right after the mail's transaction committed: sends it now if it can; else the poller will. */
  void deliverSoon(long id) {
    try {
      deliver(id);
    } catch (RuntimeException e) {
      LOG.warn("Mail {} is left for the outbox's next round: {}", id, e.getMessage());
    }
  }

  /** Claims, sends and marks one mail; false when another deliverer has it, it is not due, or it failed. */
  boolean deliver(long id) {
    String claim = deliverer + "/" + UUID.randomUUID();
    Optional<Claimed> claimed = ownTransaction.execute(status -> claim(id, claim));
    if (claimed.isEmpty()) {
      return false;
    }
    try {
      gateway.send(claimed.get().mail());
    } catch (RuntimeException e) {
      failed(claimed.get(), claim, e);
      return false;
    }
    ownTransaction.executeWithoutResult(status -> jdbc.update("update em_mail_outbox set sent_at = ?, "
        + "claimed_by = null, claimed_until = null, last_error = null where id = ? and claimed_by = ?", now(), id, claim));
    return true;
  }

  private Optional<Claimed> claim(long id, String claim) {
    Timestamp now = now();
    int won = jdbc.update("update em_mail_outbox set claimed_by = ?, claimed_until = ?, attempts = attempts + 1 "
            + "where id = ? and sent_at is null and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)",
        claim, Timestamp.from(now.toInstant().plus(claimTime)), id, now, now);
    if (won == 0) {
      return Optional.empty();
    }
    return Optional.of(jdbc.queryForObject("select id, case_key, step, round_no, recipient, subject, body, attempts "
        + "from em_mail_outbox where id = ?", Claimed::of, id));
  }

  private void failed(Claimed mail, String claim, RuntimeException e) {
    Instant next = now().toInstant().plus(delayAfter(mail.attempts()));
    String reason = String.valueOf(e.getMessage());
    ownTransaction.executeWithoutResult(status -> jdbc.update("update em_mail_outbox set next_attempt_at = ?, "
            + "claimed_by = null, claimed_until = null, last_error = ? where id = ? and claimed_by = ?",
        Timestamp.from(next), reason.length() > 1000 ? reason.substring(0, 1000) : reason, mail.id(), claim));
    if (mail.attempts() == alertAfter) {
      LOG.error("The {} has failed {} times and is still waiting: it is tried again at {} (last: {}); "
          + "equitymark_mail_outbox_failing counts such mails", mail, mail.attempts(), next, reason);
    } else {
      LOG.warn("The {} could not be sent (attempt {}): {}; tried again at {}", mail, mail.attempts(), reason, next);
    }
  }

  /** The wait after the given number of failed attempts: retry-delay, doubling, at most retry-delay-max. */
  public Duration delayAfter(int attempts) {
    Duration delay = retryDelay;
    for (int i = 1; i < attempts && delay.compareTo(retryDelayMax) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(retryDelayMax) > 0 ? retryDelayMax : delay;
  }

  /** Mails not sent yet, and of those the ones that failed alert-after times or more (for the gauges). */
  long waiting(boolean failingOnly) {
    return jdbc.queryForObject("select count(*) from em_mail_outbox where sent_at is null"
        + (failingOnly ? " and attempts >= " + alertAfter : ""), Long.class);
  }

  private void poll() {
    try {
      deliverDue();
      pollFailing = false;
    } catch (RuntimeException e) {
      if (!pollFailing) {
        LOG.warn("The mail outbox could not be read; trying again every {}: {}", pollInterval, e.getMessage());
      }
      pollFailing = true;
    }
  }

  @Override
  public void start() {
    if (pollInterval.isZero()) {
      return;
    }
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(work -> {
      Thread t = new Thread(work, "mail-outbox");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    poller = thread;
  }

  @Override
  public void stop() {
    ScheduledExecutorService thread = poller;
    poller = null;
    if (thread != null) {
      // a send under way finishes and is marked, so that no mail is left claimed
      thread.shutdown();
      try {
        thread.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return poller != null;
  }

  private static Timestamp now() {
    return Timestamp.from(ClockUtil.now().toInstant());
  }

  private static String delivererName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + ":" + ProcessHandle.current().pid();
  }
}
