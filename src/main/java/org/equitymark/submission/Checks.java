package org.equitymark.submission;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.equitymark.process.JsonLists;
import org.equitymark.submission.Field.Check;

/** The checks fields are built from. Each names what is wrong in words a person understands. */
public final class Checks {

  // control characters of all Unicode (NEL U+0085 included), and the Unicode line and paragraph separators
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}&&[^\\n\\r\\t]]");
  private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\t]");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  /**
   * The most characters a text kept as a process variable may have: the engine stores a string variable in a
   * 4,000-character column (ACT_RU_VARIABLE.TEXT_ on H2 and PostgreSQL), and a longer one fails the whole step.
   */
  public static final int MAX_TEXT_VARIABLE = 4_000;

  private Checks() {
  }

  /** A JSON value's text as sent (Spin JSON serialized, or a string holding JSON); empty for anything else. */
  public static Optional<String> jsonText(TypedValue value) {
    if (value instanceof SerializableValue serializable
        && "json".equals(value.getType().getName())) {
      return Optional.ofNullable(serializable.getValueSerialized());
    }
    return value != null && value.getValue() instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** One line of text, between min and max characters after trimming. */
  public static Check text(int min, int max) {
    return onText(s -> LINE_BREAK.matcher(s).find() || CONTROL.matcher(s).find()
        ? Optional.of("must be a single line of text without control characters")
        : length(s.trim(), min, max));
  }

  /** Free text over several lines, up to max characters. */
  public static Check paragraphs(int max) {
    return paragraphs(0, max);
  }

  /** Free text over several lines, from min (after trimming) to max characters. */
  public static Check paragraphs(int min, int max) {
    return onText(s -> CONTROL.matcher(s).find()
        ? Optional.of("must not contain control characters")
        : s.trim().length() < min ? length(s.trim(), min, max) : length(s, 0, max));
  }

  /** An address the mail layer will accept too, so a notification can never fail on it later. */
  public static Check email() {
    return onText(s -> s.length() > 254 || CONTROL.matcher(s).find() || !EMAIL.matcher(s.trim()).matches()
        || !acceptedByMail(s.trim())
        ? Optional.of("must be an email address such as name@example.org")
        : Optional.empty());
  }

  private static boolean acceptedByMail(String address) {
    try {
      new InternetAddress(address, true).validate();
      return true;
    } catch (AddressException e) {
      return false;
    }
  }

  public static Check oneOf(String... allowed) {
    Set<String> set = Set.of(allowed);
    return onText(s -> set.contains(s)
        ? Optional.empty()
        : Optional.of("must be one of " + String.join(", ", Arrays.asList(allowed))));
  }

  public static Check wholeNumber(long min, long max) {
    String reason = "must be a whole number from " + min + " to " + max;
    return value -> {
      Object v = value.getValue();
      if (!(v instanceof Integer || v instanceof Long || v instanceof Short)) {
        return Optional.of(reason);
      }
      long n = ((Number) v).longValue();
      return n < min || n > max ? Optional.of(reason) : Optional.empty();
    };
  }

  public static Check yesNo() {
    return value -> value.getValue() instanceof Boolean
        ? Optional.empty()
        : Optional.of("must be true or false");
  }

  /**
   * A JSON list of strings (what Tasklist submits for a checklist), each accepted by the predicate.
   */
  public static Check jsonListOf(Predicate<String> accepted, String whatIsAccepted) {
    return value -> {
      Optional<List<String>> items = JsonLists.strings(value);
      if (items.isEmpty()) {
        return Optional.of("must be a JSON list of " + whatIsAccepted);
      }
      List<String> wrong = items.get().stream().filter(accepted.negate()).toList();
      return wrong.isEmpty()
          ? Optional.empty()
          : Optional.of("contains " + String.join(", ", wrong.stream().limit(5).toList())
              + (wrong.size() > 5 ? " and " + (wrong.size() - 5) + " more" : "")
              + ", which " + (wrong.size() == 1 ? "is not " : "are not ") + whatIsAccepted);
    };
  }

  private static Check onText(Function<String, Optional<String>> check) {
    return value -> value.getValue() instanceof String s ? check.apply(s) : Optional.of("must be text");
  }

  private static Optional<String> length(String s, int min, int max) {
    if (s.length() < min) {
      return Optional.of(min <= 1 ? "must not be empty" : "must be at least " + min + " characters");
    }
    return s.length() > max ? Optional.of("must be at most " + max + " characters") : Optional.empty();
  }
}
