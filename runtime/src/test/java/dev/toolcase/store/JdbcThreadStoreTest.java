package dev.toolcase.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.Status;
import dev.toolcase.testsupport.TestPostgres;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcThreadStoreTest extends ThreadStoreContract {

  @Override
  ThreadStore emptyStore() {
    TestPostgres.Database database = TestPostgres.shared().newDatabase();
    return JdbcThreadStore.connect(database.url(), database.user(), database.password(),
        agent -> TextEvents.FORMAT);
  }

  @Test
  void aCommitThatSucceedsButFailsForTheCallerIsNotRepeatedOnRetry() {
    AtomicBoolean failNextCommit = new AtomicBoolean();
    ThreadStore flaky = new JdbcThreadStore(
        new CommitThenFail(TestPostgres.shared().newDatabase(), failNextCommit),
        agent -> TextEvents.FORMAT);
    StoredThread created = flaky.create("deploybot", thread("one"), Status.WAITING_FOR_APPROVAL);

    failNextCommit.set(true);
    assertThatThrownBy(() -> flaky.append(created.id(), 1, List.of(event("approval", "yes")),
        Status.RUNNING, "resume-1"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("connection lost after commit");

    assertThatThrownBy(() -> flaky.append(created.id(), 1, List.of(event("approval", "yes")),
        Status.RUNNING, "resume-1"))
        .isInstanceOf(ConflictException.class);
    assertThat(flaky.versionFor(created.id(), "resume-1")).contains(2L);
    assertThat(flaky.load(created.id()).orElseThrow().thread().events()).hasSize(2);
  }

  @Test
  void failuresNameTheOperationButNeverThePassword() {
    ThreadStore wrong = null;
    TestPostgres.Database database = TestPostgres.shared().newDatabase();
    try {
      wrong = JdbcThreadStore.connect(database.url(), database.user(),
          "not-the-password-s3cret", agent -> TextEvents.FORMAT);
    } catch (StoreException e) {
      assertThat(e).hasMessageStartingWith("cannot create the thread tables: ")
          .hasMessageContaining("SQLSTATE 28P01")
          .hasMessageNotContaining("s3cret");
      return;
    } finally {
      if (wrong != null) {
        wrong.close();
      }
    }
    throw new AssertionError("a wrong password connected");
  }

  /** Connections whose commit, when asked, succeeds and then throws as a lost connection would. */
  private record CommitThenFail(TestPostgres.Database database, AtomicBoolean failNextCommit)
      implements DataSource {

    @Override
    public Connection getConnection() throws SQLException {
      Connection real = DriverManager.getConnection(database.url(), database.user(),
          database.password());
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
          new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            try {
              Object result = method.invoke(real, args);
              if (method.getName().equals("commit") && failNextCommit.getAndSet(false)) {
                throw new SQLException("connection lost after commit", "08006");
              }
              return result;
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
