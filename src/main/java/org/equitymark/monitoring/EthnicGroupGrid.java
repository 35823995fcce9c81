package org.equitymark.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.equitymark.submission.Problems;

/**
 * The annual return's figures as the form's grid gives them: a row per ethnic group reported, e.g.
 * {@code [{"group": "H", "served": 57, "improved": 31, "surveyed": 20, "satisfied": 14}]}. Each row is
 * checked on its own, a problem named by row and field ({@code ethnicGroupFigures[1].improved}); a
 * valid grid becomes the two counts-only JSON objects the case keeps ({@link EthnicGroupFigures}).
 */
final class EthnicGroupGrid {

  static final String GROUP = "group";
  private static final List<String> COUNTS = List.of(EthnicGroupFigures.OUTCOMES.total(),
      EthnicGroupFigures.OUTCOMES.part(), EthnicGroupFigures.SATISFACTION.total(), EthnicGroupFigures.SATISFACTION.part());
  private static final List<String> FIELDS = List.of(GROUP, COUNTS.get(0), COUNTS.get(1), COUNTS.get(2), COUNTS.get(3));
  private static final Set<String> KEYS = Set.copyOf(FIELDS);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode rows;

  private EthnicGroupGrid(JsonNode rows) {
    this.rows = rows;
  }

  /** The grid when the text is a JSON list of at most one row per group; nothing otherwise. */
  static Optional<EthnicGroupGrid> parse(String json) {
    try {
      JsonNode node = json == null || json.length() > 10_000 ? null : JSON.readTree(json);
      return node != null && node.isArray() && node.size() <= EthnicGroupFigures.CODES.size()
          ? Optional.of(new EthnicGroupGrid(node)) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  static String shape() {
    return "must be a list of at most " + EthnicGroupFigures.CODES.size() + " rows, one per ethnic group, each with "
        + String.join(", ", FIELDS);
  }

  /** Checks every row; each problem under {@code {variable}[row].{field}}, its reason naming the row. */
  void check(String variable, Problems problems) {
    if (rows.isEmpty()) {
      problems.add(variable, "must have a row for at least one ethnic group");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String at = variable + "[" + i + "].";
      String row = "row " + (i + 1) + ": ";
      JsonNode item = rows.get(i);
      if (!item.isObject()) {
        problems.add(variable + "[" + i + "]", row + "must be a row with " + String.join(", ", FIELDS));
        continue;
      }
      item.fieldNames().forEachRemaining(key -> {
        if (!KEYS.contains(key)) {
          problems.add(at + key, row + "is not a field of a row");
        }
      });
      JsonNode group = item.get(GROUP);
      if (group == null || !group.isTextual() || !EthnicGroupFigures.CODES.contains(group.asText())) {
        problems.add(at + GROUP, row + "must be one of the NHS ethnic categories " + EthnicGroupFigures.CODES);
      } else if (seen.putIfAbsent(group.asText(), i) != null) {
        problems.add(at + GROUP, row + "is the group of row " + (seen.get(group.asText()) + 1) + " again");
      }
      for (String count : COUNTS) {
        if (!isCount(item.get(count))) {
          problems.add(at + count, row + "must be a whole number from 0 to " + EthnicGroupFigures.MAX_COUNT);
        }
      }
      atMost(item, EthnicGroupFigures.OUTCOMES, at, row, problems);
      atMost(item, EthnicGroupFigures.SATISFACTION, at, row, problems);
    }
  }

  /** The counts of one measure keyed by group, as the case keeps them; only for a grid without problems. */
  String figures(EthnicGroupFigures measure) {
    ObjectNode out = JSON.createObjectNode();
    rows.forEach(row -> out.putObject(row.get(GROUP).asText())
        .put(measure.total(), row.get(measure.total()).asLong()).put(measure.part(), row.get(measure.part()).asLong()));
    return measure.normalised(out.toString());
  }

  private static void atMost(JsonNode item, EthnicGroupFigures measure, String at, String row, Problems problems) {
    JsonNode total = item.get(measure.total());
    JsonNode part = item.get(measure.part());
    if (isCount(total) && isCount(part) && part.asLong() > total.asLong()) {
      problems.add(at + measure.part(), row + "must be at most " + measure.total() + " (" + total.asLong() + ")");
    }
  }

  private static boolean isCount(JsonNode node) {
    return node != null && node.isIntegralNumber() && node.asLong() >= 0 && node.asLong() <= EthnicGroupFigures.MAX_COUNT;
  }
}
