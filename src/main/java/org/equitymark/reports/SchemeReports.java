package org.equitymark.reports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.certificate.Certificate;
import org.equitymark.certificate.CertificateState;
import org.equitymark.certificate.Certificates;
import org.equitymark.framework.Level;
import org.equitymark.monitoring.EthnicGroupFigures;
import org.equitymark.engine.EngineQueries;
import org.equitymark.process.CertificationProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheme's statistics for scheme managers, from the certificates, their history, the annual
 * returns (aggregate counts only) and the engine's history. Counts of people below 5 are suppressed.
 */
@Service
@Transactional(readOnly = true)
public class SchemeReports {

  static final ZoneId ZONE = ZoneId.of("Europe/London");

  private final Certificates certificates;
  private final JdbcTemplate jdbc;
  private final HistoryService historyService;

  SchemeReports(Certificates certificates, JdbcTemplate jdbc, HistoryService historyService) {
    this.certificates = certificates;
    this.jdbc = jdbc;
    this.historyService = historyService;
  }

  /** The reports under {@code /api/reports/{name}}, in the order the index lists them. */
  Map<String, String> index() {
    Map<String, String> index = new LinkedHashMap<>();
    index.put("summary", "The scheme at a glance: certificates, time to certify, clarification, suspensions, returns");
    index.put("certificates", "Certificates by level and state");
    index.put("certificates-by-year", "Certificates issued by year and level");
    index.put("time-to-certificate", "Days from registration to certificate, by level");
    index.put("clarification-rounds", "Assessed cases by number of clarification rounds");
    index.put("suspensions", "Suspensions and reinstatements by year");
    index.put("outcomes", "Annual-return outcomes by ethnic group (served, improved), all returns");
    index.put("satisfaction", "Annual-return satisfaction by ethnic group (surveyed, satisfied), all returns");
    index.put("complaints", "Discrimination complaints received and resolved, by year of return");
    return index;
  }

  Report report(String name) {
    return switch (name) {
      case "summary" -> summary();
      case "certificates" -> certificatesByLevelAndState();
      case "certificates-by-year" -> certificatesByYear();
      case "time-to-certificate" -> timeToCertificate();
      case "clarification-rounds" -> clarificationRounds();
      case "suspensions" -> suspensions();
      case "outcomes" -> figures("outcomes", "served", "improved");
      case "satisfaction" -> figures("satisfaction", "surveyed", "satisfied");
      case "complaints" -> complaints();
      default -> null;
    };
  }

  Report summary() {
    List<Certificate> all = certificates.register();
    LocalDate today = today();
    Report.Builder report = Report.builder("summary", index().get("summary"), "measure", "value");
    report.row("organisations certified", all.stream().map(Certificate::organisationId).distinct().count());
    for (CertificateState state : CertificateState.values()) {
      report.row("certificates " + state.id(), all.stream().filter(c -> c.stateOn(today) == state).count());
    }
    for (Level level : Level.certifiable()) {
      report.row("current certificates at " + level.id(),
          all.stream().filter(c -> c.isCurrentOn(today) && c.level() == level).count());
    }
    List<Long> days = daysToCertificate().values().stream().flatMap(List::stream).sorted().toList();
    report.row("median days from registration to certificate", days.isEmpty() ? null : days.get(days.size() / 2));
    List<Long> rounds = clarificationRoundsOfCases();
    report.row("mean clarification rounds per assessed case", rounds.isEmpty() ? null
        : Math.round(10.0 * rounds.stream().mapToLong(Long::longValue).average().orElse(0)) / 10.0);
    report.row("suspensions", count("select count(*) from em_certificate_history where state = 'suspended'"));
    report.row("annual returns received", count("select count(*) from em_annual_return"));
    report.row("annual returns not accepted", count("select count(*) from em_annual_return where revalidated = false"));
    return report.build();
  }

  Report certificatesByLevelAndState() {
    LocalDate today = today();
    Map<String, Long> counts = new TreeMap<>();
    for (Certificate c : certificates.register()) {
      counts.merge(c.level().id() + "|" + c.stateOn(today).id(), 1L, Long::sum);
    }
    Report.Builder report = Report.builder("certificates", index().get("certificates"), "level", "state", "certificates");
    for (Level level : Level.certifiable()) {
      for (CertificateState state : CertificateState.values()) {
        report.row(level.id(), state.id(), counts.getOrDefault(level.id() + "|" + state.id(), 0L));
      }
    }
    return report.build();
  }

  Report certificatesByYear() {
    Map<Integer, Map<String, Long>> byYear = new TreeMap<>();
    for (Certificate c : certificates.register()) {
      byYear.computeIfAbsent(c.issuedOn().getYear(), y -> new LinkedHashMap<>()).merge(c.level().id(), 1L, Long::sum);
    }
    Report.Builder report = Report.builder("certificates-by-year", index().get("certificates-by-year"),
        "year", "level", "issued");
    byYear.forEach((year, counts) -> Level.certifiable()
        .forEach(level -> report.row(year, level.id(), counts.getOrDefault(level.id(), 0L))));
    return report.build();
  }

  Report timeToCertificate() {
    Report.Builder report = Report.builder("time-to-certificate", index().get("time-to-certificate"),
        "level", "certificates", "medianDays", "minimumDays", "maximumDays");
    Map<String, List<Long>> byLevel = daysToCertificate();
    for (Level level : Level.certifiable()) {
      List<Long> days = byLevel.getOrDefault(level.id(), List.of()).stream().sorted().toList();
      report.row(level.id(), (long) days.size(), days.isEmpty() ? null : days.get(days.size() / 2),
          days.isEmpty() ? null : days.get(0), days.isEmpty() ? null : days.get(days.size() - 1));
    }
    return report.build();
  }

  Report clarificationRounds() {
    Map<Long, Long> cases = new TreeMap<>();
    clarificationRoundsOfCases().forEach(r -> cases.merge(r, 1L, Long::sum));
    Report.Builder report = Report.builder("clarification-rounds", index().get("clarification-rounds"),
        "clarificationRounds", "cases");
    cases.forEach(report::row);
    return report.build();
  }

  Report suspensions() {
    Map<Integer, long[]> byYear = new TreeMap<>();
    jdbc.query("select state, reason, changed_at from em_certificate_history where state in ('suspended', 'active')",
        rs -> {
          int year = rs.getTimestamp(3).toInstant().atZone(ZONE).getYear();
          if ("suspended".equals(rs.getString(1))) {
            byYear.computeIfAbsent(year, y -> new long[2])[0]++;
          } else if (rs.getString(2).startsWith("Reinstated")) {
            byYear.computeIfAbsent(year, y -> new long[2])[1]++;
          }
        });
    Report.Builder report = Report.builder("suspensions", index().get("suspensions"),
        "year", "suspensions", "reinstatements");
    byYear.forEach((year, counts) -> report.row(year, counts[0], counts[1]));
    return report.build();
  }

  Report figures(String measure, String total, String part) {
    Map<String, long[]> byGroup = new LinkedHashMap<>();
    EthnicGroupFigures.CODES.forEach(code -> byGroup.put(code, new long[2]));
    jdbc.query("select ethnic_group, sum(total_count), sum(part_count) from em_annual_return_figure "
        + "where measure = ? group by ethnic_group", rs -> {
          long[] counts = byGroup.get(rs.getString(1));
          if (counts != null) {
            counts[0] = rs.getLong(2);
            counts[1] = rs.getLong(3);
          }
        }, measure);
    Report.Builder report = Report.builder(measure, index().get(measure), "ethnicGroup", total, part, part + "Percent");
    byGroup.forEach((code, counts) -> report.row(code, Report.peopleCount(counts[0]), Report.peopleCount(counts[1]),
        Report.percentage(counts[1], counts[0])));
    return report.build();
  }

  Report complaints() {
    Map<Integer, long[]> byYear = new TreeMap<>();
    jdbc.query("select submitted_at, complaints_received, complaints_resolved from em_annual_return", rs -> {
      long[] counts = byYear.computeIfAbsent(rs.getTimestamp(1).toInstant().atZone(ZONE).getYear(), y -> new long[3]);
      counts[0]++;
      counts[1] += rs.getLong(2);
      counts[2] += rs.getLong(3);
    });
    Report.Builder report = Report.builder("complaints", index().get("complaints"),
        "year", "returns", "complaintsReceived", "complaintsResolved", "changeInReceivedFromPreviousYear");
    Long previous = null;
    for (Map.Entry<Integer, long[]> year : byYear.entrySet()) {
      long received = year.getValue()[1];
      boolean comparable = previous != null && !suppressed(previous) && !suppressed(received);
      report.row(year.getKey(), year.getValue()[0], Report.peopleCount(received),
          Report.peopleCount(year.getValue()[2]), comparable ? received - previous : previous == null ? null : Report.SUPPRESSED);
      previous = received;
    }
    return report.build();
  }

  private static boolean suppressed(long count) {
    return count > 0 && count < Report.SMALLEST_SHOWN;
  }

  /** Days from registration to the certificate's issue, by level. */
  private Map<String, List<Long>> daysToCertificate() {
    Map<String, List<Long>> byLevel = new LinkedHashMap<>();
    jdbc.query("select c.certified_level, a.registered_at, c.issued_on from em_certificate c "
        + "join em_application a on a.reference = c.application_reference", rs -> {
          LocalDate registered = rs.getTimestamp(2).toInstant().atZone(ZONE).toLocalDate();
          long days = Math.max(0, ChronoUnit.DAYS.between(registered, rs.getObject(3, LocalDate.class)));
          byLevel.computeIfAbsent(rs.getString(1), l -> new ArrayList<>()).add(days);
        });
    return byLevel;
  }

  /** The clarification rounds of every case that reached a scored assessment (one value per case). */
  private List<Long> clarificationRoundsOfCases() {
    List<Long> rounds = new ArrayList<>();
    Map<String, Long> byCase = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : EngineQueries.all(historyService.createHistoricVariableInstanceQuery()
        .variableName(CertificationProcess.CLARIFICATION_ROUNDS.name()))) {
      if (variable.getValue() instanceof Number n && isCertificationCase(variable)) {
        byCase.put(variable.getProcessInstanceId(), n.longValue());
      }
    }
    rounds.addAll(byCase.values());
    return Collections.unmodifiableList(rounds);
  }

  private static boolean isCertificationCase(HistoricVariableInstance variable) {
    return CertificationProcess.KEY.equals(variable.getProcessDefinitionKey());
  }

  private long count(String sql) {
    Long count = jdbc.queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.now().toInstant(), ZONE);
  }
}
