package org.equitymark.certificate;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The states of a certificate (DOMAIN.md, Stage 4). Revoked and expired are final. */
public enum CertificateState {
  ACTIVE("active"),
  SUSPENDED("suspended"),
  REVOKED("revoked"),
  EXPIRED("expired");

  private final String id;

  CertificateState(String id) {
    this.id = id;
  }

  /** The id used in JSON, in the database and in message keys. */
  @JsonValue
  public String id() {
    return id;
  }

  public static Optional<CertificateState> fromId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  public boolean isFinal() {
    return this == REVOKED || this == EXPIRED;
  }
}
