package org.equitymark.allocation;

import java.util.Set;

/**
 * An assessor of the pool: the organisations it declared a tie with, its current load (cases it
 * leads), and voluntary self-declarations used only to compose panels.
 */
public record Assessor(String userId, String displayName, Gender gender, Minoritised minoritised,
    Set<String> conflicts, int load) {

  public enum Gender {
    WOMAN, MAN, NON_BINARY, NOT_DECLARED;

    public String id() {
      return name().toLowerCase().replace('_', '-');
    }

    public static Gender fromId(String id) {
      return valueOf(id.toUpperCase().replace('-', '_'));
    }
  }

  /** Whether the assessor declared a minoritised-community background. */
  public enum Minoritised {
    YES, NO, NOT_DECLARED;

    public String id() {
      return name().toLowerCase().replace('_', '-');
    }

    public static Minoritised fromId(String id) {
      return valueOf(id.toUpperCase().replace('-', '_'));
    }
  }

  public boolean hasConflictWith(String organisationId) {
    return conflicts.contains(organisationId);
  }

}
