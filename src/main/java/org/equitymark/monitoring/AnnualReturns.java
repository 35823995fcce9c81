package org.equitymark.monitoring;

import static org.equitymark.process.CertificationProcess.ANNUAL_RETURN_YEAR;
import static org.equitymark.process.CertificationProcess.APPLICATION_REFERENCE;
import static org.equitymark.process.CertificationProcess.CERTIFICATE_NUMBER;
import static org.equitymark.process.CertificationProcess.DISCRIMINATION_COMPLAINTS_RECEIVED;
import static org.equitymark.process.CertificationProcess.DISCRIMINATION_COMPLAINTS_RESOLVED;
import static org.equitymark.process.CertificationProcess.ORGANISATION_ID;
import static org.equitymark.process.CertificationProcess.OUTCOMES_BY_ETHNIC_GROUP;
import static org.equitymark.process.CertificationProcess.SATISFACTION_BY_ETHNIC_GROUP;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The annual returns the scheme has received, kept for the reports: complaints and the figures by
 * ethnic group (aggregate counts), and whether an assessor revalidated the certificate on them.
 * Runs in the caller's (the engine's) transaction.
 */
@Component
public class AnnualReturns {

  static final String OUTCOMES = "outcomes";
  static final String SATISFACTION = "satisfaction";

  private final JdbcTemplate jdbc;

  AnnualReturns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(DelegateExecution execution) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("insert into em_annual_return (application_reference, "
          + "certificate_number, organisation_id, return_year, submitted_at, complaints_received, complaints_resolved) "
          + "values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, APPLICATION_REFERENCE.get(execution));
      insert.setString(2, CERTIFICATE_NUMBER.get(execution));
      insert.setString(3, ORGANISATION_ID.get(execution));
      insert.setInt(4, ANNUAL_RETURN_YEAR.get(execution, 0L).intValue());
      insert.setTimestamp(5, Timestamp.from(ClockUtil.now().toInstant()));
      insert.setLong(6, DISCRIMINATION_COMPLAINTS_RECEIVED.get(execution));
      insert.setLong(7, DISCRIMINATION_COMPLAINTS_RESOLVED.get(execution));
      return insert;
    }, key);
    long id = key.getKey().longValue();
    figures(id, OUTCOMES, EthnicGroupFigures.OUTCOMES.parse(OUTCOMES_BY_ETHNIC_GROUP.get(execution).json()).orElseThrow());
    figures(id, SATISFACTION,
        EthnicGroupFigures.SATISFACTION.parse(SATISFACTION_BY_ETHNIC_GROUP.get(execution).json()).orElseThrow());
  }

  /** The assessor's decision on the latest return of this year for the certificate. */
  void reviewed(DelegateExecution execution, boolean revalidated) {
    jdbc.update("update em_annual_return set revalidated = ? where id = (select max(id) from em_annual_return "
            + "where certificate_number = ? and return_year = ?)",
        revalidated, CERTIFICATE_NUMBER.get(execution), ANNUAL_RETURN_YEAR.get(execution, 0L).intValue());
  }

  private void figures(long id, String measure, Map<String, long[]> byGroup) {
    byGroup.forEach((group, counts) -> jdbc.update("insert into em_annual_return_figure (annual_return_id, measure, "
        + "ethnic_group, total_count, part_count) values (?, ?, ?, ?, ?)", id, measure, group, counts[0], counts[1]));
  }
}
