package org.equitymark.registration;

import java.time.Instant;

/** A provider organisation registered with the scheme. */
public record Organisation(String organisationId, String name, String organisationType, Instant createdAt) {
}
