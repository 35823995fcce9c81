package org.equitymark.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The charts of the reports page: which report is drawn how, with its labels in the reader's language
 * (levels and states from the {@code pages} bundle, the rest from {@code reports}). The summary is not
 * drawn: it is a list of measures, read as JSON or CSV.
 */
@Component
class ReportCharts {

  /** The reports drawn, in the page's order. */
  static final List<String> DRAWN = List.of("certificates", "certificates-by-year", "time-to-certificate",
      "clarification-rounds", "suspensions", "outcomes", "satisfaction", "complaints");

  private final SchemeReports reports;
  private final MessageSource messages;

  ReportCharts(SchemeReports reports, MessageSource messages) {
    this.reports = reports;
    this.messages = messages;
  }

  /** Every drawn report's chart, by report name, in the page's order. */
  Map<String, ReportChart> all(Locale locale) {
    Map<String, ReportChart> charts = new LinkedHashMap<>();
    DRAWN.forEach(name -> charts.put(name, chart(name, locale)));
    return charts;
  }

  ReportChart chart(String name, Locale locale) {
    Report report = reports.report(name);
    Function<String, String> column = c -> text("reports.column." + c, locale);
    Function<Object, String> level = l -> text("level." + l, locale);
    Function<Object, String> asIs = String::valueOf;
    Function<Object, String> ethnicGroup = g -> g + " " + text("reports.ethnicGroup." + g, locale);
    return switch (name) {
      case "certificates" -> ReportChart.pivot(report, "level", "state", "certificates", level,
          s -> text("state." + s, locale));
      case "certificates-by-year" -> ReportChart.pivot(report, "year", "level", "issued", asIs,
          l -> text("level." + l, locale));
      case "time-to-certificate" -> ReportChart.wide(report, "level",
          List.of("minimumDays", "medianDays", "maximumDays"), column, level);
      case "clarification-rounds" -> ReportChart.wide(report, "clarificationRounds", List.of("cases"), column, asIs);
      case "suspensions" -> ReportChart.wide(report, "year", List.of("suspensions", "reinstatements"), column, asIs);
      case "outcomes" -> ReportChart.wide(report, "ethnicGroup", List.of("improvedPercent"), column, ethnicGroup);
      case "satisfaction" -> ReportChart.wide(report, "ethnicGroup", List.of("satisfiedPercent"), column, ethnicGroup);
      case "complaints" -> ReportChart.wide(report, "year", List.of("complaintsReceived", "complaintsResolved"),
          column, asIs);
      default -> throw new IllegalArgumentException("No chart of report " + name);
    };
  }

  /** The name of a chart's category column, as its table's first heading. */
  String categoryHeading(String name, Locale locale) {
    String column = switch (name) {
      case "certificates", "time-to-certificate" -> "level";
      case "clarification-rounds" -> "clarificationRounds";
      case "outcomes", "satisfaction" -> "ethnicGroup";
      default -> "year";
    };
    return text("reports.column." + column, locale);
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
