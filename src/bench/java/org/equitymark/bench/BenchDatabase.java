package org.equitymark.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Where the engines under test keep their data: every engine gets a database of its own on the same
 * server (H2 files, or one embedded PostgreSQL), so that ours and the baseline never share rows.
 */
interface BenchDatabase extends AutoCloseable {

  String name();

  /** A new, empty database. */
  Target create(String label);

  /** Rows inserted + updated + deleted so far in that database, where the server counts them. */
  OptionalLong rowsWritten(Target target);

  /** The same per table (after {@link #rowsWritten}, which waits for the statistics), empty where not counted. */
  default java.util.Map<String, Long> rowsWrittenByTable(Target target) {
    return java.util.Map.of();
  }

  @Override
  void close();

  record Target(String label, String url, String user, String password, String driver) {
  }

  /**
   * H2 as the app ships it: a database in a file (under {@code target/bench/h2}), not in memory, so that
   * the data stays off the heap that part 5 measures and large task lists fit. Without H2's reuse of a
   * query's last result while no table changed: a benchmark repeats the same query on unchanged tables,
   * which a live system rarely does, and the reuse hit one engine's connections and not the other's.
   */
  static BenchDatabase h2() {
    return new BenchDatabase() {
      private final java.util.List<Target> created = new java.util.ArrayList<>();
      private final java.nio.file.Path directory = java.nio.file.Path.of("target", "bench", "h2").toAbsolutePath();

      public String name() {
        return "H2";
      }

      public Target create(String label) {
        Target target = new Target(label, "jdbc:h2:file:" + directory.resolve(label + "-" + UUID.randomUUID())
            + ";DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE", "sa", "", "org.h2.Driver");
        created.add(target);
        return target;
      }

      public OptionalLong rowsWritten(Target target) {
        return OptionalLong.empty();
      }

      /** Shuts each database down and deletes its files. */
      public void close() {
        for (Target target : created) {
          try (Connection connection = java.sql.DriverManager.getConnection(target.url(), target.user(),
              target.password()); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
          } catch (Exception e) {
            // already gone
          }
        }
        try (var files = java.nio.file.Files.list(directory)) {
          for (java.nio.file.Path file : files.toList()) {
            java.nio.file.Files.deleteIfExists(file);
          }
        } catch (java.io.IOException e) {
          // nothing left to delete
        }
      }
    };
  }

  static BenchDatabase postgres() {
    return new Postgres();
  }

  final class Postgres implements BenchDatabase {

    /** PostgreSQL flushes a backend's table statistics at the latest 10 s after it goes idle. */
    private static final long STATS_FLUSH_MILLIS = 11_000;

    private final EmbeddedPostgres server;
    private int counter;

    Postgres() {
      try {
        server = EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "200")
            .setServerConfig("fsync", "on")
            .start();
      } catch (Exception e) {
        throw new IllegalStateException("embedded PostgreSQL did not start", e);
      }
    }

    public String name() {
      return "PostgreSQL";
    }

    public Target create(String label) {
      String database = "bench_" + label.replaceAll("[^a-z0-9]", "_") + "_" + (++counter);
      execute(server.getPostgresDatabase(), "CREATE DATABASE " + database);
      return new Target(label, server.getJdbcUrl("postgres", database), "postgres", "postgres",
          "org.postgresql.Driver");
    }

    public OptionalLong rowsWritten(Target target) {
      sleep(STATS_FLUSH_MILLIS);
      String database = target.url().substring(target.url().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_stat_clear_snapshot()");
        try (ResultSet rows = statement.executeQuery(
            "SELECT tup_inserted + tup_updated + tup_deleted FROM pg_stat_database WHERE datname = '" + database + "'")) {
          rows.next();
          return OptionalLong.of(rows.getLong(1));
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public java.util.Map<String, Long> rowsWrittenByTable(Target target) {
      java.util.Map<String, Long> rows = new java.util.TreeMap<>();
      try (Connection connection = java.sql.DriverManager.getConnection(target.url(), target.user(), target.password());
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(
              "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables")) {
        while (result.next()) {
          rows.put(result.getString(1).toLowerCase(), result.getLong(2));
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return rows;
    }

    public void close() {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    private static void execute(DataSource dataSource, String sql) {
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (Exception e) {
        throw new IllegalStateException(sql, e);
      }
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
