package org.equitymark.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.equitymark.framework.Level;
import org.equitymark.numbering.SequenceNumbers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues certificates, keeps them (PDF included) in the database, and records every change of
 * state in their history. Runs in the caller's transaction when there is one (a Camunda delegate's),
 * so that a case that rolls back takes its certificate and number with it.
 */
@Service
@Transactional
public class Certificates {

  static final String NUMBER_PREFIX = "EM";
  /** The reason of the first state, public like every reason: nothing internal such as the application reference. */
  static final String ISSUED = "Certificate issued";
  private static final int MAX_REASON_LENGTH = 1000;
  private static final String COLUMNS = "c.certificate_number, c.application_reference, c.process_instance_id, "
      + "c.organisation_id, c.organisation_name, c.workplace_area, c.certified_level, c.framework_version, "
      + "c.issued_on, c.expires_on, c.state, c.state_changed_at, c.state_reason, c.reassessment_valid_until";
  /** The first of the two area columns after {@link #COLUMNS}. */
  private static final int AREA_COLUMN = 15;
  private static final String REGISTER_ORDER = "lower(c.organisation_name), c.organisation_id, "
      + "c.workplace_area nulls first, c.issued_on desc, c.certificate_number desc";
  private static final String NEWEST_FIRST = "c.issued_on desc, c.certificate_number desc";

  private final JdbcTemplate jdbc;
  private final SequenceNumbers numbers;
  private final CertificatePdf pdf;
  private final VerificationLinks links;
  private final Period validity;

  public Certificates(JdbcTemplate jdbc, SequenceNumbers numbers, CertificatePdf pdf, VerificationLinks links,
      @Value("${equitymark.certificate.validity:P3Y}") String validity) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.pdf = pdf;
    this.links = links;
    this.validity = Period.parse(validity);
    if (this.validity.isNegative() || this.validity.isZero()) {
      throw new IllegalArgumentException("equitymark.certificate.validity must be a positive period, was " + validity);
    }
  }

  /**
   * Issues the certificate for a certified outcome, or returns the one already issued with the same
   * issue key. Numbers come from the database counter, so they stay unique when several nodes issue
   * at once. Should two nodes issue for the same key at the same moment, the unique issue key makes
   * the later transaction fail (and roll back its number); its retry returns the certificate issued.
   */
  public Certificate issue(CertificateRequest request) {
    Optional<Certificate> issued = first("c.issue_key = ?", NEWEST_FIRST, request.issueKey());
    if (issued.isPresent()) {
      return issued.get();
    }
    Instant now = CertificateClock.now();
    LocalDate issuedOn = LocalDate.ofInstant(now, CertificateClock.ZONE);
    String number = numbers.nextReference(NUMBER_PREFIX, issuedOn.getYear());
    Certificate certificate = new Certificate(number, request.applicationReference(), request.processInstanceId(),
        request.organisationId(), request.organisationName(), request.workplaceArea(), request.level(),
        request.areaLevels(), request.frameworkVersion(), issuedOn, issuedOn.plus(validity),
        CertificateState.ACTIVE, now, ISSUED);
    insert(certificate, request.issueKey(), pdf.render(certificate, links.verifyUrl(number)));
    return certificate;
  }

  @Transactional(readOnly = true)
  public Optional<Certificate> find(String certificateNumber) {
    if (!Certificate.isWellFormedNumber(certificateNumber)) {
      return Optional.empty();
    }
    return first("c.certificate_number = ?", NEWEST_FIRST, certificateNumber);
  }

  /** The certificate as issued, a PDF. */
  @Transactional(readOnly = true)
  public Optional<byte[]> pdf(String certificateNumber) {
    if (!Certificate.isWellFormedNumber(certificateNumber)) {
      return Optional.empty();
    }
    return jdbc.query("select pdf from em_certificate where certificate_number = ?",
        (rs, row) -> rs.getBytes(1), certificateNumber).stream().findFirst();
  }

  /** The latest certificate issued for an application. */
  @Transactional(readOnly = true)
  public Optional<Certificate> findByApplication(String applicationReference) {
    return first("c.application_reference = ?", NEWEST_FIRST, applicationReference);
  }

  /** Every certificate in its current state, by organisation name, the whole organisation before its areas. */
  @Transactional(readOnly = true)
  public List<Certificate> register() {
    return query("1 = 1", REGISTER_ORDER);
  }

  /** The certificates a search of the register finds, in the register's order. */
  @Transactional(readOnly = true)
  public List<Certificate> register(RegisterQuery query, LocalDate today) {
    return query.isEmpty() ? register() : register().stream().filter(c -> query.matches(c, today)).toList();
  }

  /**
   * Moves a certificate to a new state and records why. Nothing happens when it is in that state
   * already; a revoked or expired certificate changes no more.
   *
   * @throws CertificateNotFoundException when no certificate has this number
   */
  public void changeState(String certificateNumber, CertificateState newState, String reason) {
    if (newState == null || reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException("A change of state needs the new state and a reason of at most "
          + MAX_REASON_LENGTH + " characters");
    }
    CertificateState current = lockedState(certificateNumber)
        .orElseThrow(() -> new CertificateNotFoundException(certificateNumber));
    if (current == newState) {
      return;
    }
    if (current.isFinal()) {
      throw new IllegalStateException("Certificate " + certificateNumber + " is " + current.id() + " for good");
    }
    Instant now = CertificateClock.now();
    jdbc.update("update em_certificate set state = ?, state_changed_at = ?, state_reason = ? where certificate_number = ?",
        newState.id(), Timestamp.from(now), reason, certificateNumber);
    recordHistory(certificateNumber, newState, now, reason);
  }

  /**
   * Keeps an active certificate valid past its expiry date while its reassessment is undecided,
   * until the given day at the latest, and records it in the history (the state stays active).
   *
   * @throws CertificateNotFoundException when no certificate has this number
   */
  public void keepValidDuringReassessment(String certificateNumber, LocalDate until) {
    CertificateState current = lockedState(certificateNumber)
        .orElseThrow(() -> new CertificateNotFoundException(certificateNumber));
    if (current != CertificateState.ACTIVE) {
      throw new IllegalStateException("Certificate " + certificateNumber + " is " + current.id() + ", not active");
    }
    Instant now = CertificateClock.now();
    String reason = "Valid while its reassessment is in progress, until " + until + " at the latest";
    jdbc.update("update em_certificate set reassessment_valid_until = ?, state_changed_at = ?, state_reason = ? "
        + "where certificate_number = ?", until, Timestamp.from(now), reason, certificateNumber);
    recordHistory(certificateNumber, CertificateState.ACTIVE, now, reason);
  }

  /** Every state the certificate has been in, oldest first. */
  @Transactional(readOnly = true)
  public List<StateChange> history(String certificateNumber) {
    return jdbc.query("select state, changed_at, reason from em_certificate_history where certificate_number = ? order by id",
        (rs, row) -> new StateChange(state(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getString(3)),
        certificateNumber);
  }

  private Optional<CertificateState> lockedState(String certificateNumber) {
    if (!Certificate.isWellFormedNumber(certificateNumber)) {
      return Optional.empty();
    }
    return jdbc.query("select state from em_certificate where certificate_number = ? for update",
        (rs, row) -> state(rs.getString(1)), certificateNumber).stream().findFirst();
  }

  private void insert(Certificate c, String issueKey, byte[] document) {
    jdbc.update("insert into em_certificate (certificate_number, issue_key, application_reference, process_instance_id, "
            + "organisation_id, organisation_name, workplace_area, certified_level, framework_version, issued_on, "
            + "expires_on, state, state_changed_at, state_reason, pdf) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        c.certificateNumber(), issueKey, c.applicationReference(), c.processInstanceId(), c.organisationId(),
        c.organisationName(), c.workplaceArea(), c.level().id(), c.frameworkVersion(), c.issuedOn(), c.expiresOn(),
        c.state().id(), Timestamp.from(c.stateChangedOn()), c.stateReason(), document);
    c.areaLevels().forEach((area, level) -> jdbc.update(
        "insert into em_certificate_area (certificate_number, area_id, area_level) values (?, ?, ?)",
        c.certificateNumber(), area, level.id()));
    recordHistory(c.certificateNumber(), c.state(), c.stateChangedOn(), c.stateReason());
  }

  private void recordHistory(String certificateNumber, CertificateState state, Instant at, String reason) {
    jdbc.update("insert into em_certificate_history (certificate_number, state, changed_at, reason) values (?, ?, ?, ?)",
        certificateNumber, state.id(), Timestamp.from(at), reason);
  }

  private Optional<Certificate> first(String condition, String order, Object... args) {
    return query(condition, order, args).stream().findFirst();
  }

  /**
   * The certificates that meet the condition (on alias {@code c}), with their area levels, in one
   * statement: a certificate and its areas are committed together, so one snapshot sees both or
   * neither (two statements could see a certificate committed between them without its areas).
   */
  private List<Certificate> query(String condition, String order, Object... args) {
    Map<String, Function<Map<String, Level>, Certificate>> certificates = new LinkedHashMap<>();
    Map<String, Map<String, Level>> areas = new HashMap<>();
    jdbc.query("select " + COLUMNS + ", a.area_id, a.area_level from em_certificate c "
            + "left join em_certificate_area a on a.certificate_number = c.certificate_number where " + condition
            + " order by " + order,
        (ResultSet rs) -> {
          String number = rs.getString(1);
          if (!certificates.containsKey(number)) {
            certificates.put(number, certificate(rs));
          }
          String area = rs.getString(AREA_COLUMN);
          if (area != null) {
            areas.computeIfAbsent(number, n -> new HashMap<>()).put(area, level(rs.getString(AREA_COLUMN + 1)));
          }
        }, args);
    return certificates.entrySet().stream()
        .map(c -> c.getValue().apply(areas.getOrDefault(c.getKey(), Map.of())))
        .toList();
  }

  /** The certificate on the current row, waiting for its area levels. */
  private static Function<Map<String, Level>, Certificate> certificate(ResultSet rs) throws SQLException {
    String number = rs.getString(1);
    String applicationReference = rs.getString(2);
    String processInstanceId = rs.getString(3);
    String organisationId = rs.getString(4);
    String organisationName = rs.getString(5);
    String workplaceArea = rs.getString(6);
    Level level = level(rs.getString(7));
    String frameworkVersion = rs.getString(8);
    LocalDate issuedOn = rs.getObject(9, LocalDate.class);
    LocalDate expiresOn = rs.getObject(10, LocalDate.class);
    CertificateState state = state(rs.getString(11));
    Instant stateChangedOn = rs.getTimestamp(12).toInstant();
    String stateReason = rs.getString(13);
    LocalDate reassessmentValidUntil = rs.getObject(14, LocalDate.class);
    return areaLevels -> new Certificate(number, applicationReference, processInstanceId, organisationId,
        organisationName, workplaceArea, level, areaLevels, frameworkVersion, issuedOn, expiresOn, state,
        stateChangedOn, stateReason, reassessmentValidUntil);
  }

  private static Level level(String id) {
    return Level.fromId(id).orElseThrow(() -> new IllegalStateException("Unknown level in the database: " + id));
  }

  private static CertificateState state(String id) {
    return CertificateState.fromId(id).orElseThrow(() -> new IllegalStateException("Unknown state in the database: " + id));
  }
}
