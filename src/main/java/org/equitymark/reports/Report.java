package org.equitymark.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheme report: a table with named columns, one map per row, read as JSON or written as CSV.
 * Counts of people (by ethnic group, complaints) from 1 to 4 are never shown: they read
 * {@value #SUPPRESSED}, and so does anything computed from them, so that no one can be singled out.
 */
public record Report(String report, String description, List<String> columns, List<Map<String, Object>> rows) {

  /** What a suppressed count reads in JSON and in CSV. */
  public static final String SUPPRESSED = "<5";
  /** Counts of people below this are suppressed (DOMAIN.md §4). */
  public static final long SMALLEST_SHOWN = 5;

  public Report {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  static Builder builder(String report, String description, String... columns) {
    return new Builder(report, description, List.of(columns));
  }

  /** A count of people: itself from 5, and 0; suppressed from 1 to 4. */
  static Object peopleCount(long count) {
    return count > 0 && count < SMALLEST_SHOWN ? SUPPRESSED : count;
  }

  /** A percentage of two counts of people, suppressed when either count is. */
  static Object percentage(long part, long total) {
    if (isSuppressed(part) || isSuppressed(total) || total == 0) {
      return total == 0 ? null : SUPPRESSED;
    }
    return Math.round(1000.0 * part / total) / 10.0;
  }

  private static boolean isSuppressed(long count) {
    return count > 0 && count < SMALLEST_SHOWN;
  }

  static final class Builder {
    private final String report;
    private final String description;
    private final List<String> columns;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    private Builder(String report, String description, List<String> columns) {
      this.report = report;
      this.description = description;
      this.columns = columns;
    }

    Builder row(Object... values) {
      if (values.length != columns.size()) {
        throw new IllegalArgumentException("A row of " + report + " needs " + columns.size() + " values");
      }
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < values.length; i++) {
        row.put(columns.get(i), values[i]);
      }
      rows.add(row);
      return this;
    }

    Report build() {
      return new Report(report, description, columns, rows);
    }
  }
}
