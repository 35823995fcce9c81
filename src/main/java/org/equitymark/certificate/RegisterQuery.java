package org.equitymark.certificate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.variable.Variables;
import org.equitymark.framework.Level;
import org.equitymark.submission.Checks;
import org.equitymark.submission.InvalidSubmissionException;

/**
 * A search of the public register ({@code ?q=&level=&state=}, on the page and in JSON): words of the
 * organisation's or the workplace area's name (any case), a certified level, a state as the public
 * sees it today. Each part may be left out; an unknown level or state is refused, not ignored.
 */
public record RegisterQuery(String text, Level level, CertificateState state) {

  static final int MAX_TEXT = 200;

  /** The query from request parameters; blank ones are left out. */
  static RegisterQuery of(String q, String level, String state) {
    Map<String, String> problems = new LinkedHashMap<>();
    String text = blankToNull(q);
    if (text != null) {
      Checks.text(1, MAX_TEXT).problem(Variables.stringValue(text)).ifPresent(reason -> problems.put("q", reason));
    }
    Level chosenLevel = blankToNull(level) == null ? null : Level.fromId(level).filter(Level.certifiable()::contains)
        .orElse(null);
    if (blankToNull(level) != null && chosenLevel == null) {
      problems.put("level", "must be one of " + String.join(", ", Level.certifiableIds()));
    }
    CertificateState chosenState = blankToNull(state) == null ? null : CertificateState.fromId(state).orElse(null);
    if (blankToNull(state) != null && chosenState == null) {
      problems.put("state", "must be one of active, suspended, revoked, expired");
    }
    if (!problems.isEmpty()) {
      throw new InvalidSubmissionException("register search", problems);
    }
    return new RegisterQuery(text == null ? null : text.trim(), chosenLevel, chosenState);
  }

  /** Whether a certificate, in its state of the day, answers the query. */
  boolean matches(Certificate certificate, LocalDate today) {
    return (level == null || certificate.level() == level)
        && (state == null || certificate.stateOn(today) == state)
        && (text == null || contains(certificate.organisationName()) || contains(certificate.workplaceArea()));
  }

  public boolean isEmpty() {
    return text == null && level == null && state == null;
  }

  /** The level's id, for the page's form; empty when any level will do. */
  public String levelId() {
    return Optional.ofNullable(level).map(Level::id).orElse("");
  }

  public String stateId() {
    return Optional.ofNullable(state).map(CertificateState::id).orElse("");
  }

  private boolean contains(String name) {
    return name != null && name.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
