package dev.toolcase.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.toolcase.Agent;
import dev.toolcase.AgentLoop;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.ParseException;
import dev.toolcase.PendingCall;
import dev.toolcase.Status;
import dev.toolcase.ThreadJson;
import dev.toolcase.json.Json;
import dev.toolcase.llm.LlmException;
import dev.toolcase.store.ConflictException;
import dev.toolcase.store.EventFormat;
import dev.toolcase.store.StoredThread;
import dev.toolcase.store.ThreadStore;
import dev.toolcase.store.ThreadSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Launches, pauses and resumes agents over HTTP (factors 6 and 11), on the JDK's HTTP server with
 * a virtual thread per request. The {@link ThreadStore} holds every thread, so the server keeps no
 * state of its own: any number of them can serve one store behind a load balancer.
 *
 * <pre>
 * POST /threads                     {"agent", "message"}           201 + state
 * GET  /threads/{id}                                               200 + state
 * GET  /threads?status=...&amp;limit=...                              200 + {"threads": [...]}
 * POST /threads/{id}/responses      {"type": "response", "response"}
 *                                   {"type": "approval", "call_id", "approved", "comment"}
 *                                   either with "idempotency_key"  200 + state
 * POST /webhooks/slack              Slack Events API, signed with the signing secret
 * POST /webhooks/{agent}            Standard Webhooks, {"message"}  201 + state
 * </pre>
 *
 * <p>A state is {@code {"id", "agent", "status", "events", "pending"}}; an error is
 * {@code {"error": {"code", "message"}}}. Every {@code /threads} request needs
 * {@code Authorization: Bearer <token>}; webhooks are authenticated by their signatures instead.
 *
 * <p>Each event is stored as it happens, with compare-and-set on the thread's version: of two
 * requests resuming the same thread, one wins and the other gets {@code 409} before anything runs.
 */
public final class AgentServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(AgentServer.class.getName());

  private final Map<String, Registration<?>> agents;
  private final ThreadStore store;
  private final String token;
  private final int maxBodyBytes;
  private final Clock clock;
  private final Notifier notifier;
  private final String slackSecret;
  private final String slackAgent;
  private final Map<String, String> webhookSecrets;
  private final RecentIds seenEvents = new RecentIds(10_000);
  private final Map<String, String> slackThreads = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > 10_000;
        }
      });
  private final HttpServer http;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private AgentServer(Builder builder) throws IOException {
    this.agents = Map.copyOf(builder.agents);
    this.store = Objects.requireNonNull(builder.store, "store");
    this.token = builder.token;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.clock = builder.clock;
    this.notifier = builder.notifier;
    this.slackSecret = builder.slackSecret;
    this.slackAgent = builder.slackAgent;
    this.webhookSecrets = Map.copyOf(builder.webhookSecrets);
    this.http = HttpServer.create(new InetSocketAddress(builder.address, builder.port), 0);
    http.setExecutor(executor);
    http.createContext("/", this::handle);
  }

  /**
   * A builder; register agents, a store and a token, then {@link Builder#start()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The port the server listens on (useful after binding port 0).
   *
   * @return the bound port
   */
  public int port() {
    return http.getAddress().getPort();
  }

  /** Stops accepting requests, waits a second for those under way, and stops. */
  @Override
  public void close() {
    http.stop(1);
    executor.shutdownNow();
    if (notifier != null) {
      notifier.close();
    }
  }

  // ---------------------------------------------------------------- routing

  private void handle(HttpExchange exchange) {
    try (exchange) {
      try {
        route(exchange);
      } catch (HttpError e) {
        sendError(exchange, e);
      } catch (ConflictException e) {
        sendError(exchange, new HttpError(409, "conflict", e.getMessage()));
      } catch (LlmException e) {
        sendError(exchange, new HttpError(502, "model_unavailable", e.getMessage()));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "request " + exchange.getRequestMethod() + " "
            + exchange.getRequestURI().getPath() + " failed", e);
        sendError(exchange, new HttpError(500, "internal",
            "internal error; the server log has the details"));
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not answer a request: " + e);
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    List<String> parts = segments(path);
    if (parts.size() == 2 && parts.get(0).equals("webhooks")) {
      requireMethod(method, "POST");
      if (parts.get(1).equals("slack")) {
        slack(exchange);
      } else {
        webhook(exchange, parts.get(1));
      }
      return;
    }
    if (parts.isEmpty() || !parts.get(0).equals("threads") || parts.size() > 3
        || (parts.size() == 3 && !parts.get(2).equals("responses"))) {
      throw new HttpError(404, "not_found", "no such endpoint: " + method + " " + path);
    }
    authenticate(exchange);
    if (parts.size() == 1) {
      if (method.equals("GET")) {
        list(exchange);
      } else {
        requireMethod(method, "POST");
        launch(exchange);
      }
    } else if (parts.size() == 2) {
      requireMethod(method, "GET");
      StoredThread thread = load(parts.get(1));
      send(exchange, 200, state(thread));
    } else {
      requireMethod(method, "POST");
      respond(exchange, parts.get(1));
    }
  }

  private static List<String> segments(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new HttpError(405, "method_not_allowed", method + " is not allowed here; use "
          + allowed);
    }
  }

  private void authenticate(HttpExchange exchange) {
    if (token == null) {
      return;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim()
        : null;
    if (given == null || !Signatures.constantTimeEquals(token, given)) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      throw new HttpError(401, "unauthorized", "missing or wrong bearer token");
    }
  }

  // ---------------------------------------------------------------- endpoints

  private void launch(HttpExchange exchange) throws IOException {
    JsonNode body = jsonBody(exchange);
    String agentName = requiredText(body, "agent");
    String message = requiredText(body, "message");
    Registration<?> registration = agents.get(agentName);
    if (registration == null) {
      throw new HttpError(400, "unknown_agent", "no agent \"" + agentName + "\"; this server runs "
          + agents.keySet().stream().sorted().toList());
    }
    send(exchange, 201, state(launch(registration, message)));
  }

  private <S> StoredThread launch(Registration<S> registration, String message) {
    AgentThread thread = registration.agent().userInput(AgentThread.empty(), message);
    StoredThread stored = store.create(registration.name(), thread,
        registration.agent().status(thread));
    return run(registration, stored);
  }

  private void list(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI());
    Status status = null;
    if (query.containsKey("status")) {
      status = statusNamed(query.get("status"));
    }
    int limit = 100;
    if (query.containsKey("limit")) {
      try {
        limit = Integer.parseInt(query.get("limit"));
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 1000) {
        throw new HttpError(400, "bad_request", "limit must be a number from 1 to 1000, got \""
            + query.get("limit") + "\"");
      }
    }
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode threads = body.putArray("threads");
    for (ThreadSummary summary : store.list(status, limit)) {
      threads.addObject()
          .put("id", summary.id())
          .put("agent", summary.agent())
          .put("status", summary.status().wireName())
          .put("version", summary.version());
    }
    send(exchange, 200, body);
  }

  private static Status statusNamed(String name) {
    for (Status status : Status.values()) {
      if (status.wireName().equals(name)) {
        return status;
      }
    }
    List<String> names = new ArrayList<>();
    for (Status status : Status.values()) {
      names.add(status.wireName());
    }
    throw new HttpError(400, "bad_request", "status must be one of " + names + ", got \"" + name
        + "\"");
  }

  private void respond(HttpExchange exchange, String id) throws IOException {
    JsonNode body = jsonBody(exchange);
    StoredThread stored = load(id);
    Registration<?> registration = registrationOf(stored);
    String key = optionalText(body, "idempotency_key");
    if (key != null && store.versionFor(id, key).isPresent()) {
      send(exchange, 200, state(continueRun(registration, load(id))));
      return;
    }
    send(exchange, 200, state(resume(registration, stored, body, key)));
  }

  private <S> StoredThread resume(
      Registration<S> registration, StoredThread stored, JsonNode body, String key) {
    Agent<S> agent = registration.agent();
    AgentThread thread = stored.thread();
    Status status = agent.status(thread);
    String type = requiredText(body, "type");
    AgentThread answered;
    switch (status) {
      case WAITING_FOR_HUMAN -> {
        if (!type.equals("response")) {
          throw new HttpError(400, "wrong_answer", "thread " + stored.id() + " waits for a"
              + " human's answer: send {\"type\": \"response\", \"response\": \"...\"}");
        }
        answered = agent.respond(thread, requiredText(body, "response"));
      }
      case WAITING_FOR_APPROVAL -> {
        PendingCall pending = agent.pending(thread).orElseThrow();
        if (!type.equals("approval")) {
          throw new HttpError(400, "wrong_answer", "thread " + stored.id() + " waits for approval"
              + " of " + pending.callId() + ": send {\"type\": \"approval\", \"call_id\": \""
              + pending.callId() + "\", \"approved\": true|false, \"comment\": \"...\"}");
        }
        String callId = requiredText(body, "call_id");
        JsonNode approved = body.get("approved");
        if (approved == null || !approved.isBoolean()) {
          throw new HttpError(400, "bad_request", "\"approved\" must be true or false");
        }
        if (!callId.equals(pending.callId())) {
          throw new HttpError(409, "wrong_call", "the approval names " + callId + ", but thread "
              + stored.id() + " waits for approval of " + pending.callId());
        }
        String comment = Optional.ofNullable(optionalText(body, "comment")).orElse("");
        answered = agent.decide(thread, callId, approved.booleanValue(), comment);
      }
      default -> throw new HttpError(409, "not_waiting", "thread " + stored.id() + " is "
          + status.wireName() + " and waits for no answer");
    }
    List<Event> added = answered.events().subList(thread.events().size(),
        answered.events().size());
    StoredThread next = store.append(stored.id(), stored.version(), added,
        agent.status(answered), key);
    return run(registration, next);
  }

  /**
   * A thread whose answer was stored but whose run stopped early (the store failed for the
   * caller after writing, the model was down, the process died) is still running: the retry of
   * the same request runs it on. One retry claims the run with an idempotency key on the version,
   * so of retries racing, one runs and the rest return the state.
   */
  private <S> StoredThread continueRun(Registration<S> registration, StoredThread stored) {
    if (registration.agent().status(stored.thread()) != Status.RUNNING) {
      return stored;
    }
    StoredThread claimed;
    try {
      claimed = store.append(stored.id(), stored.version(), List.of(), Status.RUNNING,
          "run@" + stored.version());
    } catch (ConflictException e) {
      return load(stored.id());
    }
    return run(registration, claimed);
  }

  /** Runs the loop from {@code stored}, storing each event as it happens. */
  private <S> StoredThread run(Registration<S> registration, StoredThread stored) {
    Agent<S> agent = registration.agent();
    StoredThread[] current = {stored};
    registration.loop().run(stored.thread(), event -> {
      AgentThread grown = current[0].thread().append(event);
      current[0] = store.append(current[0].id(), current[0].version(), List.of(event),
          agent.status(grown), null);
    });
    StoredThread done = current[0];
    if (notifier != null && (done.status() == Status.WAITING_FOR_HUMAN
        || done.status() == Status.WAITING_FOR_APPROVAL)) {
      notifier.notify(Json.write(notification(done)));
    }
    return done;
  }

  private ObjectNode notification(StoredThread thread) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("thread_id", thread.id());
    body.put("agent", thread.agent());
    body.put("status", thread.status().wireName());
    ObjectNode state = state(thread);
    body.set("pending", state.get("pending"));
    Registration<?> registration = agents.get(thread.agent());
    body.put("question", registration == null ? null
        : registration.agent().question(thread.thread()).orElse(null));
    return body;
  }

  // ---------------------------------------------------------------- webhooks

  private void slack(HttpExchange exchange) throws IOException {
    if (slackSecret == null) {
      throw new HttpError(404, "not_found", "the Slack endpoint is not configured");
    }
    String raw = rawBody(exchange);
    String timestamp = exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-Slack-Signature");
    if (!Signatures.slackValid(slackSecret, timestamp, raw, signature, clock.instant())) {
      throw new HttpError(401, "bad_signature",
          "X-Slack-Signature is missing, wrong, or older than five minutes");
    }
    JsonNode body = parse(raw);
    String type = body.path("type").asString("");
    if (type.equals("url_verification")) {
      ObjectNode challenge = Json.mapper().createObjectNode();
      challenge.put("challenge", body.path("challenge").asString(""));
      send(exchange, 200, challenge);
      return;
    }
    String eventId = body.path("event_id").asString("");
    JsonNode event = body.path("event");
    boolean fromHuman = event.path("bot_id").isMissingNode() && event.path("subtype").isMissingNode();
    String text = event.path("text").asString("");
    if (!type.equals("event_callback") || eventId.isEmpty() || !fromHuman || text.isBlank()
        || !seenEvents.add("slack:" + eventId)) {
      send(exchange, 200, Json.mapper().createObjectNode().put("ok", true));
      return;
    }
    String slackThread = event.path("channel").asString("") + ":"
        + event.path("thread_ts").asString(event.path("ts").asString(""));
    // Slack wants an answer within three seconds: the agent runs after it.
    send(exchange, 200, Json.mapper().createObjectNode().put("ok", true));
    executor.execute(() -> slackEvent(slackThread, text));
  }

  private void slackEvent(String slackThread, String text) {
    try {
      String known = slackThreads.get(slackThread);
      Optional<StoredThread> waiting = known == null ? Optional.empty()
          : store.load(known).filter(t -> t.status() == Status.WAITING_FOR_HUMAN);
      if (waiting.isPresent()) {
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("type", "response").put("response", text);
        resume(registrationOf(waiting.get()), waiting.get(), answer, null);
        return;
      }
      Registration<?> registration = agents.get(slackAgent);
      if (registration == null) {
        LOG.log(System.Logger.Level.WARNING, "Slack event for unknown agent " + slackAgent);
        return;
      }
      slackThreads.put(slackThread, launch(registration, text).id());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Slack event failed", e);
    }
  }

  private void webhook(HttpExchange exchange, String agentName) throws IOException {
    String secret = webhookSecrets.get(agentName);
    Registration<?> registration = agents.get(agentName);
    if (secret == null || registration == null) {
      throw new HttpError(404, "not_found", "no webhook for agent \"" + agentName + "\"");
    }
    String raw = rawBody(exchange);
    String id = exchange.getRequestHeaders().getFirst("webhook-id");
    if (!Signatures.webhookValid(secret, id, exchange.getRequestHeaders().getFirst(
        "webhook-timestamp"), raw, exchange.getRequestHeaders().getFirst("webhook-signature"),
        clock.instant())) {
      throw new HttpError(401, "bad_signature",
          "webhook-signature is missing, wrong, or older than five minutes");
    }
    String message = requiredText(parse(raw), "message");
    if (!seenEvents.add("webhook:" + agentName + ":" + id)) {
      send(exchange, 200, Json.mapper().createObjectNode().put("duplicate", id));
      return;
    }
    send(exchange, 201, state(launch(registration, message)));
  }

  // ---------------------------------------------------------------- state

  private StoredThread load(String id) {
    return store.load(id).orElseThrow(() -> new HttpError(404, "not_found", "no thread " + id));
  }

  private Registration<?> registrationOf(StoredThread thread) {
    Registration<?> registration = agents.get(thread.agent());
    if (registration == null) {
      throw new HttpError(409, "unknown_agent", "thread " + thread.id() + " belongs to agent \""
          + thread.agent() + "\", which this server does not run");
    }
    return registration;
  }

  /** The state of a thread as DESIGN.md gives it. */
  private ObjectNode state(StoredThread stored) {
    ObjectNode state = Json.mapper().createObjectNode();
    state.put("id", stored.id());
    state.put("agent", stored.agent());
    state.put("status", stored.status().wireName());
    Registration<?> registration = agents.get(stored.agent());
    ArrayNode events = state.putArray("events");
    if (registration != null) {
      for (Event event : stored.thread().events()) {
        events.add(Json.readTree(registration.format().write(event)));
      }
      state.set("pending", pending(registration, stored.thread()));
    } else {
      state.putNull("pending");
    }
    return state;
  }

  private static <S> JsonNode pending(Registration<S> registration, AgentThread thread) {
    Optional<PendingCall> pending = registration.agent().pending(thread);
    if (pending.isEmpty()) {
      return Json.mapper().nullNode();
    }
    PendingCall call = pending.get();
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("call_id", call.callId());
    node.put("intent", call.intent());
    S step = registration.agent().codec().stepType().cast(call.step());
    node.set("arguments", Json.readTree(registration.agent().codec().argumentsJson(step)));
    node.put("question", call.question());
    return node;
  }

  // ---------------------------------------------------------------- request and response

  private JsonNode jsonBody(HttpExchange exchange) throws IOException {
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    String mediaType = contentType == null ? ""
        : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new HttpError(415, "unsupported_media_type", "send the body as application/json, not "
          + (contentType == null ? "without a Content-Type" : contentType));
    }
    return parse(rawBody(exchange));
  }

  private static JsonNode parse(String raw) {
    JsonNode node;
    try {
      node = Json.readTree(raw);
    } catch (ParseException e) {
      throw new HttpError(400, "malformed_json", "the body is not JSON: " + e.getMessage());
    }
    if (!node.isObject()) {
      throw new HttpError(400, "malformed_json", "the body must be a JSON object");
    }
    return node;
  }

  private String rawBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxBodyBytes) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw new HttpError(400, "bad_request", "Content-Length is not a number");
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        throw tooLarge();
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private HttpError tooLarge() {
    return new HttpError(413, "body_too_large", "the body is over " + maxBodyBytes + " bytes");
  }

  private static String requiredText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw new HttpError(400, "bad_request", "\"" + field + "\" is missing");
    }
    if (!value.isString() || value.stringValue().isBlank()) {
      throw new HttpError(400, "bad_request", "\"" + field + "\" must be non-empty text");
    }
    return value.stringValue();
  }

  private static String optionalText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new HttpError(400, "bad_request", "\"" + field + "\" must be text");
    }
    return value.stringValue();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> query = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return query;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sendError(HttpExchange exchange, HttpError error) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("error").put("code", error.code()).put("message", error.getMessage());
    send(exchange, error.status(), body);
  }

  // ---------------------------------------------------------------- parts

  /** An agent the server runs, with its loop and event format. */
  private record Registration<S>(String name, Agent<S> agent, AgentLoop<S> loop,
      EventFormat format) {}

  /** A bounded set of recently seen ids, for deduplicating webhook retries. */
  private static final class RecentIds {
    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
      this.ids = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > capacity;
        }
      };
    }

    /** Adds {@code id}; false if it was seen before. */
    synchronized boolean add(String id) {
      return ids.put(id, Boolean.TRUE) == null;
    }
  }

  /** Configures and starts an {@link AgentServer}. */
  public static final class Builder {

    private final Map<String, Registration<?>> agents = new LinkedHashMap<>();
    private ThreadStore store;
    private String token = System.getenv("TOOLCASE_API_TOKEN");
    private boolean insecureLocal;
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port = 8080;
    private int maxBodyBytes = 1 << 20;
    private Clock clock = Clock.systemUTC();
    private Notifier notifier;
    private String slackSecret;
    private String slackAgent;
    private final Map<String, String> webhookSecrets = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Serves {@code agent} under {@code name}, with the default step limit.
     *
     * @param <S> the union of the agent's steps
     * @param name the agent's name, unique on this server
     * @param agent the agent
     * @return this builder
     */
    public <S> Builder agent(String name, Agent<S> agent) {
      return agent(name, agent, AgentLoop.DEFAULT_MAX_STEPS);
    }

    /**
     * Serves {@code agent} under {@code name}, running at most {@code maxSteps} per request.
     *
     * @param <S> the union of the agent's steps
     * @param name the agent's name, unique on this server
     * @param agent the agent
     * @param maxSteps the steps one request runs at most, at least 1
     * @return this builder
     */
    public <S> Builder agent(String name, Agent<S> agent, int maxSteps) {
      Objects.requireNonNull(name, "name");
      if (agents.containsKey(name)) {
        throw new IllegalArgumentException("agent \"" + name + "\" is registered twice");
      }
      agents.put(name, new Registration<>(name, agent, new AgentLoop<>(agent, maxSteps),
          new ThreadJson(agent.codec())));
      return this;
    }

    /**
     * The event format of each registered agent, by name, for the store: pass it to
     * {@code new FileThreadStore(dir, builder.eventFormats())}. Looks agents up when called, so
     * agents registered later are found too.
     *
     * @return the event formats, by agent name; {@code null} for an unknown name
     */
    public Function<String, EventFormat> eventFormats() {
      return name -> {
        Registration<?> registration = agents.get(name);
        return registration == null ? null : registration.format();
      };
    }

    /**
     * Where threads live. Required.
     *
     * @param store the thread store
     * @return this builder
     */
    public Builder store(ThreadStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The bearer token; by default {@code TOOLCASE_API_TOKEN} from the environment.
     *
     * @param token the token every {@code /threads} request must send
     * @return this builder
     */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * Serves without a token, for a developer's machine. Without this, a server with no token
     * refuses to start.
     *
     * @return this builder
     */
    public Builder insecureLocal() {
      this.insecureLocal = true;
      return this;
    }

    /**
     * The address to bind; by default the loopback address.
     *
     * @param address the address to bind
     * @return this builder
     */
    public Builder address(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * The port; 0 picks a free one (see {@link AgentServer#port()}). Default 8080.
     *
     * @param port the port to bind, or 0
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * The largest request body accepted; larger ones get 413. Default 1 MiB.
     *
     * @param bytes the limit in bytes, positive
     * @return this builder
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, got " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * The clock that judges webhook timestamps.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Tells {@code notifier} whenever a thread pauses for a human or an approval.
     *
     * @param notifier the notifier
     * @return this builder
     */
    public Builder notifier(Notifier notifier) {
      this.notifier = notifier;
      return this;
    }

    /**
     * Serves {@code POST /webhooks/slack}: requests signed with {@code signingSecret}; a message
     * starts a thread of {@code agent}, or answers the thread it replies to if that waits for a
     * human.
     *
     * @param signingSecret the Slack app's signing secret
     * @param agent the name of the agent that Slack messages start
     * @return this builder
     */
    public Builder slack(String signingSecret, String agent) {
      this.slackSecret = Objects.requireNonNull(signingSecret, "signingSecret");
      this.slackAgent = Objects.requireNonNull(agent, "agent");
      return this;
    }

    /**
     * Serves {@code POST /webhooks/<agent>}: Standard Webhooks requests signed with
     * {@code secret}.
     *
     * @param agent the name of the agent that the webhook's messages start
     * @param secret the signing secret, {@code whsec_<base64>} or any other text
     * @return this builder
     */
    public Builder webhook(String agent, String secret) {
      webhookSecrets.put(Objects.requireNonNull(agent, "agent"),
          Objects.requireNonNull(secret, "secret"));
      return this;
    }

    /**
     * Binds the port and starts serving.
     *
     * @return the running server
     * @throws IllegalStateException if no store is set, or no token and not insecure-local
     * @throws IOException if the port cannot be bound
     */
    public AgentServer start() throws IOException {
      if (store == null) {
        throw new IllegalStateException("AgentServer needs a store: call store(...)");
      }
      if (token != null && token.isBlank()) {
        token = null;
      }
      if (token == null && !insecureLocal) {
        throw new IllegalStateException("AgentServer needs a bearer token: set TOOLCASE_API_TOKEN"
            + " or call token(...); for a developer's machine only, call insecureLocal()");
      }
      AgentServer server = new AgentServer(this);
      server.http.start();
      return server;
    }
  }
}
