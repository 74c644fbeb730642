package dev.toolcase.benchmarks;

import dev.toolcase.json.Json;
import dev.toolcase.testsupport.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load driver for the HTTP API: the example's {@code serve} command in its own JVM, on the
 * scripted model, driven over loopback by concurrent clients. Measures launches per second (a
 * deployment launched and run until it pauses for approval: four events stored one by one) and
 * the latency of resumes (the approval, the deploy and the final answer: four more events).
 *
 * <pre>
 * java -cp benchmarks/target/toolcase-benchmarks.jar dev.toolcase.benchmarks.ServerLoad \
 *     [seconds] [clients] [jdbc-url user password]
 * </pre>
 *
 * <p>Runs the file store, then PostgreSQL: the database given, or else a throwaway server on
 * loopback started from Maven artifacts ({@code TestPostgres}).
 */
public final class ServerLoad {

  private static final Pattern PORT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");
  private static final String LAUNCH = "{\"agent\": \"deploybot\","
      + " \"message\": \"deploy the latest backend to production\"}";
  /** The deploy waiting for approval is event 4: user_input, list_git_tags, started, result. */
  private static final String APPROVE = "{\"type\": \"approval\", \"call_id\": \"call_4\","
      + " \"approved\": true}";

  private final java.util.concurrent.atomic.LongAdder busy =
      new java.util.concurrent.atomic.LongAdder();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private ServerLoad() {}

  /** Runs the load and prints a markdown table row per store. */
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    TestPostgres.Database database = args.length > 4
        ? new TestPostgres.Database(args[2], args[3], args[4])
        : TestPostgres.shared().newDatabase();
    ServerLoad load = new ServerLoad();
    System.out.println("| store | clients | launches/s | resumes/s | resume p50 | resume p99 | 503 busy, retried |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    Path data = Files.createTempDirectory("toolcase-load");
    System.out.println(load.run("file", List.of("--data", data.toString()), seconds, clients));
    dropTables(database.url(), database.user(), database.password());
    System.out.println(load.run("PostgreSQL", List.of("--jdbc-url", database.url(),
        "--jdbc-user", database.user(), "--jdbc-password", database.password()), seconds, clients));
  }

  private String run(String name, List<String> storeOptions, int seconds, int clients)
      throws Exception {
    Process server = start(storeOptions);
    try {
      int port = port(server);
      // Warm-up: the JIT and the store's first writes.
      launches(port, 2, clients);
      Queue<String> waiting = new ConcurrentLinkedQueue<>();
      long launched = launches(port, seconds, clients, waiting);
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      long start = System.nanoTime();
      drive(clients, () -> {
        String id = waiting.poll();
        if (id == null) {
          return false;
        }
        long before = System.nanoTime();
        String body = post(port, "/threads/" + id + "/responses", APPROVE, 200);
        latencies.add(System.nanoTime() - before);
        if (!body.contains("\"status\":\"done\"")) {
          throw new IllegalStateException("resume did not finish: " + body);
        }
        return true;
      }, Long.MAX_VALUE);
      double resumeSeconds = (System.nanoTime() - start) / 1e9;
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.1f ms | %.1f ms | %d |",
          name, clients, launched / (double) seconds, sorted.size() / resumeSeconds,
          percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, busy.sumThenReset());
    } finally {
      // SIGTERM first, so the server's JVM exits as a stopped server does (and a recording dumps).
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private long launches(int port, int seconds, int clients) throws InterruptedException {
    return launches(port, seconds, clients, new ConcurrentLinkedQueue<>());
  }

  /** Launches threads for {@code seconds}; returns how many, and queues their ids. */
  private long launches(int port, int seconds, int clients, Queue<String> ids)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    return drive(clients, () -> {
      String body = post(port, "/threads", LAUNCH, 201);
      ids.add(Json.readTree(body).path("id").asString());
      return true;
    }, end);
  }

  private interface Request {
    boolean run() throws Exception;
  }

  /** Runs {@code request} on {@code clients} threads until it says stop or time is up. */
  private static long drive(int clients, Request request, long end) throws InterruptedException {
    long[] counts = new long[clients];
    CountDownLatch done = new CountDownLatch(clients);
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        int client = c;
        pool.execute(() -> {
          try {
            while (System.nanoTime() < end && request.run()) {
              counts[client]++;
            }
          } catch (Exception e) {
            failures.add(e);
          } finally {
            done.countDown();
          }
        });
      }
      done.await();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("requests failed: " + failures.getFirst(), failures.getFirst());
    }
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    return total;
  }

  /**
   * Posts; a {@code 503} (busy) is counted and retried after its {@code Retry-After}, as a client
   * should, and any other answer than {@code expected} stops the run.
   */
  private String post(int port, String path, String json, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response;
    while (true) {
      response = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + path))
          .header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(30))
          .POST(HttpRequest.BodyPublishers.ofString(json))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 503) {
        break;
      }
      busy.increment();
      Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After")
          .orElse("1")));
    }
    if (response.statusCode() != expected) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return response.body();
  }

  private static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static Process start(List<String> storeOptions) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.toolcase.example.Main",
        "serve", "--port", "0", "--insecure-local"));
    command.addAll(storeOptions);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("TOOLCASE_API_TOKEN");
    builder.environment().remove("OPENAI_API_KEY");
    builder.environment().remove("ANTHROPIC_API_KEY");
    return builder.start();
  }

  private static int port(Process server) throws IOException {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    // The line saying where it serves, after whatever the JVM says first (JAVA_TOOL_OPTIONS, JFR).
    StringBuilder said = new StringBuilder();
    Matcher port = null;
    while (port == null) {
      String line = out.readLine();
      if (line == null) {
        break;
      }
      said.append(line).append('\n');
      Matcher match = PORT.matcher(line);
      port = match.find() ? match : null;
    }
    if (port == null) {
      throw new IllegalStateException("the server did not start: " + said);
    }
    Thread.ofVirtual().start(() -> {
      try {
        while (out.readLine() != null) {
          // Drains the server's log.
        }
      } catch (IOException e) {
        // The server is gone.
      }
    });
    return Integer.parseInt(port.group(1));
  }

  private static void dropTables(String url, String user, String password) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS toolcase_events");
      statement.execute("DROP TABLE IF EXISTS toolcase_idempotency");
      statement.execute("DROP TABLE IF EXISTS toolcase_threads");
    }
  }
}
