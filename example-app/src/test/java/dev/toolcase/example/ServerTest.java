package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.Status;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.json.Json;
import dev.toolcase.prompt.PromptRunner;
import dev.toolcase.server.AgentServer;
import dev.toolcase.server.Notifier;
import dev.toolcase.server.Signatures;
import dev.toolcase.store.FileThreadStore;
import dev.toolcase.store.StoreException;
import dev.toolcase.store.StoredThread;
import dev.toolcase.store.ThreadStore;
import dev.toolcase.store.ThreadSummary;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The HTTP API with a real client against a started server on the file store. */
class ServerTest {

  private static final String TOKEN = "test-token-0123456789";
  private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String WEBHOOK_SECRET = "whsec-test";

  @TempDir Path data;

  private final HttpClient http = HttpClient.newHttpClient();
  private final DeployTargets targets = DeployTargets.example();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private AgentServer server;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : closing.reversed()) {
      closeable.close();
    }
    http.close();
  }

  /** A server on a fresh file store; {@code store} wraps the store, for injected failures. */
  private AgentServer start(java.util.function.UnaryOperator<ThreadStore> store,
      java.util.function.UnaryOperator<AgentServer.Builder> more) throws Exception {
    Clock clock = Clock.systemUTC();
    AgentServer.Builder builder = AgentServer.builder()
        .agent("calculator", Agents.calculator(Models.runners(Optional.empty(), "calculator"), clock))
        .agent("deploybot", Agents.deployBot(Models.runners(Optional.empty(), "deploybot"),
            targets, clock))
        .port(0)
        .token(TOKEN)
        .maxBodyBytes(4096)
        .slack(SLACK_SECRET, "deploybot")
        .webhook("calculator", WEBHOOK_SECRET);
    builder.store(store.apply(new FileThreadStore(data, builder.eventFormats())));
    server = more.apply(builder).start();
    closing.add(server);
    return server;
  }

  private AgentServer start() throws Exception {
    return start(s -> s, b -> b);
  }

  private HttpResponse<String> send(String method, String path, String body, String contentType,
      String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return send("POST", path, json, "application/json", TOKEN);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null, null, TOKEN);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.readTree(response.body());
  }

  private JsonNode launchDeploy() throws Exception {
    HttpResponse<String> launched = post("/threads",
        "{\"agent\": \"deploybot\", \"message\": \"" + OfflineModel.DEPLOY_MESSAGE + "\"}");
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
    return json(launched);
  }

  private static void assertError(HttpResponse<String> response, int status, String code,
      String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = Json.readTree(response.body()).path("error");
    assertThat(error.path("code").asString()).isEqualTo(code);
    assertThat(error.path("message").asString()).contains(message);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
  }

  @Test
  void deploymentIsLaunchedPausedApprovedAndFinished() throws Exception {
    start();

    JsonNode paused = launchDeploy();

    assertThat(paused.path("status").asString()).isEqualTo("waiting_for_approval");
    assertThat(paused.path("agent").asString()).isEqualTo("deploybot");
    assertThat(paused.path("pending").path("call_id").asString()).isEqualTo("call_4");
    assertThat(Json.write(paused.path("pending").path("arguments")))
        .isEqualTo("{\"tag\":\"v1.4.2\",\"environment\":\"production\"}");
    assertThat(paused.path("events")).extracting(e -> e.path("type").asString())
        .containsExactly("user_input", "list_git_tags", "started", "list_git_tags_result",
            "deploy_backend");
    assertThat(targets.log()).isEmpty();
    String id = paused.path("id").asString();
    assertThat(json(get("/threads/" + id))).isEqualTo(paused);

    HttpResponse<String> approved = post("/threads/" + id + "/responses",
        "{\"type\": \"approval\", \"call_id\": \"call_4\", \"approved\": true, \"comment\": \"go\"}");

    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    JsonNode done = json(approved);
    assertThat(done.path("status").asString()).isEqualTo("done");
    assertThat(done.path("pending").isNull()).isTrue();
    assertThat(done.path("events")).extracting(e -> e.path("type").asString()).containsSubsequence(
        "deploy_backend", "approval", "started", "deploy_backend_result", "done_for_now");
    assertThat(targets.log()).containsExactly("deployed backend v1.4.2 to production");
    assertThat(json(get("/threads?status=done")).path("threads"))
        .extracting(t -> t.path("id").asString()).containsExactly(id);
    assertThat(json(get("/threads?status=waiting_for_approval")).path("threads")).isEmpty();
  }

  @Test
  void aRejectionGoesBackToTheModelAndNothingIsDeployed() throws Exception {
    start();
    String id = launchDeploy().path("id").asString();

    JsonNode asked = json(post("/threads/" + id + "/responses",
        "{\"type\": \"approval\", \"call_id\": \"call_4\", \"approved\": false,"
            + " \"comment\": \"not on a friday\"}"));

    assertThat(asked.path("status").asString()).isEqualTo("waiting_for_human");
    assertThat(asked.path("events").get(5).path("data").path("comment").asString())
        .isEqualTo("not on a friday");
    assertThat(asked.path("events").get(6).path("type").asString())
        .isEqualTo("request_more_information");
    assertThat(targets.log()).isEmpty();
  }

  @Test
  void everyErrorHasItsStatusAndAJsonBody() throws Exception {
    start();
    String id = launchDeploy().path("id").asString();
    String responses = "/threads/" + id + "/responses";

    assertError(send("GET", "/threads/" + id, null, null, null), 401, "unauthorized", "bearer");
    assertThat(send("GET", "/threads/" + id, null, null, null).headers()
        .firstValue("WWW-Authenticate")).contains("Bearer");
    assertError(send("GET", "/threads/" + id, null, null, "wrong"), 401, "unauthorized",
        "bearer token");
    assertError(post("/threads", "{\"agent\": \"deploybot\", "), 400, "malformed_json",
        "the body is not JSON");
    assertError(post("/threads", "[1]"), 400, "malformed_json", "must be a JSON object");
    assertError(post("/threads", "{\"agent\": \"deploybot\"}"), 400, "bad_request",
        "\"message\" is missing");
    assertError(post("/threads", "{\"agent\": \"deploybot\", \"message\": 3}"), 400,
        "bad_request", "\"message\" must be non-empty text");
    assertError(post("/threads", "{\"agent\": \"nobody\", \"message\": \"hi\"}"), 400,
        "unknown_agent", "this server runs [calculator, deploybot]");
    assertError(post(responses, "{\"type\": \"response\", \"response\": \"yes\"}"), 400,
        "wrong_answer", "waits for approval of call_4: send {\"type\": \"approval\"");
    assertError(post(responses, "{\"type\": \"approval\", \"call_id\": \"call_4\"}"), 400,
        "bad_request", "\"approved\" must be true or false");
    assertError(post(responses, "{\"type\": \"approval\", \"call_id\": \"call_1\","
        + " \"approved\": true}"), 409, "wrong_call",
        "the approval names call_1, but thread " + id + " waits for approval of call_4");
    assertError(get("/threads/th_aaaaaaaaaaaaaaaaaaaaaaaaaa"), 404, "not_found",
        "no thread th_aaaaaaaaaaaaaaaaaaaaaaaaaa");
    assertError(post("/threads/th_aaaaaaaaaaaaaaaaaaaaaaaaaa/responses",
        "{\"type\": \"response\", \"response\": \"x\"}"), 404, "not_found", "no thread");
    assertError(get("/nowhere"), 404, "not_found", "no such endpoint: GET /nowhere");
    assertError(send("DELETE", "/threads/" + id, null, null, TOKEN), 405, "method_not_allowed",
        "DELETE is not allowed here; use GET");
    assertError(send("POST", "/threads", "{\"agent\": \"deploybot\", \"message\": \"x\"}",
        "text/plain", TOKEN), 415, "unsupported_media_type", "not text/plain");
    assertError(post("/threads", "{\"agent\": \"deploybot\", \"message\": \""
        + "x".repeat(5000) + "\"}"), 413, "body_too_large", "over 4096 bytes");
    assertError(get("/threads?status=sleeping"), 400, "bad_request",
        "status must be one of [running, waiting_for_human");
    assertError(get("/threads?limit=0"), 400, "bad_request", "limit must be a number");

    post(responses, "{\"type\": \"approval\", \"call_id\": \"call_4\", \"approved\": true}");
    assertError(post(responses, "{\"type\": \"approval\", \"call_id\": \"call_4\","
        + " \"approved\": true}"), 409, "not_waiting", "is done and waits for no answer");
    assertThat(targets.log()).hasSize(1);
  }

  @Test
  void aRepeatedIdempotencyKeyReturnsTheStateAndRunsNothingTwice() throws Exception {
    start();
    String id = launchDeploy().path("id").asString();
    String approve = "{\"type\": \"approval\", \"call_id\": \"call_4\", \"approved\": true,"
        + " \"idempotency_key\": \"approve-1\"}";

    HttpResponse<String> first = post("/threads/" + id + "/responses", approve);
    HttpResponse<String> again = post("/threads/" + id + "/responses", approve);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(targets.log()).containsExactly("deployed backend v1.4.2 to production");
  }

  @Test
  void ofFiftyConcurrentResumesOneWinsAndTheToolRunsOnce() throws Exception {
    start();
    String id = launchDeploy().path("id").asString();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        statuses.add(clients.submit(() -> {
          go.await();
          return post("/threads/" + id + "/responses", "{\"type\": \"approval\","
              + " \"call_id\": \"call_4\", \"approved\": true}").statusCode();
        }));
      }
      go.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        codes.add(status.get(60, TimeUnit.SECONDS));
      }
      assertThat(codes).filteredOn(code -> code == 200).hasSize(1);
      assertThat(codes).filteredOn(code -> code == 409).hasSize(49);
    }
    assertThat(targets.log()).containsExactly("deployed backend v1.4.2 to production");
    assertThat(json(get("/threads/" + id)).path("status").asString()).isEqualTo("done");
  }

  @Test
  void aStoreWriteThatSucceededButFailedForTheCallerIsNotRepeatedOnRetry() throws Exception {
    AtomicBoolean failNextAppend = new AtomicBoolean();
    start(store -> new FailingAfterWrite(store, failNextAppend), b -> b);
    String id = launchDeploy().path("id").asString();
    String approve = "{\"type\": \"approval\", \"call_id\": \"call_4\", \"approved\": true,"
        + " \"idempotency_key\": \"approve-7\"}";

    failNextAppend.set(true);
    HttpResponse<String> failed = post("/threads/" + id + "/responses", approve);
    assertError(failed, 500, "internal", "internal error");

    assertThat(targets.log()).as("the failed request stopped before running the tool").isEmpty();

    HttpResponse<String> retried = post("/threads/" + id + "/responses", approve);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(json(retried).path("status").asString()).isEqualTo("done");
    assertThat(json(retried).path("events")).extracting(e -> e.path("type").asString())
        .containsOnlyOnce("approval").containsOnlyOnce("deploy_backend_result");
    assertThat(targets.log()).containsExactly("deployed backend v1.4.2 to production");

    HttpResponse<String> third = post("/threads/" + id + "/responses", approve);
    assertThat(third.body()).isEqualTo(retried.body());
    assertThat(targets.log()).hasSize(1);
  }

  @Test
  void slackRequestsAreCheckedVerifiedAndDeduplicated() throws Exception {
    start();
    long now = Instant.now().getEpochSecond();
    String challenge = "{\"token\": \"x\", \"challenge\": \"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
        + " \"type\": \"url_verification\"}";
    HttpResponse<String> verified = slack(challenge, now, SLACK_SECRET);
    assertThat(verified.statusCode()).isEqualTo(200);
    assertThat(json(verified).path("challenge").asString())
        .isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");

    assertError(slack(challenge, now, "wrong-secret"), 401, "bad_signature", "X-Slack-Signature");
    assertError(slack(challenge, now - 301, SLACK_SECRET), 401, "bad_signature",
        "older than five minutes");

    String mention = "{\"type\": \"event_callback\", \"event_id\": \"Ev0001\", \"event\": {"
        + "\"type\": \"app_mention\", \"channel\": \"C1\", \"ts\": \"1764000000.000100\","
        + " \"text\": \"" + OfflineModel.DEPLOY_MESSAGE + "\"}}";
    assertThat(slack(mention, now, SLACK_SECRET).statusCode()).isEqualTo(200);
    assertThat(slack(mention, now, SLACK_SECRET).statusCode()).isEqualTo(200);

    List<ThreadSummary> threads = waitForThreads(1);
    Thread.sleep(300);
    assertThat(json(get("/threads")).path("threads")).hasSize(1);
    assertThat(threads.getFirst().agent()).isEqualTo("deploybot");
  }

  private List<ThreadSummary> waitForThreads(int count) throws Exception {
    for (int i = 0; i < 100; i++) {
      JsonNode threads = json(get("/threads?status=waiting_for_approval")).path("threads");
      if (threads.size() >= count) {
        List<ThreadSummary> summaries = new ArrayList<>();
        for (JsonNode thread : threads) {
          summaries.add(new ThreadSummary(thread.path("id").asString(),
              thread.path("agent").asString(), thread.path("version").asLong(),
              Status.WAITING_FOR_APPROVAL));
        }
        return summaries;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no thread was launched");
  }

  private HttpResponse<String> slack(String body, long timestamp, String secret) throws Exception {
    String ts = Long.toString(timestamp);
    return http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/webhooks/slack"))
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", Signatures.slackSign(secret, ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedWebhookLaunchesAThreadOnce() throws Exception {
    start();
    String body = "{\"message\": \"" + OfflineModel.CALCULATOR_MESSAGE + "\"}";
    String ts = Long.toString(Instant.now().getEpochSecond());

    HttpResponse<String> launched = webhook("msg_1", ts, body, WEBHOOK_SECRET);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
    assertThat(json(launched).path("status").asString()).isEqualTo("done");
    assertThat(json(launched).path("events")).filteredOn(e -> e.path("type").asString().equals("add_result"))
        .singleElement().satisfies(e -> assertThat(e.path("data").asDouble()).isEqualTo(18.0));

    assertThat(webhook("msg_1", ts, body, WEBHOOK_SECRET).statusCode()).isEqualTo(200);
    assertError(webhook("msg_2", ts, body, "wrong"), 401, "bad_signature", "webhook-signature");
    assertError(webhook("msg_3", Long.toString(Instant.now().getEpochSecond() - 400), body,
        WEBHOOK_SECRET), 401, "bad_signature", "older than five minutes");
    assertError(send("POST", "/webhooks/deploybot", body, "application/json", null), 404,
        "not_found", "no webhook for agent \"deploybot\"");
    assertThat(json(get("/threads")).path("threads")).hasSize(1);
  }

  private HttpResponse<String> webhook(String id, String ts, String body, String secret)
      throws Exception {
    return http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/webhooks/calculator"))
        .header("Content-Type", "application/json")
        .header("webhook-id", id)
        .header("webhook-timestamp", ts)
        .header("webhook-signature", Signatures.webhookSign(secret, id, ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPauseIsNotifiedSignedAndRetriedAfterAFailure() throws Exception {
    BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      boolean signed = Signatures.webhookValid("notify-secret",
          exchange.getRequestHeaders().getFirst("webhook-id"),
          exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
          exchange.getRequestHeaders().getFirst("webhook-signature"), Instant.now());
      int status = calls.incrementAndGet() == 1 ? 500 : signed ? 204 : 401;
      if (status == 204) {
        delivered.add(body);
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    closing.add(() -> receiver.stop(0));
    Notifier notifier = new Notifier(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
        + "/hook"), "notify-secret", 3, Duration.ofMillis(20), Clock.systemUTC());
    start(s -> s, b -> b.notifier(notifier));

    String id = launchDeploy().path("id").asString();

    String body = delivered.poll(10, TimeUnit.SECONDS);
    assertThat(body).isNotNull();
    JsonNode notification = Json.readTree(body);
    assertThat(notification.path("thread_id").asString()).isEqualTo(id);
    assertThat(notification.path("status").asString()).isEqualTo("waiting_for_approval");
    assertThat(notification.path("pending").path("call_id").asString()).isEqualTo("call_4");
    assertThat(notification.path("question").asString()).startsWith("Approve deploy_backend");
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void theServerRefusesToStartWithoutAToken() {
    AgentServer.Builder builder = AgentServer.builder().token(null).port(0);
    builder.store(new FileThreadStore(data, builder.eventFormats()));
    assertThatThrownBy(builder::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set TOOLCASE_API_TOKEN");
  }

  @Test
  void aThreadPersistedByOneServerIsResumedByAnother() throws Exception {
    start();
    String id = launchDeploy().path("id").asString();
    server.close();

    start();
    JsonNode done = json(post("/threads/" + id + "/responses",
        "{\"type\": \"approval\", \"call_id\": \"call_4\", \"approved\": true}"));

    assertThat(done.path("status").asString()).isEqualTo("done");
  }

  /** A store whose next append, when asked, succeeds and then fails for the caller. */
  private record FailingAfterWrite(ThreadStore store, AtomicBoolean failNextAppend)
      implements ThreadStore {

    @Override
    public StoredThread create(String agent, AgentThread thread, Status status) {
      return store.create(agent, thread, status);
    }

    @Override
    public Optional<StoredThread> load(String id) {
      return store.load(id);
    }

    @Override
    public StoredThread append(String id, long expectedVersion, List<Event> events, Status status,
        String idempotencyKey) {
      StoredThread written = store.append(id, expectedVersion, events, status, idempotencyKey);
      if (failNextAppend.getAndSet(false)) {
        throw new StoreException("connection reset after the write", null);
      }
      return written;
    }

    @Override
    public Optional<Long> versionFor(String id, String idempotencyKey) {
      return store.versionFor(id, idempotencyKey);
    }

    @Override
    public List<ThreadSummary> list(Status status, int limit) {
      return store.list(status, limit);
    }

    @Override
    public boolean firstTime(String key, java.time.Duration ttl) {
      return store.firstTime(key, ttl);
    }

    @Override
    public void remember(String key, String value, java.time.Duration ttl) {
      store.remember(key, value, ttl);
    }

    @Override
    public Optional<String> recall(String key) {
      return store.recall(key);
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
