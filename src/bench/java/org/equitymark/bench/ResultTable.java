package org.equitymark.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The printed table: one row per figure, ours against its baseline, the ratio and the goal. */
final class ResultTable {

  private static final String[] HEADER = {"Database", "Part", "Figure", "Ours", "Baseline", "Ratio", "Goal", "Met"};

  private final List<String[]> rows = new ArrayList<>();
  private final List<Map<String, Object>> json = new ArrayList<>();

  /**
   * @param goal text of the goal, e.g. ">= 0.8"; {@code atLeast} tells which way the ratio must go, null if
   *     there is no goal on this row
   */
  void add(String database, String part, String figure, String ours, String baseline, double ratio,
      String goal, Boolean met) {
    rows.add(new String[] {database, part, figure, ours, baseline, Double.isNaN(ratio) ? "-" : Figures.format(ratio),
        goal == null ? "" : goal, met == null ? "" : met ? "yes" : "NO"});
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("database", database);
    row.put("part", part);
    row.put("figure", figure);
    row.put("ours", ours);
    row.put("baseline", baseline);
    row.put("ratio", Figures.round(ratio));
    row.put("goal", goal);
    row.put("met", met);
    json.add(row);
  }

  void add(String database, String part, String figure, Figures.Runs ours, Figures.Runs baseline, String goal,
      Double goalRatio, boolean higherIsBetter) {
    double ratio = baseline == null ? Double.NaN : Figures.ratio(ours, baseline);
    Boolean met = goalRatio == null || Double.isNaN(ratio) ? null
        : higherIsBetter ? ratio >= goalRatio : ratio <= goalRatio;
    add(database, part, figure, ours.text(), baseline == null ? "-" : baseline.text(), ratio, goal, met);
  }

  List<Map<String, Object>> json() {
    return json;
  }

  String render() {
    int[] widths = new int[HEADER.length];
    List<String[]> all = new ArrayList<>();
    all.add(HEADER);
    all.addAll(rows);
    for (String[] row : all) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < all.size(); r++) {
      String[] row = all.get(r);
      for (int i = 0; i < row.length; i++) {
        boolean number = i >= 3 && i <= 5;
        String cell = number ? " ".repeat(widths[i] - row[i].length()) + row[i]
            : row[i] + " ".repeat(widths[i] - row[i].length());
        out.append(i == 0 ? "| " : " | ").append(cell);
      }
      out.append(" |\n");
      if (r == 0) {
        for (int i = 0; i < widths.length; i++) {
          out.append(i == 0 ? "|-" : "-|-").append("-".repeat(widths[i]));
        }
        out.append("-|\n");
      }
    }
    return out.toString();
  }
}
