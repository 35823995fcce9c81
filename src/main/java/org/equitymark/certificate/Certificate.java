package org.equitymark.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.Level;

/**
 * An EquityMark certificate: who is certified (an organisation, or one workplace area of it), at
 * which level overall and per assessment area, against which framework version, for how long, and
 * its state now. {@code workplaceArea} is null when the whole organisation is certified.
 * {@code reassessmentValidUntil} is set once the certificate reached its expiry date with its
 * reassessment still undecided: it stays valid until then at the latest (null otherwise).
 */
public record Certificate(String certificateNumber, String applicationReference, String processInstanceId,
    String organisationId, String organisationName, String workplaceArea, Level level,
    Map<String, Level> areaLevels, String frameworkVersion, LocalDate issuedOn, LocalDate expiresOn,
    CertificateState state, Instant stateChangedOn, String stateReason, LocalDate reassessmentValidUntil) {

  private static final Pattern NUMBER = Pattern.compile("EM-[0-9]{4}-[0-9]{5}");

  public Certificate {
    areaLevels = inAreaOrder(areaLevels);
  }

  /** A certificate as issued, with no reassessment grace. */
  public Certificate(String certificateNumber, String applicationReference, String processInstanceId,
      String organisationId, String organisationName, String workplaceArea, Level level,
      Map<String, Level> areaLevels, String frameworkVersion, LocalDate issuedOn, LocalDate expiresOn,
      CertificateState state, Instant stateChangedOn, String stateReason) {
    this(certificateNumber, applicationReference, processInstanceId, organisationId, organisationName, workplaceArea,
        level, areaLevels, frameworkVersion, issuedOn, expiresOn, state, stateChangedOn, stateReason, null);
  }

  /** Whether the text has the form of a certificate number; anything else is never looked up. */
  public static boolean isWellFormedNumber(String number) {
    return number != null && NUMBER.matcher(number).matches();
  }

  /**
   * The state the public sees on a day: an active certificate whose expiry date (or, while its
   * reassessment is in progress, whose grace) has passed is expired, even before anything has recorded it.
   */
  public CertificateState stateOn(LocalDate day) {
    LocalDate validUntil = reassessmentValidUntil == null ? expiresOn : reassessmentValidUntil;
    return state == CertificateState.ACTIVE && day.isAfter(validUntil) ? CertificateState.EXPIRED : state;
  }

  /** Valid on the day only because its reassessment, started on time, is still in progress: past expiry, within the grace. */
  public boolean isInReassessmentGraceOn(LocalDate day) {
    return stateOn(day) == CertificateState.ACTIVE && day.isAfter(expiresOn);
  }

  /** Genuine and current: active and not past its expiry date. */
  public boolean isCurrentOn(LocalDate day) {
    return stateOn(day) == CertificateState.ACTIVE;
  }

  /** The area levels in the framework's order of areas (leadership, workforce, engagement, access, outcomes). */
  static Map<String, Level> inAreaOrder(Map<String, Level> levels) {
    Map<String, Level> ordered = new LinkedHashMap<>();
    EvidenceFramework.AREA_IDS.stream().filter(levels::containsKey).forEach(area -> ordered.put(area, levels.get(area)));
    return Collections.unmodifiableMap(ordered);
  }
}
