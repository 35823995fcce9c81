package org.equitymark.reports;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A report as CSV (RFC 4180): a header of column names, then one line per row, CRLF line ends.
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is
 * prefixed with an apostrophe.
 */
final class ReportCsv {

  private ReportCsv() {
  }

  static String write(Report report) {
    StringBuilder csv = new StringBuilder();
    line(csv, report.columns().stream().map(c -> (Object) c).toList());
    for (Map<String, Object> row : report.rows()) {
      line(csv, report.columns().stream().map(row::get).toList());
    }
    return csv.toString();
  }

  private static void line(StringBuilder csv, List<Object> values) {
    csv.append(values.stream().map(ReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
