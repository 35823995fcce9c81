package org.equitymark.certificate;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a certificate's history: the state it entered, when, and why. */
public record StateChange(CertificateState state, Instant changedOn, String reason) {

  /** The day of the change, in UK time. */
  public LocalDate date() {
    return LocalDate.ofInstant(changedOn, CertificateClock.ZONE);
  }
}
