package org.equitymark.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registration tests start cases with (the start form of {@code certification}, or
 * {@code /api/applications}): valid, for a new organisation; a test changes what it is about.
 */
public final class Registrations {

  private Registrations() {
  }

  public static Map<String, Object> valid(String organisationName, String contactEmail) {
    Map<String, Object> registration = new LinkedHashMap<>();
    registration.put("organisationName", organisationName);
    registration.put("organisationType", "independent-provider");
    registration.put("staffCount", 120);
    registration.put("contactName", "Dana Fox");
    registration.put("contactEmail", contactEmail);
    registration.put("targetLevel", "developing");
    registration.put("preferredLanguage", "en");
    return registration;
  }
}
