package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.json.Json;
import dev.toolcase.testsupport.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The server runs in a child JVM under load and is killed with SIGKILL, five times; restarted on
 * the same store, it serves every thread, none is damaged, no acknowledged event is missing, and
 * the launches that were in flight at a kill are moved on, none left running.
 */
class ServerCrashTest {

  private static final Pattern PORT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)");
  private static final int ACKS_BEFORE_KILL = 20;
  private static final int KILLS = 5;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void fileStore(@TempDir Path data) throws Exception {
    crashAndRestart(List.of("--data", data.toString()));
  }

  @Test
  void jdbcStore() throws Exception {
    TestPostgres.Database database = TestPostgres.shared().newDatabase();
    crashAndRestart(List.of("--jdbc-url", database.url(), "--jdbc-user", database.user(),
        "--jdbc-password", database.password()));
  }

  private void crashAndRestart(List<String> options) throws Exception {
    List<String> storeOptions = new ArrayList<>(options);
    storeOptions.addAll(List.of("--run-lease", "1"));
    Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    for (int kill = 1; kill <= KILLS; kill++) {
      Server server = Server.start(storeOptions);
      AtomicInteger acks = new AtomicInteger();
      try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
        for (int i = 0; i < 8; i++) {
          clients.execute(() -> {
            while (!Thread.currentThread().isInterrupted()) {
              try {
                JsonNode state = launch(server.port);
                acknowledged.put(state.path("id").asString(), state.path("events").size());
                acks.incrementAndGet();
              } catch (Exception e) {
                return;
              }
            }
          });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acks.get() < ACKS_BEFORE_KILL && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        server.kill();
        clients.shutdownNow();
      }
      assertThat(acks.get()).as("kill %d", kill).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
    }

    Server last = Server.start(storeOptions);
    try {
      JsonNode threads = get(last.port, "/threads?limit=1000").path("threads");
      assertThat(threads.size()).isGreaterThanOrEqualTo(acknowledged.size());
      assertThat(get(last.port, "/threads?limit=1000").path("unreadable")).as("corrupt threads")
          .isEmpty();
      for (JsonNode summary : threads) {
        String id = summary.path("id").asString();
        JsonNode state = get(last.port, "/threads/" + id);
        // The server moves stopped runs on meanwhile, so a thread may have grown since listed.
        assertThat(state.path("events").size()).as(id)
            .isGreaterThanOrEqualTo(summary.path("version").asInt())
            .isGreaterThanOrEqualTo(acknowledged.getOrDefault(id, 0));
      }
      for (Map.Entry<String, Integer> ack : acknowledged.entrySet()) {
        JsonNode state = get(last.port, "/threads/" + ack.getKey());
        assertThat(state.path("status").asString()).isEqualTo("done");
        assertThat(state.path("events").size()).as("no acknowledged event lost")
            .isEqualTo(ack.getValue());
      }
      // Launches in flight at each kill stopped running; the restarted server moves them on.
      JsonNode running = get(last.port, "/threads?status=running&limit=1000").path("threads");
      for (int i = 0; i < 200 && !running.isEmpty(); i++) {
        Thread.sleep(50);
        running = get(last.port, "/threads?status=running&limit=1000").path("threads");
      }
      assertThat(running).as("threads left running after recovery").isEmpty();
    } finally {
      last.kill();
    }
  }

  private JsonNode launch(int port) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/threads"))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString("{\"agent\": \"calculator\", \"message\": \""
            + OfflineModel.CALCULATOR_MESSAGE + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return Json.readTree(response.body());
  }

  private JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return Json.readTree(response.body());
  }

  /** The example's {@code serve} command in a child JVM, without a token, on a free port. */
  private record Server(Process process, int port) {

    static Server start(List<String> storeOptions) throws Exception {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName(),
          "serve", "--port", "0", "--insecure-local"));
      command.addAll(storeOptions);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      for (String variable : List.of("TOOLCASE_API_TOKEN", "OPENAI_API_KEY", "ANTHROPIC_API_KEY")) {
        builder.environment().remove(variable);
      }
      Process process = builder.start();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher port = PORT.matcher(line == null ? "" : line);
      for (int lines = 0; line != null && !port.find() && lines < 100; lines++) {
        line = out.readLine(); // a log line before the one that says where it serves
        port = PORT.matcher(line == null ? "" : line);
      }
      if (line == null) {
        process.destroyForcibly();
        throw new AssertionError("the server did not start");
      }
      Thread.ofVirtual().start(() -> {
        try {
          while (out.readLine() != null) {
            // Drains the log so the child never blocks on a full pipe.
          }
        } catch (java.io.IOException e) {
          // The child is gone.
        }
      });
      return new Server(process, Integer.parseInt(port.group(1)));
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
