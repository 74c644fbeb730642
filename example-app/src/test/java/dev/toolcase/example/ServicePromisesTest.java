package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.Agent;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.EventTypes;
import dev.toolcase.Status;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployBotPrompts;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.example.deploy.Deployer;
import dev.toolcase.example.deploy.Environment;
import dev.toolcase.json.Json;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.llm.LlmException;
import dev.toolcase.llm.ScriptedLlmClient;
import dev.toolcase.prompt.PromptRunner;
import dev.toolcase.server.AgentServer;
import dev.toolcase.server.Signatures;
import dev.toolcase.store.FileThreadStore;
import dev.toolcase.store.JdbcThreadStore;
import dev.toolcase.store.StoredThread;
import dev.toolcase.store.ThreadStore;
import dev.toolcase.testsupport.TestPostgres;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The service's promises under retries, races, hostile input, damaged files, restarts and a
 * second server on the same store: a tool runs once, no request damages a thread, no thread is
 * stuck. Over real HTTP, on the file store and on PostgreSQL.
 */
class ServicePromisesTest {

  private static final String TOKEN = "test-token-0123456789";
  private static final String WEBHOOK_SECRET = "whsec-test";
  private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  @TempDir Path data;

  private final HttpClient http = HttpClient.newHttpClient();
  private final DeployTargets targets = DeployTargets.example();
  /** How many times the slow deploy started, whatever became of it. */
  private final AtomicInteger deploys = new AtomicInteger();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private TestPostgres.Database database;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : closing.reversed()) {
      closeable.close();
    }
    http.close();
  }

  /** The deployment bot on the offline model, with a deploy that takes as long as a real one. */
  private Agent<DeployBotNextStep> slowDeployBot(Function<AgentThread, PromptRunner> runners,
      Duration deployTakes) {
    Deployer deployer = new Deployer(targets);
    return Agent.builder(DeployBotTools.CODEC)
        .nextStep(thread -> DeployBotPrompts.using(runners.apply(thread)).determineNextStep(thread))
        .handler(step -> {
          if (step instanceof DeployBackend) {
            deploys.incrementAndGet();
            sleep(deployTakes);
          }
          return deployer.handle(step);
        })
        .approvalPolicy(step -> step instanceof DeployBackend d
            && d.environment() == Environment.production)
        .build();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ThreadStore store(String kind, AgentServer.Builder builder) {
    ThreadStore store = switch (kind) {
      case "file" -> new FileThreadStore(data, builder.eventFormats());
      case "postgres" -> {
        if (database == null) {
          database = TestPostgres.shared().newDatabase();
        }
        yield JdbcThreadStore.connect(database.url(), database.user(), database.password(),
            builder.eventFormats());
      }
      default -> throw new IllegalArgumentException(kind);
    };
    closing.add(store);
    return store;
  }

  private AgentServer server(String kind, Duration deployTakes,
      Function<AgentThread, PromptRunner> runners, Duration lease) throws Exception {
    AgentServer.Builder builder = AgentServer.builder()
        .agent("deploybot", slowDeployBot(runners, deployTakes))
        .agent("calculator", Agents.calculator(Models.runners(Optional.empty(), "calculator"),
            Clock.systemUTC()))
        .port(0)
        .token(TOKEN)
        .runLease(lease)
        .webhook("calculator", WEBHOOK_SECRET)
        .slack(SLACK_SECRET, "deploybot");
    builder.store(store(kind, builder));
    AgentServer server = builder.start();
    closing.add(server);
    return server;
  }

  private AgentServer server(String kind, Duration deployTakes) throws Exception {
    return server(kind, deployTakes, Models.runners(Optional.empty(), "deploybot"),
        Duration.ofMinutes(10));
  }

  private HttpResponse<String> send(AgentServer server, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.readTree(response.body());
  }

  private String launchDeploy(AgentServer server) throws Exception {
    HttpResponse<String> launched = send(server, "POST", "/threads",
        "{\"agent\": \"deploybot\", \"message\": \"" + OfflineModel.DEPLOY_MESSAGE + "\"}");
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
    JsonNode state = json(launched);
    assertThat(state.path("status").asString()).isEqualTo("waiting_for_approval");
    return state.path("id").asString();
  }

  private static String approval(String callId, String key) {
    return "{\"type\": \"approval\", \"call_id\": \"" + callId + "\", \"approved\": true"
        + (key == null ? "" : ", \"idempotency_key\": \"" + key + "\"") + "}";
  }

  private static void assertError(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json(response).path("error").path("code").asString()).as(response.body())
        .isEqualTo(code);
  }

  // ---------------------------------------------------------------- a tool runs once

  @ParameterizedTest
  @ValueSource(strings = {"file", "postgres"})
  void aRetriedApprovalWhileTheToolRunsNeverRunsItTwice(String kind) throws Exception {
    AgentServer server = server(kind, Duration.ofMillis(400));
    for (int trial = 0; trial < 5; trial++) {
      String id = launchDeploy(server);
      String path = "/threads/" + id + "/responses";
      String approve = approval("call_4", "once-" + trial);
      try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<HttpResponse<String>> first = clients.submit(() -> send(server, "POST", path, approve));
        Thread.sleep(150);
        HttpResponse<String> retry = send(server, "POST", path, approve);
        assertError(retry, 409, "in_progress");
        assertThat(retry.headers().firstValue("Retry-After")).contains("1");
        HttpResponse<String> answered = first.get(60, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        HttpResponse<String> later = send(server, "POST", path, approve);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.body()).as("the same answer").isEqualTo(answered.body());
      }
    }
    assertThat(deploys).as("one deploy per trial").hasValue(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "postgres"})
  void fiftyRacersWithOneKeyRunTheToolOnce(String kind) throws Exception {
    AgentServer server = server(kind, Duration.ofMillis(200));
    String id = launchDeploy(server);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        answers.add(clients.submit(() -> {
          go.await();
          return send(server, "POST", "/threads/" + id + "/responses", approval("call_4", "k"));
        }));
      }
      go.countDown();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 409);
        if (response.statusCode() == 409) {
          assertThat(json(response).path("error").path("code").asString())
              .isIn("in_progress", "conflict");
        }
      }
    }
    assertThat(deploys).hasValue(1);
    assertThat(json(send(server, "GET", "/threads/" + id, null)).path("status").asString())
        .isEqualTo("done");
  }

  @Test
  void twoServersOnOneDatabaseTakeEachRetryOnce() throws Exception {
    AgentServer one = server("postgres", Duration.ofMillis(300));
    AgentServer two = server("postgres", Duration.ofMillis(300));
    for (int trial = 0; trial < 4; trial++) {
      String id = launchDeploy(trial % 2 == 0 ? one : two);
      String path = "/threads/" + id + "/responses";
      String approve = approval("call_4", "both-" + trial);
      try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          AgentServer server = i % 2 == 0 ? one : two;
          answers.add(clients.submit(() -> send(server, "POST", path, approve)));
        }
        for (Future<HttpResponse<String>> answer : answers) {
          assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isIn(200, 409);
        }
      }
      assertThat(json(send(two, "GET", "/threads/" + id, null)).path("status").asString())
          .isEqualTo("done");
    }
    assertThat(deploys).hasValue(4);
  }

  @Test
  void aHundredAndFiftyClientsOnOneDatabaseGetNoServerError() throws Exception {
    AgentServer server = server("postgres", Duration.ZERO);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 150; i++) {
        boolean launch = i % 3 != 0;
        answers.add(clients.submit(() -> {
          go.await();
          return launch
              ? send(server, "POST", "/threads", "{\"agent\": \"calculator\", \"message\": \"add 2 and 2\"}")
              : send(server, "GET", "/threads?limit=10", null);
        }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
        statuses.add(response.statusCode());
        if (response.statusCode() == 503) {
          assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
      }
      assertThat(statuses).as("no 500: the pool waits, or says busy").allMatch(
          status -> status == 200 || status == 201 || status == 503);
    }
  }

  // ---------------------------------------------------------------- no request damages a thread

  @ParameterizedTest
  @ValueSource(strings = {"file", "postgres"})
  void anOversizedKeyIsRefusedBeforeAnythingIsWritten(String kind) throws Exception {
    AgentServer server = server(kind, Duration.ZERO);
    String id = launchDeploy(server);
    HttpResponse<String> refused = send(server, "POST", "/threads/" + id + "/responses",
        approval("call_4", "k".repeat(50_001)));
    assertError(refused, 400, "bad_request");
    assertThat(json(refused).path("error").path("message").asString())
        .contains("idempotency_key").contains("200");
    assertThat(deploys).hasValue(0);
    assertThat(send(server, "GET", "/threads/" + id, null).statusCode()).isEqualTo(200);
    assertThat(send(server, "GET", "/threads", null).statusCode()).isEqualTo(200);
    assertThat(send(server, "POST", "/threads/" + id + "/responses", approval("call_4", "ok"))
        .statusCode()).isEqualTo(200);
  }

  @Test
  void malformedRequestsGetTheJsonErrorShape() throws Exception {
    AgentServer server = server("file", Duration.ZERO);
    String id = launchDeploy(server);
    String path = "/threads/" + id + "/responses";
    assertError(send(server, "POST", path,
        "{\"type\": \"approval\", \"call_id\": \"call_4\", \"approved\": false,"
            + " \"approved\": true}"), 400, "duplicate_key");
    HttpResponse<String> badBytes = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/threads"))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(
            "{\"agent\": \"deploybot\", \"message\": \"caf\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1)))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertError(badBytes, 400, "invalid_utf8");
    assertError(send(server, "POST", path, "{\"type\": \"approval\", \"call_id\": \"call_4; drop\","
        + " \"approved\": true}"), 400, "bad_request");
    assertError(send(server, "POST", path, "{\"type\": \"approval\", \"call_id\": \"call_4\","
        + " \"approved\": true, \"comment\": \"" + "c".repeat(10_001) + "\"}"), 400, "bad_request");
    assertError(send(server, "GET", "/threads/" + "x".repeat(101), null), 404, "not_found");
    assertThat(deploys).hasValue(0);
    assertThat(send(server, "GET", "/threads/" + id, null).statusCode()).isEqualTo(200);
  }

  @Test
  void requestsNoClientShouldSendGetTheJsonErrorShapeToo() throws Exception {
    AgentServer server = server("file", Duration.ZERO);
    for (String request : List.of(
        "GET //threads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\r\n\r\n",
        "POST /threads HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n",
        "GET /threads?% HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /thr%zzeads HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /threads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\u0000\r\n\r\n",
        "GET /threads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\u0007\r\n\r\n")) {
      String response = raw(server, request);
      assertThat(response).as(request).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
      assertThat(response).as(request).containsIgnoringCase("content-type: application/json")
          .contains("{\"error\":{\"code\":");
    }
    assertThat(send(server, "GET", "/threads", null).statusCode()).as("still up").isEqualTo(200);
  }

  @Test
  void aFloodOfSlowConnectionsDoesNotKeepANormalClientOut() throws Exception {
    AgentServer.Builder builder = AgentServer.builder()
        .agent("calculator", Agents.calculator(Models.runners(Optional.empty(), "calculator"),
            Clock.systemUTC()))
        .port(0)
        .token(TOKEN)
        .maxConnections(50)
        .headerTimeout(Duration.ofSeconds(1));
    builder.store(store("file", builder));
    AgentServer server = builder.start();
    closing.add(server);
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 300; i++) {
        Socket socket = new Socket();
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()), 2_000);
        socket.getOutputStream().write("GET /threads HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(
            StandardCharsets.ISO_8859_1));
        slow.add(socket);
      }
    } catch (java.io.IOException e) {
      // The backlog is full: the flood is as big as it gets.
    }
    long start = System.nanoTime();
    HttpResponse<String> answered = send(server, "GET", "/threads", null);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(took).as("a normal client while %d connections trickle", slow.size())
        .isLessThan(Duration.ofSeconds(10));
    for (Socket socket : slow) {
      socket.close();
    }
  }

  @Test
  void anErrorBeforeTheBodyWasReadLeavesTheConnectionReadyForTheNextRequest() throws Exception {
    AgentServer server = server("file", Duration.ZERO);
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      // The body comes a moment after the headers, as it does from a client on a real network.
      out.write(("POST /threads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Thread.sleep(300);
      out.write(("hello" + "GET /threads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
          + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder both = new StringBuilder();
      byte[] buffer = new byte[4096];
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!both.toString().contains("\"threads\"") && System.nanoTime() < deadline) {
        int read = in.read(buffer);
        if (read < 0) {
          break;
        }
        both.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
      }
      assertThat(both.toString()).startsWith("HTTP/1.1 415")
          .as("the second request on the same connection").contains("HTTP/1.1 200");
    }
  }

  @Test
  void theHeaderTimeoutClosesASilentConnectionButNotARequestWhoseBodyPauses() throws Exception {
    AgentServer.Builder builder = AgentServer.builder()
        .agent("calculator", Agents.calculator(Models.runners(Optional.empty(), "calculator"),
            Clock.systemUTC()))
        .port(0)
        .token(TOKEN)
        .headerTimeout(Duration.ofMillis(500));
    builder.store(store("file", builder));
    AgentServer server = builder.start();
    closing.add(server);
    try (Socket silent = new Socket("127.0.0.1", server.port())) {
      silent.setSoTimeout(10_000);
      silent.getOutputStream().write("GET /threads HTTP/1.1\r\nHost: x\r\nX-Slow: "
          .getBytes(StandardCharsets.ISO_8859_1));
      long start = System.nanoTime();
      assertThat(silent.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
    String body = "{\"agent\":\"calculator\",\"message\":\"add 2 and 2\"}";
    try (Socket pausing = new Socket("127.0.0.1", server.port())) {
      pausing.setSoTimeout(10_000);
      OutputStream out = pausing.getOutputStream();
      out.write(("POST /threads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
          + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Thread.sleep(1_500);
      out.write(body.substring(10).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] buffer = new byte[4096];
      int read = pausing.getInputStream().read(buffer);
      assertThat(read).as("answered").isPositive();
      assertThat(new String(buffer, 0, read, StandardCharsets.ISO_8859_1))
          .startsWith("HTTP/1.1 201");
    }
  }

  @Test
  void pastTheCapOnRequestsInFlightTheAnswerIs503WithRetryAfter() throws Exception {
    AgentServer.Builder builder = AgentServer.builder()
        .agent("deploybot", slowDeployBot(Models.runners(Optional.empty(), "deploybot"),
            Duration.ofMillis(800)))
        .port(0)
        .token(TOKEN)
        .maxRequests(2);
    builder.store(store("file", builder));
    AgentServer server = builder.start();
    closing.add(server);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(launchDeploy(server));
    }
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (String id : ids) {
        answers.add(clients.submit(() -> send(server, "POST", "/threads/" + id + "/responses",
            approval("call_4", null))));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
        statuses.add(response.statusCode());
        if (response.statusCode() == 503) {
          assertError(response, 503, "busy");
          assertThat(response.headers().firstValue("Retry-After")).contains("1");
        }
      }
      assertThat(statuses).containsOnlyOnce(503).contains(200);
    }
  }

  /** Sends raw bytes and reads the status line and the rest, for requests no client would send. */
  private static String raw(AgentServer server, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      int read = in.read(buffer);
      return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void aDamagedThreadFileIsReportedByItselfAndTheOthersStayReadable() throws Exception {
    AgentServer server = server("file", Duration.ZERO);
    String good = launchDeploy(server);
    List<String> damaged = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      damaged.add(launchDeploy(server));
    }
    Files.write(data.resolve(damaged.get(0) + ".thread"), new byte[0]);
    Files.write(data.resolve(damaged.get(1) + ".thread"),
        Files.readAllBytes(data.resolve(damaged.get(1) + ".thread")).length > 20
            ? java.util.Arrays.copyOf(Files.readAllBytes(data.resolve(damaged.get(1) + ".thread")), 20)
            : new byte[0]);
    Files.write(data.resolve(damaged.get(2) + ".thread"), new byte[] {(byte) 0xC3, (byte) 0x28, '\n'},
        StandardOpenOption.APPEND);
    Path directory = data.resolve(damaged.get(3) + ".thread");
    Files.delete(directory);
    Files.createDirectory(directory);
    Path status = data.resolve(damaged.get(4) + ".thread");
    Files.writeString(status, Files.readString(status).replaceFirst("waiting_for_approval", "asleep"));

    HttpResponse<String> list = send(server, "GET", "/threads", null);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(json(list).path("threads")).extracting(t -> t.path("id").asString()).contains(good);
    assertThat(json(list).path("unreadable")).extracting(JsonNode::asString)
        .containsExactlyInAnyOrderElementsOf(damaged);
    for (String id : damaged) {
      HttpResponse<String> one = send(server, "GET", "/threads/" + id, null);
      assertError(one, 500, "damaged_thread");
      assertThat(json(one).path("error").path("message").asString()).contains(id);
    }
    assertThat(send(server, "GET", "/threads/" + good, null).statusCode()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- replays across restarts

  private HttpResponse<String> webhook(AgentServer server, String id, String timestamp, String body)
      throws Exception {
    String signature = Signatures.webhookSign(WEBHOOK_SECRET, id, timestamp, body);
    return http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/webhooks/calculator"))
        .header("webhook-id", id)
        .header("webhook-timestamp", timestamp)
        .header("webhook-signature", signature)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "postgres"})
  void aReplayedWebhookStartsNothingAfterARestartOrAtAnotherServer(String kind) throws Exception {
    AgentServer first = server(kind, Duration.ZERO);
    String body = "{\"message\": \"add 2 and 2\"}";
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    assertThat(webhook(first, "msg_1", timestamp, body).statusCode()).isEqualTo(201);
    first.close();

    AgentServer restarted = server(kind, Duration.ZERO);
    HttpResponse<String> replay = webhook(restarted, "msg_1", timestamp, body);
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    assertThat(json(replay).path("duplicate").asString()).isEqualTo("msg_1");
    assertThat(json(send(restarted, "GET", "/threads", null)).path("threads")).hasSize(1);
  }

  private HttpResponse<String> slack(AgentServer server, String body) throws Exception {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    return http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/webhooks/slack"))
        .header("X-Slack-Request-Timestamp", timestamp)
        .header("X-Slack-Signature", Signatures.slackSign(SLACK_SECRET, timestamp, body))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String slackEvent(String eventId, String threadTs, String ts, String text) {
    return "{\"type\": \"event_callback\", \"event_id\": \"" + eventId + "\", \"event\": {"
        + "\"type\": \"message\", \"channel\": \"C1\", \"ts\": \"" + ts + "\""
        + (threadTs == null ? "" : ", \"thread_ts\": \"" + threadTs + "\"")
        + ", \"text\": \"" + text + "\"}}";
  }

  private JsonNode onlyThread(AgentServer server, String status) throws Exception {
    for (int i = 0; i < 200; i++) {
      JsonNode threads = json(send(server, "GET", "/threads", null)).path("threads");
      if (threads.size() == 1 && threads.get(0).path("status").asString().equals(status)) {
        return threads.get(0);
      }
      Thread.sleep(25);
    }
    throw new AssertionError("no single " + status + " thread: "
        + send(server, "GET", "/threads", null).body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "postgres"})
  void slackRetriesAndRepliesReachTheSameThreadAtAnyServer(String kind) throws Exception {
    AgentServer one = server(kind, Duration.ZERO);
    AgentServer two = server(kind, Duration.ZERO);
    String ask = slackEvent("Ev1", null, "1764000000.000100", "deploy the backend");
    assertThat(slack(one, ask).statusCode()).isEqualTo(200);
    String id = onlyThread(one, "waiting_for_human").path("id").asString();

    assertThat(slack(two, ask).statusCode()).as("Slack's retry, at the other server").isEqualTo(200);
    assertThat(slack(two, slackEvent("Ev2", "1764000000.000100", "1764000001.000200", "staging"))
        .statusCode()).isEqualTo(200);

    JsonNode done = onlyThread(two, "done");
    assertThat(done.path("id").asString()).isEqualTo(id);
    assertThat(targets.log()).containsExactly("deployed backend v1.4.2 to staging");
  }

  // ---------------------------------------------------------------- no thread stuck

  @Test
  void aRunWhoseModelFailedIsLoggedAndMovedOnWithContinue() throws Exception {
    java.util.concurrent.atomic.AtomicReference<LlmClient> model = new java.util.concurrent.atomic.AtomicReference<>(
        ScriptedLlmClient.replying(DeployBotTools.CODEC));
    List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(AgentServer.class.getName());
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        logged.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(capture);
    closing.add(() -> log.removeHandler(capture));
    AgentServer server = server("file", Duration.ZERO,
        thread -> PromptRunner.using(request -> model.get().complete(request)), Duration.ofMinutes(10));

    HttpResponse<String> launched = send(server, "POST", "/threads",
        "{\"agent\": \"deploybot\", \"message\": \"what is deployed?\"}");
    assertError(launched, 502, "model_unavailable");
    assertThat(logged).anyMatch(line -> line.contains("model call failed"));
    HttpResponse<String> running = send(server, "GET", "/threads?status=running", null);
    assertThat(json(running).path("threads")).hasSize(1);
    String id = json(running).path("threads").get(0).path("id").asString();

    model.set(ScriptedLlmClient.replying(DeployBotTools.CODEC,
        new dev.toolcase.example.deploy.DoneForNow("nothing is deployed yet")));
    HttpResponse<String> continued = send(server, "POST", "/threads/" + id + "/responses",
        "{\"type\": \"continue\"}");
    assertThat(continued.statusCode()).as(continued.body()).isEqualTo(200);
    assertThat(json(continued).path("status").asString()).isEqualTo("done");
    assertError(send(server, "POST", "/threads/" + id + "/responses", "{\"type\": \"continue\"}"),
        409, "not_running");
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", "postgres"})
  void aToolWhoseRunStoppedWaitsForAHumanAndRunsOnceMore(String kind) throws Exception {
    AgentServer server = server(kind, Duration.ZERO, Models.runners(Optional.empty(), "deploybot"),
        Duration.ofMinutes(10));
    String id = launchDeploy(server);
    // A process that claimed the approved deploy and died before storing its result.
    ThreadStore store = (ThreadStore) closing.stream().filter(c -> c instanceof ThreadStore)
        .findFirst().orElseThrow();
    StoredThread paused = store.load(id).orElseThrow();
    Agent<DeployBotNextStep> agent = slowDeployBot(Models.runners(Optional.empty(), "deploybot"),
        Duration.ZERO);
    AgentThread approved = agent.decide(paused.thread(), "call_4", true, "go");
    AgentThread claimed = agent.claim(approved, "dead-run", Instant.now().minusSeconds(1));
    store.append(id, paused.version(), claimed.events().subList(paused.version() > 0
        ? (int) paused.version() : 0, claimed.events().size()), Status.RUNNING, null);

    JsonNode state = json(send(server, "GET", "/threads/" + id, null));
    assertThat(state.path("status").asString()).isEqualTo("waiting_for_approval");
    assertThat(state.path("pending").path("question").asString())
        .contains("was started at").contains("no result was stored");
    assertThat(deploys).hasValue(0);

    HttpResponse<String> again = send(server, "POST", "/threads/" + id + "/responses",
        approval("call_4", null));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(json(again).path("status").asString()).isEqualTo("done");
    assertThat(deploys).hasValue(1);
    assertThat(json(again).path("events")).extracting(e -> e.path("type").asString())
        .filteredOn(type -> type.equals(EventTypes.STARTED)).hasSize(3);
    List<Event> events = store.load(id).orElseThrow().thread().events();
    assertThat(events).extracting(Event::type).containsOnlyOnce("deploy_backend_result");
  }
}
