package dev.toolcase.store;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL database the JDBC tests use, named by {@code TOOLCASE_TEST_JDBC_URL},
 * {@code _USER} and {@code _PASSWORD} ({@code .ci/services} starts one and sets them). Without
 * them the tests are skipped, except under CI ({@code CI=true}), where they fail.
 */
final class PostgresDatabase {

  static final String URL = System.getenv("TOOLCASE_TEST_JDBC_URL");
  static final String USER = System.getenv("TOOLCASE_TEST_JDBC_USER");
  static final String PASSWORD = System.getenv("TOOLCASE_TEST_JDBC_PASSWORD");

  private PostgresDatabase() {}

  /** Skips the test (or fails it under CI) when no database is configured. */
  static void require() {
    if (URL == null || URL.isBlank()) {
      String why = "TOOLCASE_TEST_JDBC_URL is not set: the PostgreSQL tests need a database;"
          + " `source .ci/services` starts one on loopback";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
  }

  /** Drops the store's tables, so the next store starts empty. */
  static void dropTables() throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS toolcase_events");
      statement.execute("DROP TABLE IF EXISTS toolcase_idempotency");
      statement.execute("DROP TABLE IF EXISTS toolcase_threads");
    }
  }
}
