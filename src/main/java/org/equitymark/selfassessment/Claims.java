package org.equitymark.selfassessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.Variables;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Problems;

/**
 * An area's claims ({@code {area}Claims}): each row one claimed indicator with the applicant's short statement of
 * what it does and optional links to where it shows, so that evidence is tied to the indicator it supports
 * (docs/decisions/0036-evidence-per-claimed-indicator.md). Read from the JSON a form's dynamic list sends.
 */
record Claims(List<Claim> rows) {

  static final int MAX_ROWS = 40;
  static final int MAX_STATEMENT = 2_000;
  static final int MAX_LINKS = 1_000;
  static final Set<String> KEYS = Set.of("indicator", "statement", "links");
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]{3,500}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One claim; {@code links} whitespace-separated web addresses, empty when none. */
  record Claim(String indicator, String statement, String links) {

    List<String> linkList() {
      return links.isBlank() ? List.of() : List.of(links.trim().split("\\s+"));
    }
  }

  /** The claims in the JSON list, or empty when it is not a list of objects of at most {@link #MAX_ROWS} rows. */
  static Optional<Claims> parse(String json) {
    try {
      JsonNode rows = JSON.readTree(json);
      if (rows == null || !rows.isArray() || rows.size() > MAX_ROWS) {
        return Optional.empty();
      }
      List<Claim> claims = new ArrayList<>();
      for (JsonNode row : rows) {
        if (!row.isObject()) {
          return Optional.empty();
        }
        claims.add(new Claim(text(row, "indicator"), text(row, "statement"), text(row, "links")));
      }
      return Optional.of(new Claims(List.copyOf(claims)));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  static String shape() {
    return "must be a list of at most " + MAX_ROWS + " claims, each {indicator, statement, links}";
  }

  /**
   * Each row against the indicators claimed in the same submission: a claimed indicator of this area, once, with a
   * statement, and links that are web addresses. Problems are named {@code {field}[{row}].{key}} with the row in words.
   */
  void check(String field, List<String> claimed, Problems problems) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Claim claim = rows.get(i);
      String at = field + "[" + i + "].";
      String row = "row " + (i + 1) + ": ";
      if (!claimed.contains(claim.indicator())) {
        problems.add(at + "indicator", row + "must be one of the indicators ticked above");
      } else if (seen.putIfAbsent(claim.indicator(), i) != null) {
        problems.add(at + "indicator", row + "is the indicator of row " + (seen.get(claim.indicator()) + 1) + " again");
      }
      Checks.paragraphs(1, MAX_STATEMENT).problem(Variables.stringValue(claim.statement()))
          .ifPresent(reason -> problems.add(at + "statement", row + reason));
      if (claim.links().length() > MAX_LINKS) {
        problems.add(at + "links", row + "must be at most " + MAX_LINKS + " characters");
      } else if (claim.linkList().stream().anyMatch(link -> !LINK.matcher(link).matches())) {
        problems.add(at + "links", row + "must be web addresses starting with https:// or http://, separated by spaces");
      }
    }
  }

  private static String text(JsonNode row, String key) {
    JsonNode value = row.get(key);
    return value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
  }
}
