package org.equitymark.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" and "today" for certificates: the engine clock (so that tests can move it), with dates in
 * UK time, as printed on the certificate.
 */
final class CertificateClock {

  static final ZoneId ZONE = ZoneId.of("Europe/London");

  private CertificateClock() {
  }

  static Instant now() {
    return ClockUtil.now().toInstant();
  }

  static LocalDate today() {
    return LocalDate.ofInstant(now(), ZONE);
  }
}
