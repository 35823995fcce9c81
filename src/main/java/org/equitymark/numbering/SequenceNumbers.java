package org.equitymark.numbering;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free numbers per name and year, from a row in the database that is locked while it is
 * incremented, so that numbers stay unique when several nodes share one database. Runs in the
 * caller's transaction: a case that rolls back gives its number back.
 */
@Component
public class SequenceNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate separateTransaction;

  public SequenceNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public int next(String name, int year) {
    int updated = jdbc.update(
        "update em_counter set last_value = last_value + 1 where counter_name = ? and counter_year = ?", name, year);
    if (updated == 0) {
      createRow(name, year);
      jdbc.update("update em_counter set last_value = last_value + 1 where counter_name = ? and counter_year = ?",
          name, year);
    }
    return jdbc.queryForObject(
        "select last_value from em_counter where counter_name = ? and counter_year = ?", Integer.class, name, year);
  }

  /** {@code PREFIX-year-nnnnn}: e.g. {@code CC-2026-00042}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public String nextReference(String prefix, int year) {
    int n = next(prefix, year);
    if (n > 99_999) {
      throw new IllegalStateException("More than 99,999 " + prefix + " numbers in " + year);
    }
    return String.format("%s-%d-%05d", prefix, year, n);
  }

  /**
   * The first number of a year creates its row, in a transaction of its own: on PostgreSQL a
   * failed insert would otherwise abort the caller's transaction when another node won the race.
   */
  private void createRow(String name, int year) {
    try {
      separateTransaction.executeWithoutResult(status -> jdbc.update(
          "insert into em_counter (counter_name, counter_year, last_value) values (?, ?, 0)", name, year));
    } catch (DataIntegrityViolationException raced) {
      // another node created it first: the update that follows takes its turn on the row lock
    }
  }
}
