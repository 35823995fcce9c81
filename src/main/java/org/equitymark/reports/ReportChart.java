package org.equitymark.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A report drawn as a horizontal bar chart: one group of bars per category (a level, a year, an
 * ethnic group), one bar per series, laid out here so that the page only writes the SVG elements.
 * A suppressed count ({@value Report#SUPPRESSED}) or a missing value gets no bar, only its text.
 * Labels are already in the reader's language; the page escapes them.
 */
record ReportChart(String report, List<Series> series, List<Category> categories, int width, int height,
    boolean hasData) {

  static final int LABEL_WIDTH = 230;
  static final int PLOT_WIDTH = 380;
  static final int VALUE_WIDTH = 70;
  static final int BAR_HEIGHT = 18;
  static final int BAR_GAP = 2;
  static final int CATEGORY_GAP = 14;

  /** Where the categories' labels end (they are right-aligned before the bars). */
  public int labelX() {
    return LABEL_WIDTH - 8;
  }

  /** A series: its column (its CSS class is {@code series-{index}}) and its label. */
  record Series(int index, String column, String label) {
  }

  /** A category's label and its bars, top to bottom. */
  record Category(String label, double labelY, List<Bar> bars) {
  }

  /** One value: its text, and its bar's place (width 0 when there is nothing to draw). */
  record Bar(Series series, String value, double x, double y, double width, double height, double textX,
      double textY) {
  }

  /**
   * A chart of the rows as they are: each row a category (its label from {@code categoryColumn}),
   * each value column a series.
   */
  static ReportChart wide(Report report, String categoryColumn, List<String> valueColumns,
      Function<String, String> seriesLabel, Function<Object, String> categoryLabel) {
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    for (Map<String, Object> row : report.rows()) {
      Map<String, Object> bars = new LinkedHashMap<>();
      valueColumns.forEach(column -> bars.put(column, row.get(column)));
      values.put(categoryLabel.apply(row.get(categoryColumn)), bars);
    }
    return layout(report.report(), series(valueColumns, seriesLabel), values);
  }

  /**
   * A chart of rows that each hold one value: {@code categoryColumn} names the category,
   * {@code seriesColumn} the series and {@code valueColumn} the value (e.g. level, state, certificates).
   */
  static ReportChart pivot(Report report, String categoryColumn, String seriesColumn, String valueColumn,
      Function<Object, String> categoryLabel, Function<String, String> seriesLabel) {
    List<String> seriesValues = report.rows().stream().map(row -> String.valueOf(row.get(seriesColumn))).distinct().toList();
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    for (Map<String, Object> row : report.rows()) {
      values.computeIfAbsent(categoryLabel.apply(row.get(categoryColumn)), c -> new LinkedHashMap<>())
          .put(String.valueOf(row.get(seriesColumn)), row.get(valueColumn));
    }
    return layout(report.report(), series(seriesValues, seriesLabel), values);
  }

  private static List<Series> series(List<String> columns, Function<String, String> label) {
    List<Series> series = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      series.add(new Series(i, columns.get(i), label.apply(columns.get(i))));
    }
    return series;
  }

  private static ReportChart layout(String report, List<Series> series, Map<String, Map<String, Object>> values) {
    double largest = values.values().stream().flatMap(bars -> bars.values().stream())
        .filter(Number.class::isInstance).mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
    List<Category> categories = new ArrayList<>();
    double y = CATEGORY_GAP / 2.0;
    for (Map.Entry<String, Map<String, Object>> category : values.entrySet()) {
      List<Bar> bars = new ArrayList<>();
      double top = y;
      for (Series s : series) {
        Object value = category.getValue().get(s.column());
        double width = value instanceof Number n && largest > 0 ? PLOT_WIDTH * n.doubleValue() / largest : 0;
        bars.add(new Bar(s, text(value), LABEL_WIDTH, y, width, BAR_HEIGHT, LABEL_WIDTH + width + 6,
            y + BAR_HEIGHT - 5));
        y += BAR_HEIGHT + BAR_GAP;
      }
      categories.add(new Category(category.getKey(), (top + y - BAR_GAP) / 2 + 5, bars));
      y += CATEGORY_GAP;
    }
    return new ReportChart(report, series, categories, LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        (int) Math.ceil(y - CATEGORY_GAP / 2.0), largest > 0);
  }

  /** A value as the chart and its table write it: numbers as they are, suppressed as "<5", none as "–". */
  static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return Objects.toString(value, "–");
  }
}
