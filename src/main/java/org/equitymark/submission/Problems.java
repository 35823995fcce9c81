package org.equitymark.submission;

import java.util.LinkedHashMap;
import java.util.Map;

/** The problems found in one submission, by field, in the order found. */
public final class Problems {

  private final Map<String, String> byField = new LinkedHashMap<>();

  public void add(String field, String reason) {
    byField.putIfAbsent(field, reason);
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public Map<String, String> byField() {
    return Map.copyOf(byField);
  }

  /** Throws an {@link InvalidSubmissionException} naming every problem, when there is any. */
  public void throwIfAny(String what) {
    if (!byField.isEmpty()) {
      throw new InvalidSubmissionException(what, new LinkedHashMap<>(byField));
    }
  }
}
