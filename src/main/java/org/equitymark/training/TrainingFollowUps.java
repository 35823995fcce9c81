package org.equitymark.training;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training and experience days and their follow-up surveys, in the database, and their aggregate
 * as evidence for an organisation's {@code workforce} area in its next assessment.
 */
@Service
@Transactional
public class TrainingFollowUps {

  private final JdbcTemplate jdbc;

  TrainingFollowUps(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void recordDay(String reference, String organisationId, String kind, String runBy, String community,
      LocalDate heldOn, long attendees, String recordedBy) {
    jdbc.update("insert into em_training_day (reference, organisation_id, training_kind, run_by, community, held_on, "
        + "attendees, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)", reference, organisationId, kind, runBy, community,
        heldOn, attendees, recordedBy);
  }

  void recordSurvey(String reference, long round, long surveyed, long applying, long confident) {
    jdbc.update("insert into em_training_survey (training_reference, survey_round, returned_at, staff_surveyed, "
        + "staff_applying_learning, staff_more_confident) values (?, ?, ?, ?, ?, ?)", reference, round,
        Timestamp.from(ClockUtil.now().toInstant()), surveyed, applying, confident);
  }

  /** The organisation's training follow-ups in a few lines, or empty when it has none. */
  @Transactional(readOnly = true)
  public String workforceEvidence(String organisationId) {
    List<String> days = jdbc.query("select training_kind, community, held_on, attendees, run_by from em_training_day "
            + "where organisation_id = ? order by held_on", (rs, row) -> "- " + rs.getObject(3, LocalDate.class) + ": "
            + ("experience-day".equals(rs.getString(1)) ? "diversity experience day" : "training") + " with the "
            + rs.getString(2) + " community, run by " + rs.getString(5) + ", " + rs.getInt(4) + " attendees",
        organisationId);
    if (days.isEmpty()) {
      return "";
    }
    long[] totals = jdbc.queryForObject("select count(*), coalesce(sum(s.staff_surveyed), 0), "
        + "coalesce(sum(s.staff_applying_learning), 0), coalesce(sum(s.staff_more_confident), 0) from em_training_survey s "
        + "join em_training_day d on d.reference = s.training_reference where d.organisation_id = ?",
        (rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}, organisationId);
    StringBuilder text = new StringBuilder("Training and experience days recorded by the scheme:\n")
        .append(String.join("\n", days))
        .append("\n\nFollow-up surveys returned: ").append(totals[0]);
    if (totals[1] > 0) {
      text.append("; staff surveyed ").append(totals[1])
          .append(", applying the learning ").append(totals[2]).append(" (").append(percent(totals[2], totals[1]))
          .append("%), more confident ").append(totals[3]).append(" (").append(percent(totals[3], totals[1])).append("%)");
    }
    return text.toString();
  }

  private static long percent(long part, long total) {
    return Math.round(100.0 * part / total);
  }
}
