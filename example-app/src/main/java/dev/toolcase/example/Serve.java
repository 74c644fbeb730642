package dev.toolcase.example;

import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.server.AgentServer;
import dev.toolcase.store.FileThreadStore;
import dev.toolcase.store.JdbcThreadStore;
import dev.toolcase.store.ThreadStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code serve}: both agents over HTTP on the file store under {@code ./data}, or on a database
 * with {@code --jdbc-url}; on a real model when one is configured, else on the recordings.
 *
 * <pre>
 * serve [--port 8080] [--bind 127.0.0.1] [--data ./data] [--run-lease 600]
 *       [--jdbc-url URL [--jdbc-user USER] [--jdbc-password PASSWORD]] [--insecure-local]
 * </pre>
 *
 * <p>{@code TOOLCASE_JDBC_URL}, {@code TOOLCASE_JDBC_USER} and {@code TOOLCASE_JDBC_PASSWORD}
 * stand in for the JDBC flags, and {@code TOOLCASE_API_TOKEN} is the bearer token.
 */
final class Serve {

  /** Held, so the level set on it stays: java.util.logging keeps loggers weakly. */
  private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");


  static final String USAGE = "usage: toolcase-example-app serve [--port 8080] [--bind 127.0.0.1]"
      + " [--data ./data] [--run-lease 600] [--jdbc-url URL [--jdbc-user USER]"
      + " [--jdbc-password PASSWORD]] [--insecure-local]";

  private Serve() {}

  /** Parsed options of the command. */
  record Options(int port, String bind, Path data, String jdbcUrl, String jdbcUser,
      String jdbcPassword, boolean insecureLocal, int runLeaseSeconds) {

    /**
     * The options in {@code args}; the JDBC settings default to {@code TOOLCASE_JDBC_URL},
     * {@code TOOLCASE_JDBC_USER} and {@code TOOLCASE_JDBC_PASSWORD} from {@code env}.
     */
    static Options parse(String[] args, Map<String, String> env) {
      Flags flags = Flags.parse(args, Set.of("--port", "--bind", "--data", "--jdbc-url",
          "--jdbc-user", "--jdbc-password", "--run-lease"), Set.of("--insecure-local"));
      int port = Integer.parseInt(flags.value("--port", "8080"));
      String jdbcUrl = flags.value("--jdbc-url", env.get("TOOLCASE_JDBC_URL"));
      int lease = Integer.parseInt(flags.value("--run-lease", "600"));
      if (jdbcUrl != null && jdbcUrl.isBlank()) {
        jdbcUrl = null;
      }
      if (lease < 1) {
        throw new IllegalArgumentException("--run-lease must be at least 1 second");
      }
      return new Options(port, flags.value("--bind", "127.0.0.1"),
          Path.of(flags.value("--data", "data")), jdbcUrl,
          flags.value("--jdbc-user", env.get("TOOLCASE_JDBC_USER")),
          flags.value("--jdbc-password", env.get("TOOLCASE_JDBC_PASSWORD")),
          flags.has("--insecure-local"), lease);
    }
  }

  /** Starts the server; returns it running. */
  static AgentServer start(Options options, Map<String, String> env, PrintStream out)
      throws IOException {
    String token = env.get("TOOLCASE_API_TOKEN");
    boolean hasToken = token != null && !token.isBlank();
    if (!hasToken && !options.insecureLocal()) {
      throw new IllegalStateException("no bearer token: set TOOLCASE_API_TOKEN (for example to"
          + " the output of `openssl rand -hex 24`), or pass --insecure-local to serve without one"
          + " on a developer's machine");
    }
    Optional<LlmClient> model = Models.configured(env);
    Clock clock = Clock.systemUTC();
    DeployTargets targets = DeployTargets.example();
    // Jetty says at INFO that it started; the line printed below says where.
    JETTY_LOG.setLevel(Level.WARNING);
    AgentServer.Builder server = AgentServer.builder()
        .environment(env)
        .agent("calculator", Agents.calculator(Models.runners(model, "calculator"), clock))
        .agent("deploybot", Agents.deployBot(Models.runners(model, "deploybot"), targets, clock))
        .address(InetAddress.getByName(options.bind()))
        .port(options.port())
        .runLease(java.time.Duration.ofSeconds(options.runLeaseSeconds()))
        .recoverStoppedRuns();
    ThreadStore store = options.jdbcUrl() == null
        ? new FileThreadStore(options.data(), server.eventFormats())
        : JdbcThreadStore.connect(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword(),
            server.eventFormats());
    server.store(store);
    if (hasToken) {
      server.token(token);
    } else {
      server.token(null).insecureLocal();
    }
    AgentServer running = server.start();
    out.println("Serving calculator and deploybot on http://" + options.bind() + ":"
        + running.port() + " (" + (options.jdbcUrl() == null ? "file store in "
        + options.data().toAbsolutePath() : "JDBC store") + ", "
        + (model.isPresent() ? "real model" : "offline: a rule-based stand-in answers for the model") + ", "
        + (hasToken ? "bearer token" : "no token: insecure local mode")
        + ")");
    out.flush();
    return running;
  }

  /** Runs the command until the process is stopped. */
  static int run(String[] args, Map<String, String> env, PrintStream out) {
    Options options;
    try {
      options = Options.parse(args, env);
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      out.println(USAGE);
      return 2;
    }
    try {
      start(options, env, out);
    } catch (IllegalStateException | IOException e) {
      out.println("cannot serve: " + e.getMessage());
      return 1;
    }
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
