package org.equitymark.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small statistics for the benchmark: percentiles of samples, and the median with min-max of several runs. */
final class Figures {

  private Figures() {
  }

  /** The nearest-rank percentile (0-100) of the samples. */
  static double percentile(List<Double> samples, double percent) {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /** One figure over several runs. */
  record Runs(double median, double min, double max, List<Double> values) {

    static Runs of(List<Double> values) {
      if (values.isEmpty()) {
        return new Runs(Double.NaN, Double.NaN, Double.NaN, List.of());
      }
      List<Double> sorted = new ArrayList<>(values);
      Collections.sort(sorted);
      int n = sorted.size();
      double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
      return new Runs(median, sorted.get(0), sorted.get(n - 1), List.copyOf(values));
    }

    Map<String, Object> json() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("median", round(median));
      map.put("min", round(min));
      map.put("max", round(max));
      map.put("runs", values.stream().map(Figures::round).toList());
      return map;
    }

    /** "12.3 (11.0-13.1)" */
    String text() {
      if (Double.isNaN(median)) {
        return "-";
      }
      if (min == max) {
        return format(median);
      }
      return format(median) + " (" + format(min) + "-" + format(max) + ")";
    }
  }

  static double ratio(Runs ours, Runs baseline) {
    return ours.median() / baseline.median();
  }

  static Object round(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return Math.round(value * 100) / 100.0;
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    if (Math.abs(value) >= 100) {
      return String.format("%.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format("%.1f", value);
    }
    return String.format("%.2f", value);
  }
}
