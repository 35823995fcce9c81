package org.equitymark.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aggregate figures by ethnic group, as an annual return gives them: a JSON object keyed by NHS
 * ethnic category code, each holding two counts, the second at most the first, e.g.
 * {@code {"A": {"served": 412, "improved": 260}}}. Never a person's record: only counts per group.
 */
public record EthnicGroupFigures(String total, String part) {

  /** The NHS "ethnic category" codes (data dictionary): 16 groups and Z, not stated. */
  public static final List<String> CODES =
      List.of("A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z");
  public static final EthnicGroupFigures OUTCOMES = new EthnicGroupFigures("served", "improved");
  public static final EthnicGroupFigures SATISFACTION = new EthnicGroupFigures("surveyed", "satisfied");
  static final long MAX_COUNT = 10_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What is wrong with the text, or nothing. */
  public Optional<String> problem(String json) {
    return parse(json).isPresent() ? Optional.empty() : Optional.of(explain(json));
  }

  /** The counts by code, in code order, when the text is valid. */
  public Optional<Map<String, long[]>> parse(String json) {
    if (json == null || json.length() > 10_000) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (Exception e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject() || root.isEmpty()) {
      return Optional.empty();
    }
    Map<String, long[]> figures = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> group = fields.next();
      JsonNode counts = group.getValue();
      if (!CODES.contains(group.getKey()) || !counts.isObject() || counts.size() != 2
          || !count(counts.get(total)) || !count(counts.get(part))
          || counts.get(part).asLong() > counts.get(total).asLong()) {
        return Optional.empty();
      }
      figures.put(group.getKey(), new long[] {counts.get(total).asLong(), counts.get(part).asLong()});
    }
    Map<String, long[]> ordered = new LinkedHashMap<>();
    CODES.stream().filter(figures::containsKey).forEach(code -> ordered.put(code, figures.get(code)));
    return Optional.of(ordered);
  }

  /** The figures as normalised JSON (codes in order, nothing else). */
  public String normalised(String json) {
    ObjectNode out = JSON.createObjectNode();
    parse(json).orElseThrow().forEach((code, counts) -> out.putObject(code).put(total, counts[0]).put(part, counts[1]));
    return out.toString();
  }

  /** One line per group, e.g. "- A: 412 served, 260 improved". */
  public String describe(String json) {
    StringBuilder text = new StringBuilder();
    parse(json).orElseThrow().forEach((code, counts) -> text.append(text.isEmpty() ? "" : "\n").append("- ")
        .append(code).append(": ").append(counts[0]).append(' ').append(total).append(", ").append(counts[1])
        .append(' ').append(part));
    return text.toString();
  }

  private String explain(String json) {
    return "must be a JSON object keyed by NHS ethnic category code (" + String.join(", ", CODES)
        + "), each with whole numbers \"" + total + "\" and \"" + part + "\" (" + part + " at most " + total
        + "), e.g. {\"A\": {\"" + total + "\": 120, \"" + part + "\": 96}}";
  }

  private static boolean count(JsonNode node) {
    return node != null && node.isIntegralNumber() && node.asLong() >= 0 && node.asLong() <= MAX_COUNT;
  }
}
