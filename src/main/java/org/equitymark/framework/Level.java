package org.equitymark.framework;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Certification levels, lowest first. {@link #NONE} means not even Foundation is met. */
public enum Level {
  NONE("none"),
  FOUNDATION("foundation"),
  DEVELOPING("developing"),
  COMPETENCE("competence"),
  EXCELLENCE("excellence");

  private final String id;

  Level(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** The four levels that can be certified, lowest first. */
  public static List<Level> certifiable() {
    return List.of(FOUNDATION, DEVELOPING, COMPETENCE, EXCELLENCE);
  }

  public static String[] certifiableIds() {
    return certifiable().stream().map(Level::id).toArray(String[]::new);
  }

  public static Optional<Level> fromId(String id) {
    return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
  }

  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }

  public String displayName() {
    return id.substring(0, 1).toUpperCase() + id.substring(1);
  }
}
