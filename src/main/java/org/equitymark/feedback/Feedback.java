package org.equitymark.feedback;

import java.time.Instant;

/**
 * Feedback from a service user, carer or community group about a certified service. The message
 * is HTML-escaped as stored; {@code status} is {@code open} until a scheme manager triages it.
 */
public record Feedback(long id, String certificateNumber, String submitterType, String message, Instant receivedAt,
    String status, String triagedBy, Instant triagedAt, String triageNotes) {

  public static final String OPEN = "open";
  public static final String ACTED_ON = "acted-on";
  public static final String NO_ACTION = "no-action";
  public static final String PASSED_TO_ASSESSOR = "passed-to-assessor";
  /** What a scheme manager may decide on feedback. */
  public static final String[] TRIAGE_OUTCOMES = {ACTED_ON, NO_ACTION, PASSED_TO_ASSESSOR};
  /** Every status; open and passed-to-assessor feedback is put before the next assessor. */
  public static final java.util.List<String> STATUSES = java.util.List.of(OPEN, ACTED_ON, NO_ACTION, PASSED_TO_ASSESSOR);
  public static final String[] SUBMITTER_TYPES = {"service-user", "carer", "community-group", "other"};
}
