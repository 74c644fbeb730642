package dev.toolcase.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

  @Test
  void eachTestGetsItsOwnEmptyDatabaseOnARealServer() throws SQLException {
    TestPostgres.Database first = TestPostgres.shared().newDatabase();
    TestPostgres.Database second = TestPostgres.shared().newDatabase();
    assertThat(first.url()).isNotEqualTo(second.url());

    try (Connection connection = DriverManager.getConnection(first.url(), first.user(), first.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE marker (id int primary key)");
      statement.execute("INSERT INTO marker VALUES (1)");
      try (ResultSet version = statement.executeQuery("SHOW server_version_num")) {
        assertThat(version.next()).isTrue();
        assertThat(version.getInt(1)).isGreaterThanOrEqualTo(140000);
      }
    }
    try (Connection connection = DriverManager.getConnection(second.url(), second.user(), second.password());
        Statement statement = connection.createStatement();
        ResultSet tables = statement.executeQuery(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'marker'")) {
      assertThat(tables.next()).isTrue();
      assertThat(tables.getInt(1)).isZero();
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    TestPostgres.Database database = TestPostgres.shared().newDatabase();
    assertThatThrownBy(() -> DriverManager.getConnection(database.url(), database.user(), "wrong"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void onlyLoopbackIsServed() {
    assertThat(TestPostgres.shared().adminDatabase().url()).startsWith("jdbc:postgresql://127.0.0.1:");
  }
}
