package org.equitymark.portal;

import java.util.List;

/**
 * One component of a task's Camunda Form as the portal shows it, rendered on the server from the
 * deployed {@code .form} file (docs/decisions/0023-portal-forms-on-the-server.md).
 */
record FormView(String type, String id, String key, String label, String description, String html,
    List<Option> options, String value, boolean required, Integer maxLength, String error, List<FormView> children,
    boolean readonly, List<Row> rows) {

  /** One row of a dynamic list: its components, named {@code path[index].key}. */
  record Row(int index, List<FormView> components) {
  }

  record Option(String value, String label, boolean selected) {
  }

  /**
   * Whether rows may be added and removed: a dynamic list with {@code allowAddRemove} (for a dynamic
   * list, {@code readonly} means its rows are fixed).
   */
  public boolean addRemove() {
    return "dynamiclist".equals(type) && !readonly;
  }

  public boolean isInput() {
    return key != null;
  }
}
