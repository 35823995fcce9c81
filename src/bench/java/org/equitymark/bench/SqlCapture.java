package org.equitymark.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.LoggerFactory;

/**
 * Diagnosis, not measurement ({@code -Dbench.sql=true}): the statements one piece of work runs, as
 * MyBatis logs them, each with the database's plan and timing ({@code EXPLAIN ANALYZE}), appended to
 * {@code target/bench/sql-{database}.txt}.
 */
final class SqlCapture {

  private static final String MAPPERS = "org.camunda.bpm.engine.impl.persistence.entity";
  private static final Pattern PARAMETER = Pattern.compile("(.*?)\\((String|Integer|Long|Boolean|Timestamp|Date)\\)");

  private SqlCapture() {
  }

  static boolean enabled() {
    return Boolean.getBoolean("bench.sql");
  }

  /** Runs the work with statement logging on, then explains every statement it ran. */
  static void explain(String db, String label, ProcessEngine engine, Runnable work) {
    Logger logger = (Logger) LoggerFactory.getLogger(MAPPERS);
    Level level = logger.getLevel();
    boolean additive = logger.isAdditive();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setAdditive(false);
    logger.setLevel(Level.DEBUG);
    try {
      work.run();
    } finally {
      logger.setLevel(level);
      logger.setAdditive(additive);
      logger.detachAppender(appender);
    }
    List<String> statements = new ArrayList<>();
    String sql = null;
    for (ILoggingEvent event : appender.list) {
      String message = event.getFormattedMessage().trim();
      if (message.startsWith("==>  Preparing:")) {
        sql = message.substring("==>  Preparing:".length()).trim();
      } else if (message.startsWith("==> Parameters:") && sql != null) {
        statements.add(bind(sql, message.substring("==> Parameters:".length()).trim()));
        sql = null;
      }
    }
    DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
    StringBuilder out = new StringBuilder("\n==== " + label + " (" + statements.size() + " statements)\n");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
      for (String bound : statements) {
        out.append("\n-- ").append(bound).append('\n');
        if (!bound.trim().toLowerCase().startsWith("select")) {
          continue;
        }
        out.append("   best of 5 runs: ").append(Figures.format(bestOf(statement, bound, 5))).append(" ms\n");
        String explain = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ") + bound;
        try (ResultSet plan = statement.executeQuery(explain)) {
          while (plan.next()) {
            out.append("   ").append(plan.getString(1)).append('\n');
          }
        } catch (Exception e) {
          out.append("   (no plan: ").append(e.getMessage()).append(")\n");
        }
      }
      Path file = Path.of("target", "bench", "sql-" + db.toLowerCase() + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (Exception e) {
      throw new IllegalStateException("explaining " + label, e);
    }
  }

  /** The shortest of {@code runs} executions of the statement, all rows read, in milliseconds. */
  private static double bestOf(Statement statement, String sql, int runs) throws java.sql.SQLException {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      try (ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          rows.getObject(1);
        }
      }
      best = Math.min(best, (System.nanoTime() - start) / 1e6);
    }
    return best;
  }

  /** With {@code -Dbench.holdMinutes=n}, waits so that the databases can be inspected (their URLs are logged). */
  static void holdForInspection(String db, ProcessEngine... engines) {
    int minutes = Integer.getInteger("bench.holdMinutes", 0);
    if (minutes <= 0) {
      return;
    }
    for (ProcessEngine engine : engines) {
      Benchmark.log("[%s] holding %s: %s", db, engine.getName(),
          ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJdbcUrl());
    }
    try {
      Thread.sleep(minutes * 60_000L);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The statement with MyBatis's logged parameters in place of its placeholders. */
  private static String bind(String sql, String parameters) {
    List<String> values = new ArrayList<>();
    if (!parameters.isEmpty()) {
      for (String parameter : parameters.split(", ")) {
        Matcher typed = PARAMETER.matcher(parameter);
        if (!typed.matches()) {
          values.add("null".equals(parameter) ? "NULL" : "'" + parameter.replace("'", "''") + "'");
        } else if (typed.group(2).equals("String") || typed.group(2).equals("Timestamp")
            || typed.group(2).equals("Date")) {
          values.add("'" + typed.group(1).replace("'", "''") + "'");
        } else {
          values.add(typed.group(1));
        }
      }
    }
    StringBuilder bound = new StringBuilder();
    int next = 0;
    for (char c : sql.toCharArray()) {
      if (c == '?' && next < values.size()) {
        bound.append(values.get(next++));
      } else {
        bound.append(c);
      }
    }
    return bound.toString();
  }
}
