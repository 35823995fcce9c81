package org.equitymark.allocation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.equitymark.engine.EngineTables;
import org.equitymark.process.CertificationProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessor pool in the database, maintained by scheme managers. An assessor's load is read from
 * the engine's variables (running cases it leads), so it is never out of date and needs no counter.
 */
@Component
public class AssessorPool {

  private final JdbcTemplate jdbc;
  private final String loadsSql;

  public AssessorPool(JdbcTemplate jdbc, EngineTables tables) {
    this.jdbc = jdbc;
    this.loadsSql = loadsQuery(tables);
  }

  /**
   * Cases each assessor leads that are still being assessed or decided: running {@code certification}
   * instances with that {@code leadAssessor}, not yet under certificate monitoring (years long, no
   * assessment work). One grouped query over the engine's variables, not one query per assessor.
   */
  static String loadsQuery(EngineTables tables) {
    return "select v.TEXT_, count(*) from " + tables.of("ACT_RU_VARIABLE") + " v "
        + "join " + tables.of("ACT_RE_PROCDEF") + " d on d.ID_ = v.PROC_DEF_ID_ "
        + "where d.KEY_ = ? and v.NAME_ = ? and v.EXECUTION_ID_ = v.PROC_INST_ID_ "
        + "and not exists (select 1 from " + tables.of("ACT_RU_EXECUTION")
        + " e where e.PROC_INST_ID_ = v.PROC_INST_ID_ and e.ACT_ID_ = ?) "
        + "group by v.TEXT_";
  }

  /** Every active assessor with its conflicts and current load. */
  public List<Assessor> activeAssessors() {
    Map<String, Integer> loads = loads();
    Map<String, Set<String>> conflicts = new HashMap<>();
    jdbc.query("select user_id, organisation_id from em_assessor_conflict",
        rs -> {
          conflicts.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
        });
    return jdbc.query("select user_id, display_name, gender, minoritised from em_assessor where active = true",
        (rs, row) -> new Assessor(rs.getString(1), rs.getString(2),
            Assessor.Gender.fromId(rs.getString(3)), Assessor.Minoritised.fromId(rs.getString(4)),
            Set.copyOf(conflicts.getOrDefault(rs.getString(1), Set.of())), loads.getOrDefault(rs.getString(1), 0)));
  }

  /**
   * The tie a user declared with an organisation, if any: assessors of the pool and other staff whose
   * declarations are kept inactive, so that no decision on the organisation's case is theirs. A tie an
   * assessor declared itself counts here at once, before a scheme manager confirms it (allocation,
   * by {@link #activeAssessors()}, waits for the confirmation): deciding on a case one says one is
   * tied to is never right, whatever the confirmation finds.
   */
  public Optional<String> tieWith(String userId, String organisationId) {
    if (organisationId == null) {
      return Optional.empty();
    }
    return jdbc.query("select tie from em_assessor_conflict where user_id = ? and organisation_id = ? "
            + "union all select tie from em_assessor_pending_tie where user_id = ? and organisation_id = ?",
        (rs, row) -> rs.getString(1), userId, organisationId, userId, organisationId).stream().findFirst();
  }

  /** The ties a running declaration (process {@code assessor-declaration}) names, until it is confirmed or ends. */
  @Transactional
  public void savePending(String processInstanceId, String userId, List<AssessorDeclaration.Tie> ties) {
    clearPending(processInstanceId);
    Timestamp now = Timestamp.from(Instant.now());
    for (AssessorDeclaration.Tie tie : ties) {
      jdbc.update("insert into em_assessor_pending_tie (process_instance_id, user_id, organisation_id, tie, declared_at) "
          + "values (?, ?, ?, ?, ?)", processInstanceId, userId, tie.organisationId(), tie.tie(), now);
    }
  }

  public void clearPending(String processInstanceId) {
    jdbc.update("delete from em_assessor_pending_tie where process_instance_id = ?", processInstanceId);
  }

  /** The confirmed declaration of a user, if it is in the pool. */
  public Optional<AssessorDeclaration> declarationOf(String userId) {
    return declarations().stream().filter(d -> d.userId().equals(userId)).findFirst();
  }

  public Optional<Assessor> find(String userId) {
    return activeAssessors().stream().filter(a -> a.userId().equals(userId)).findFirst();
  }

  private Map<String, Integer> loads() {
    Map<String, Integer> loads = new HashMap<>();
    jdbc.query(loadsSql, rs -> {
      loads.put(rs.getString(1), rs.getInt(2));
    }, CertificationProcess.KEY, CertificationProcess.LEAD_ASSESSOR.name(), CertificationProcess.MONITOR_CERTIFICATE);
    return loads;
  }

  /** Adds or updates an assessor and replaces its declared ties. */
  @Transactional
  public void save(AssessorDeclaration declaration) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated = jdbc.update("update em_assessor set display_name = ?, gender = ?, minoritised = ?, active = ?, "
            + "updated_at = ? where user_id = ?", declaration.displayName(), declaration.gender().id(),
        declaration.minoritised().id(), declaration.active(), now, declaration.userId());
    if (updated == 0) {
      jdbc.update("insert into em_assessor (user_id, display_name, gender, minoritised, active, updated_at) "
              + "values (?, ?, ?, ?, ?, ?)", declaration.userId(), declaration.displayName(),
          declaration.gender().id(), declaration.minoritised().id(), declaration.active(), now);
    }
    jdbc.update("delete from em_assessor_conflict where user_id = ?", declaration.userId());
    for (AssessorDeclaration.Tie tie : declaration.ties()) {
      jdbc.update("insert into em_assessor_conflict (user_id, organisation_id, tie, declared_at) values (?, ?, ?, ?)",
          declaration.userId(), tie.organisationId(), tie.tie(), now);
    }
  }

  public List<AssessorDeclaration> declarations() {
    Map<String, List<AssessorDeclaration.Tie>> ties = new HashMap<>();
    jdbc.query("select user_id, organisation_id, tie from em_assessor_conflict order by organisation_id",
        rs -> {
          ties.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
              .add(new AssessorDeclaration.Tie(rs.getString(2), rs.getString(3)));
        });
    return jdbc.query("select user_id, display_name, gender, minoritised, active from em_assessor order by user_id",
        (rs, row) -> new AssessorDeclaration(rs.getString(1), rs.getString(2),
            Assessor.Gender.fromId(rs.getString(3)), Assessor.Minoritised.fromId(rs.getString(4)),
            rs.getBoolean(5), ties.getOrDefault(rs.getString(1), List.of())));
  }
}
