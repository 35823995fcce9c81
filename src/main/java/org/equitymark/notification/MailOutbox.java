package org.equitymark.notification;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every mail the application sends goes through here: it is written as a row of
 * {@code em_mail_outbox} in the caller's transaction (a process step's job, a sign-up), and handed
 * to SMTP only after that transaction has committed ({@link OutboxDelivery}). A step whose commit
 * fails leaves no row and sends nothing; when it is run again, it sends once. One row per case,
 * step, round and recipient: the round counts that step's mails to that recipient in the case.
 */
@Component
public class MailOutbox {

  private final JdbcTemplate jdbc;
  private final OutboxDelivery delivery;

  MailOutbox(JdbcTemplate jdbc, OutboxDelivery delivery) {
    this.jdbc = jdbc;
    this.delivery = delivery;
  }

  /**
   * Records the mail for delivery once the current transaction commits (at once without one).
   *
   * @param caseKey what the mail is about: a case's business key, or an account link
   * @param step the step that sends it: an activity id, or the mail's text key
   */
  public void record(String caseKey, String step, Mail mail) {
    Timestamp now = Timestamp.from(ClockUtil.now().toInstant());
    Integer round = jdbc.queryForObject("select coalesce(max(round_no), 0) + 1 from em_mail_outbox "
        + "where case_key = ? and step = ? and recipient = ?", Integer.class, caseKey, step, mail.to());
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("insert into em_mail_outbox (case_key, step, round_no, "
          + "recipient, subject, body, created_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, caseKey);
      insert.setString(2, step);
      insert.setInt(3, round);
      insert.setString(4, mail.to());
      insert.setString(5, mail.subject());
      insert.setString(6, mail.body());
      insert.setTimestamp(7, now);
      insert.setTimestamp(8, now);
      return insert;
    }, key);
    long id = key.getKey().longValue();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          delivery.deliverSoon(id);
        }
      });
    } else {
      delivery.deliverSoon(id);
    }
  }
}
