package org.equitymark.portal;

import java.util.List;

/**
 * One component of a task's Camunda Form as the portal shows it, rendered on the server from the
 * deployed {@code .form} file (docs/decisions/0023-portal-forms-on-the-server.md).
 */
record FormView(String type, String id, String key, String label, String description, String html,
    List<Option> options, String value, boolean required, Integer maxLength, String error, List<FormView> children) {

  record Option(String value, String label, boolean selected) {
  }

  public boolean isInput() {
    return key != null;
  }
}
