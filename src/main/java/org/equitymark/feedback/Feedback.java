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
  public static final String[] SUBMITTER_TYPES = {"service-user", "carer", "community-group", "other"};
}
