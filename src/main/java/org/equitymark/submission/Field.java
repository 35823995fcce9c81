package org.equitymark.submission;

import java.util.Optional;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One field a user may submit in a form (start form or user task): its variable name, whether it
 * is required, and the check its value must pass.
 */
public record Field(String name, boolean required, Check check) {

  public static Field required(String name, Check check) {
    return new Field(name, true, check);
  }

  public static Field optional(String name, Check check) {
    return new Field(name, false, check);
  }

  /** A check of a submitted value; answers the reason it is wrong, or nothing. */
  @FunctionalInterface
  public interface Check {
    Optional<String> problem(TypedValue value);
  }
}
