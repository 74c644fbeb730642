package dev.toolcase.store;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.ParseException;
import dev.toolcase.Status;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Threads in a relational database over plain JDBC: PostgreSQL is what the tests run against, and
 * any database whose driver the application supplies works if it speaks standard SQL.
 *
 * <p>Three tables, created on start if missing: {@code toolcase_threads} (one row per thread, with
 * its version and status), {@code toolcase_events} (append-only, primary key thread and sequence
 * number) and {@code toolcase_idempotency} (primary key thread and key). An append inserts the
 * next sequence numbers and moves the version in one transaction, so of two processes racing at
 * the same version the primary key lets exactly one commit; the other gets a
 * {@link ConflictException}. Processes share nothing but the database, so any number of them can
 * serve the same threads behind a load balancer.
 */
public final class JdbcThreadStore implements ThreadStore {

  /**
   * How many connections {@link #connect} opens at most, all told: with a few processes on one
   * database, far below PostgreSQL's default {@code max_connections} of 100.
   */
  public static final int POOL_SIZE = 16;

  /** How long a transaction waits for a connection of {@link #connect}'s pool. */
  public static final long POOL_WAIT_MILLIS = 5_000;

  /** SQLSTATE class of integrity constraint violations, such as a duplicate primary key. */
  private static final String INTEGRITY_VIOLATION = "23";

  private static final String[] SCHEMA = {
    """
    CREATE TABLE IF NOT EXISTS toolcase_threads (
      id VARCHAR(64) PRIMARY KEY,
      agent VARCHAR(200) NOT NULL,
      status VARCHAR(32) NOT NULL,
      version BIGINT NOT NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS toolcase_events (
      thread_id VARCHAR(64) NOT NULL,
      seq BIGINT NOT NULL,
      type VARCHAR(200) NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (thread_id, seq))""",
    """
    CREATE TABLE IF NOT EXISTS toolcase_idempotency (
      thread_id VARCHAR(64) NOT NULL,
      idempotency_key VARCHAR(200) NOT NULL,
      version BIGINT NOT NULL,
      PRIMARY KEY (thread_id, idempotency_key))""",
    """
    CREATE TABLE IF NOT EXISTS toolcase_keys (
      name VARCHAR(300) PRIMARY KEY,
      value TEXT NOT NULL,
      expires_at BIGINT NOT NULL)""",
  };

  private final Connections connections;
  private final Function<String, ? extends EventFormat> formats;
  private final Clock clock;

  /**
   * A store on {@code dataSource}; creates the tables if they are missing.
   *
   * @param dataSource where connections come from
   * @param formats the event format of each agent, by agent name
   * @throws StoreException if the database cannot be reached or the tables cannot be created
   */
  public JdbcThreadStore(DataSource dataSource, Function<String, ? extends EventFormat> formats) {
    this(dataSource, formats, Clock.systemUTC());
  }

  /**
   * Like {@link #JdbcThreadStore(DataSource, Function)}, with the clock that stamps rows.
   *
   * @param dataSource where connections come from
   * @param formats the event format of each agent, by agent name
   * @param clock the clock that stamps rows
   * @throws StoreException if the database cannot be reached or the tables cannot be created
   */
  public JdbcThreadStore(
      DataSource dataSource, Function<String, ? extends EventFormat> formats, Clock clock) {
    this(new FromDataSource(Objects.requireNonNull(dataSource, "dataSource")), formats, clock);
  }

  private JdbcThreadStore(
      Connections connections, Function<String, ? extends EventFormat> formats, Clock clock) {
    this.connections = connections;
    this.formats = Objects.requireNonNull(formats, "formats");
    this.clock = Objects.requireNonNull(clock, "clock");
    inTransaction("create the thread tables", null, -1, connection -> {
      try (Statement statement = connection.createStatement()) {
        for (String table : SCHEMA) {
          statement.execute(table);
        }
      }
      return null;
    });
  }

  /**
   * A store on the database at {@code url}, connecting through {@link DriverManager} and keeping
   * up to {@value #POOL_SIZE} idle connections for reuse; {@link #close} closes them. For more
   * control, pass your pool as a {@link DataSource}.
   *
   * @param url the JDBC URL
   * @param user the database user
   * @param password the user's password
   * @param formats the event format of each agent, by agent name
   * @return the store
   */
  public static JdbcThreadStore connect(
      String url, String user, String password, Function<String, ? extends EventFormat> formats) {
    return new JdbcThreadStore(new Pool(url, user, password), formats, Clock.systemUTC());
  }

  @Override
  public StoredThread create(String agent, AgentThread thread, Status status) {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(status, "status");
    EventFormat format = formatOf(agent);
    String id = ThreadIds.next();
    long now = clock.millis();
    return inTransaction("create a thread", null, -1, connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO toolcase_threads (id, agent, status, version, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, id);
        insert.setString(2, agent);
        insert.setString(3, status.wireName());
        insert.setLong(4, thread.events().size());
        insert.setLong(5, now);
        insert.setLong(6, now);
        insert.executeUpdate();
      }
      insertEvents(connection, id, 0, thread.events(), format);
      return new StoredThread(id, agent, thread.events().size(), status, thread);
    });
  }

  @Override
  public Optional<StoredThread> load(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return inTransaction("load thread " + id, null, -1, connection -> load(connection, id));
  }

  private Optional<StoredThread> load(Connection connection, String id) throws SQLException {
    String agent;
    Status status;
    long version;
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT agent, status, version FROM toolcase_threads WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        agent = row.getString(1);
        status = statusOf(id, row.getString(2));
        version = row.getLong(3);
      }
    }
    EventFormat format = formatOf(agent);
    List<Event> events = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT seq, body FROM toolcase_events WHERE thread_id = ? AND seq <= ? ORDER BY seq")) {
      select.setString(1, id);
      select.setLong(2, version);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long seq = rows.getLong(1);
          if (seq != events.size() + 1) {
            throw damaged(id, "event " + (events.size() + 1) + " is missing");
          }
          try {
            events.add(format.read(rows.getString(2)));
          } catch (ParseException e) {
            throw damaged(id, "event " + seq + ": " + e.getMessage());
          }
        }
      }
    }
    if (events.size() != version) {
      throw damaged(id, "the thread is at version " + version + " but holds " + events.size()
          + " events");
    }
    return Optional.of(new StoredThread(id, agent, version, status, new AgentThread(events)));
  }

  @Override
  public StoredThread append(
      String id, long expectedVersion, List<Event> events, Status status, String idempotencyKey) {
    Objects.requireNonNull(status, "status");
    return inTransaction("append to thread " + id, id, expectedVersion, connection -> {
      StoredThread current = load(connection, id).orElseThrow(() -> new UnknownThreadException(id));
      if (current.version() != expectedVersion) {
        throw stale(id, expectedVersion, current.version());
      }
      long next = expectedVersion + events.size();
      if (idempotencyKey != null) {
        Optional<Long> used = versionFor(connection, id, idempotencyKey);
        if (used.isPresent()) {
          throw keyUsed(id, idempotencyKey, used.get());
        }
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO toolcase_idempotency (thread_id, idempotency_key, version)"
                + " VALUES (?, ?, ?)")) {
          insert.setString(1, id);
          insert.setString(2, idempotencyKey);
          insert.setLong(3, next);
          insert.executeUpdate();
        }
      }
      insertEvents(connection, id, expectedVersion, events, formatOf(current.agent()));
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE toolcase_threads SET version = ?, status = ?, updated_at = ?"
              + " WHERE id = ? AND version = ?")) {
        update.setLong(1, next);
        update.setString(2, status.wireName());
        update.setLong(3, clock.millis());
        update.setString(4, id);
        update.setLong(5, expectedVersion);
        if (update.executeUpdate() != 1) {
          throw stale(id, expectedVersion, -1);
        }
      }
      AgentThread thread = current.thread();
      for (Event event : events) {
        thread = thread.append(event);
      }
      return new StoredThread(id, current.agent(), next, status, thread);
    });
  }

  @Override
  public Optional<Long> versionFor(String id, String idempotencyKey) {
    return inTransaction("read an idempotency key of thread " + id, null, -1,
        connection -> versionFor(connection, id, idempotencyKey));
  }

  private static Optional<Long> versionFor(Connection connection, String id, String key)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT version FROM toolcase_idempotency WHERE thread_id = ? AND idempotency_key = ?")) {
      select.setString(1, id);
      select.setString(2, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  @Override
  public List<ThreadSummary> list(Status status, int limit) {
    return listing(status, limit).threads();
  }

  @Override
  public ThreadList listing(Status status, int limit) {
    String sql = "SELECT id, agent, version, status FROM toolcase_threads"
        + (status == null ? "" : " WHERE status = ?") + " ORDER BY created_at DESC, id";
    return inTransaction("list threads", null, -1, connection -> {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        if (status != null) {
          select.setString(1, status.wireName());
        }
        select.setMaxRows(Math.max(1, limit));
        List<ThreadSummary> summaries = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next() && summaries.size() < limit) {
            String id = rows.getString(1);
            try {
              summaries.add(new ThreadSummary(id, rows.getString(2), rows.getLong(3),
                  statusOf(id, rows.getString(4))));
            } catch (DamagedThreadException e) {
              unreadable.add(id);
            }
          }
        }
        return new ThreadList(summaries, unreadable);
      }
    });
  }

  // ---------------------------------------------------------------- remembered keys

  @Override
  public boolean firstTime(String key, Duration ttl) {
    try {
      return inTransaction("remember a key", null, -1, connection -> {
        deleteExpired(connection, key);
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO toolcase_keys (name, value, expires_at) VALUES (?, '', ?)")) {
          insert.setString(1, checkedKey(key));
          insert.setLong(2, clock.millis() + ttl.toMillis());
          insert.executeUpdate();
          return true;
        } catch (SQLException e) {
          if (isIntegrityViolation(e)) {
            throw new KeyTaken();
          }
          throw e;
        }
      });
    } catch (KeyTaken e) {
      return false;
    }
  }

  /** The key is remembered already: another writer inserted it first. */
  private static final class KeyTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyTaken() {
      super(null, null, false, false);
    }
  }

  @Override
  public void remember(String key, String value, Duration ttl) {
    Objects.requireNonNull(value, "value");
    inTransaction("remember a key", null, -1, connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM toolcase_keys WHERE name = ?")) {
        delete.setString(1, checkedKey(key));
        delete.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO toolcase_keys (name, value, expires_at) VALUES (?, ?, ?)")) {
        insert.setString(1, key);
        insert.setString(2, value);
        insert.setLong(3, clock.millis() + ttl.toMillis());
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<String> recall(String key) {
    return inTransaction("recall a key", null, -1, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT value FROM toolcase_keys WHERE name = ? AND expires_at >= ?")) {
        select.setString(1, checkedKey(key));
        select.setLong(2, clock.millis());
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        }
      }
    });
  }

  private void deleteExpired(Connection connection, String key) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM toolcase_keys WHERE name = ? AND expires_at < ?")) {
      delete.setString(1, checkedKey(key));
      delete.setLong(2, clock.millis());
      delete.executeUpdate();
    }
  }

  private static String checkedKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.length() > 300) {
      throw new IllegalArgumentException("a key is at most 300 characters");
    }
    return key;
  }

  /** Closes the idle connections this store opened; a given {@link DataSource} stays open. */
  @Override
  public void close() {
    connections.close();
  }

  // ---------------------------------------------------------------- helpers

  private static void insertEvents(
      Connection connection, String id, long after, List<Event> events, EventFormat format)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO toolcase_events (thread_id, seq, type, body) VALUES (?, ?, ?, ?)")) {
      long seq = after;
      for (Event event : events) {
        insert.setString(1, id);
        insert.setLong(2, ++seq);
        insert.setString(3, event.type());
        insert.setString(4, format.write(event));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Work inside one transaction. */
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction and commits it. When {@code threadId} is given, a violated
   * key means a racing writer won: a {@link ConflictException} on that thread.
   */
  private <T> T inTransaction(String what, String threadId, long expectedVersion, Work<T> work) {
    Connection connection;
    try {
      connection = connections.get();
    } catch (SQLTransientConnectionException e) {
      throw new StoreBusyException("cannot " + what + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw failure("cannot " + what, e);
    }
    boolean healthy = false;
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        healthy = true;
        return result;
      } catch (SQLException | RuntimeException e) {
        healthy = rollback(connection, e);
        if (e instanceof SQLException sql && threadId != null && isIntegrityViolation(sql)) {
          throw new ConflictException(threadId, "thread " + threadId
              + " changed while appending at version " + expectedVersion
              + ": another writer won the race");
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure("cannot " + what, e);
    } finally {
      connections.release(connection, healthy);
    }
  }

  /** Rolls back; whether the connection is still fit for reuse. */
  private static boolean rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
      return !(cause instanceof SQLException);
    } catch (SQLException e) {
      cause.addSuppressed(e);
      return false;
    }
  }

  private static boolean isIntegrityViolation(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      String state = next.getSQLState();
      if (state != null && state.startsWith(INTEGRITY_VIOLATION)) {
        return true;
      }
    }
    return false;
  }

  private static ConflictException stale(String id, long expected, long actual) {
    return new ConflictException(id, "thread " + id + (actual < 0 ? " moved past version "
        + expected : " is at version " + actual + ", not " + expected)
        + ": it changed since it was read");
  }

  private static ConflictException keyUsed(String id, String key, long version) {
    return new ConflictException(id, "idempotency key \"" + key + "\" was already used on thread "
        + id + " at version " + version);
  }

  private static Status statusOf(String id, String wireName) {
    try {
      return Status.valueOf(wireName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw damaged(id, "unknown status \"" + wireName + "\"");
    }
  }

  private EventFormat formatOf(String agent) {
    return ThreadIds.formatOf(formats, agent);
  }

  private static DamagedThreadException damaged(String id, String why) {
    return new DamagedThreadException(id, "toolcase_threads and toolcase_events, id " + id, why,
        null);
  }

  /** A database failure, with the driver's message and SQLSTATE but never the connection data. */
  private static StoreException failure(String what, SQLException e) {
    return new StoreException(what + ": " + e.getMessage() + " (SQLSTATE " + e.getSQLState()
        + ")", e);
  }

  /** Where connections come from, and where they go back after a transaction. */
  private interface Connections {
    Connection get() throws SQLException;

    /** Takes back {@code connection}; {@code healthy} when its last transaction ended cleanly. */
    void release(Connection connection, boolean healthy);

    void close();
  }

  /** Connections of the application's {@link DataSource}: closing one returns it to its pool. */
  private record FromDataSource(DataSource dataSource) implements Connections {
    @Override
    public Connection get() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void release(Connection connection, boolean healthy) {
      closeQuietly(connection);
    }

    @Override
    public void close() {}
  }

  /**
   * Connections from {@link DriverManager}: at most {@value #POOL_SIZE} open at once, in use or
   * idle, so the database's connection limit is never reached from here; a transaction waits up
   * to {@value #POOL_WAIT_MILLIS} ms for one to come free, and then the store is busy. A
   * connection whose transaction failed is closed, not reused. The password stays out of every
   * message. (A bounded pool of its own keeps the runtime's one dependency Jackson; an
   * application with a pool of its own, HikariCP say, passes it as a {@link DataSource}.)
   */
  private static final class Pool implements Connections {
    private final String url;
    private final String user;
    private final String password;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL_SIZE);
    private final Semaphore open = new Semaphore(POOL_SIZE, true);

    Pool(String url, String user, String password) {
      this.url = Objects.requireNonNull(url, "url");
      this.user = user;
      this.password = password;
    }

    @Override
    public Connection get() throws SQLException {
      try {
        if (!open.tryAcquire(POOL_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
          throw new SQLTransientConnectionException("all " + POOL_SIZE + " connections are in"
              + " use, and none came free in " + POOL_WAIT_MILLIS + " ms");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLTransientConnectionException("interrupted while waiting for a connection");
      }
      Connection connection = idle.poll();
      if (connection != null) {
        return connection;
      }
      try {
        return DriverManager.getConnection(url, user, password);
      } catch (SQLException | RuntimeException e) {
        open.release();
        throw e;
      }
    }

    @Override
    public void release(Connection connection, boolean healthy) {
      if (!healthy || !idle.offer(connection)) {
        closeQuietly(connection);
      }
      open.release();
    }

    @Override
    public void close() {
      for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
        closeQuietly(connection);
      }
    }

    @Override
    public String toString() {
      return "Pool[" + url + "]";
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing to do: the connection is gone either way.
    }
  }
}
