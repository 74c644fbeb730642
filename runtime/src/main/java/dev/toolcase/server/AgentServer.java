package dev.toolcase.server;

import dev.toolcase.Agent;
import dev.toolcase.AgentLoop;
import dev.toolcase.ThreadJson;
import dev.toolcase.json.Json;
import dev.toolcase.llm.LlmException;
import dev.toolcase.store.ConflictException;
import dev.toolcase.store.DamagedThreadException;
import dev.toolcase.store.EventFormat;
import dev.toolcase.store.StoreBusyException;
import dev.toolcase.store.ThreadStore;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.node.ObjectNode;

/**
 * Launches, pauses and resumes agents over HTTP (factors 6 and 11), on an embedded Jetty with a
 * virtual thread per request, timeouts for silent connections, and caps on connections and
 * requests in flight. The {@link ThreadStore} holds every thread, so the server keeps no
 * state of its own: any number of them can serve one store behind a load balancer.
 *
 * <pre>
 * POST /threads                     {"agent", "message"}           201 + state
 * GET  /threads/{id}                                               200 + state
 * GET  /threads?status=...&amp;limit=...                              200 + {"threads": [...]}
 * POST /threads/{id}/responses      {"type": "response", "response"}
 *                                   {"type": "approval", "call_id", "approved", "comment"}
 *                                   {"type": "continue"}, for a run that stopped
 *                                   each with "idempotency_key"    200 + state
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
 * Each tool call is claimed in the store before it runs ({@code started}), so a retried request
 * never runs it again: while it runs, a retry gets {@code 409 in_progress}, and afterwards the
 * same answer. A run that stopped while a tool ran leaves the call started with no result; it
 * waits for a human's approval to run again. Every request is validated before anything is
 * written. The parts: {@link Requests} (plumbing), {@code ThreadEndpoints}, {@code Runs} (the run
 * loop and its claims), {@code Webhooks} and {@code ThreadStates} (the JSON of a state).
 */
public final class AgentServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(AgentServer.class.getName());

  private final String token;
  private final ThreadEndpoints threads;
  private final Webhooks webhooks;
  private final Notifier notifier;
  private final Server http;
  private final ServerConnector connector;
  private final Semaphore inFlight;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Duration runLease;
  private final boolean recover;

  private AgentServer(Builder builder) {
    Map<String, Registration<?>> agents = Map.copyOf(builder.agents);
    ThreadStore store = Objects.requireNonNull(builder.store, "store");
    this.token = builder.token;
    this.notifier = builder.notifier;
    ThreadStates states = new ThreadStates(agents);
    Runs runs = new Runs(store, builder.clock, builder.runLease);
    this.threads = new ThreadEndpoints(agents, store, runs, states, notifier, builder.clock,
        builder.maxBodyBytes);
    this.webhooks = new Webhooks(agents, store, threads, states, builder.clock,
        builder.maxBodyBytes, builder.slackSecret, builder.slackAgent,
        Map.copyOf(builder.webhookSecrets), executor);
    this.inFlight = new Semaphore(builder.maxRequests);
    this.runLease = builder.runLease;
    this.recover = builder.recoverStoppedRuns;
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("agent-server");
    threads.setVirtualThreadsExecutor(executor);
    this.http = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setRequestHeaderSize(16 * 1024);
    config.setIdleTimeout(builder.idleTimeout.toMillis());
    this.connector = new ServerConnector(http, new HttpConnectionFactory(config));
    connector.setHost(builder.address.getHostAddress());
    connector.setPort(builder.port);
    // The connector's idle timeout holds until a request's headers are in, and between requests;
    // the configuration's holds while a request is read and answered. So a client that opens a
    // connection and trickles nothing is closed after the header timeout.
    connector.setIdleTimeout(builder.headerTimeout.toMillis());
    http.addConnector(connector);
    // At the cap, no connection is accepted until one closes.
    http.addBean(new NetworkConnectionLimit(builder.maxConnections, connector));
    http.setErrorHandler(new JsonErrors());
    Handler routes = new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        JettyExchange exchange = new JettyExchange(request, response, callback);
        if (!inFlight.tryAcquire()) {
          sendQuietly(exchange, new HttpError(503, "busy", "too many requests at once; retry in a"
              + " moment", 1));
          return true;
        }
        try {
          AgentServer.this.handle(exchange);
        } finally {
          inFlight.release();
        }
        if (!exchange.sent()) {
          callback.failed(new IllegalStateException("no response was sent"));
        }
        return true;
      }
    };
    // A body must keep coming: a client that trickles it slower than 1 KiB/s is cut off.
    http.setHandler(new MinimumDataRateHandler(routes, 1024, 0));
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
    return connector.getLocalPort();
  }

  /**
   * Moves on, now, every thread whose run stopped (a crash, a model that was down): running, no
   * live claim, and no event for a run lease. What a server started with
   * {@link Builder#recoverStoppedRuns()} does by itself, every half lease.
   *
   * @return how many threads were moved on
   */
  public int recoverStoppedRuns() {
    return threads.recover(runLease);
  }

  private void recoverEvery(Duration every) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(every);
        int moved = recoverStoppedRuns();
        if (moved > 0) {
          LOG.log(System.Logger.Level.INFO, "moved on " + moved + " threads whose runs stopped");
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "recovering stopped runs failed: " + e);
      }
    }
  }

  /** Stops accepting requests, waits a second for those under way, and stops. */
  @Override
  public void close() {
    http.setStopTimeout(1_000);
    try {
      http.stop();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "the HTTP server did not stop cleanly: " + e);
    }
    executor.shutdownNow();
    if (notifier != null) {
      notifier.close();
    }
  }

  // ---------------------------------------------------------------- routing

  private void handle(Exchange exchange) {
    try {
      try {
        route(exchange);
      } catch (HttpError e) {
        Requests.sendError(exchange, e);
      } catch (ConflictException e) {
        Requests.sendError(exchange, new HttpError(409, "conflict", e.getMessage()));
      } catch (DamagedThreadException e) {
        LOG.log(System.Logger.Level.ERROR, e.getMessage() + " (" + e.location() + ")", e);
        Requests.sendError(exchange, new HttpError(500, "damaged_thread", "thread " + e.id()
            + " cannot be read; the server log names where it is stored and what is wrong"));
      } catch (StoreBusyException e) {
        LOG.log(System.Logger.Level.WARNING, "store busy: " + e.getMessage());
        Requests.sendError(exchange, new HttpError(503, "busy",
            "the store is busy; retry in a moment", 1));
      } catch (LlmException e) {
        // The provider's message names the endpoint and the status, never the key.
        LOG.log(System.Logger.Level.WARNING, "model call failed for " + exchange.method()
            + " " + exchange.rawPath() + ": " + e.getMessage());
        Requests.sendError(exchange, new HttpError(502, "model_unavailable", e.getMessage()));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "request " + exchange.method() + " "
            + exchange.rawPath() + " failed", e);
        Requests.sendError(exchange, new HttpError(500, "internal",
            "internal error; the server log has the details"));
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not answer a request: " + e);
    }
  }

  private static void sendQuietly(Exchange exchange, HttpError error) {
    try {
      Requests.sendError(exchange, error);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "could not answer a request: " + e);
    }
  }

  private void route(Exchange exchange) throws IOException {
    String method = exchange.method();
    String path = exchange.rawPath();
    List<String> parts = segments(path == null ? "" : path);
    if (parts.size() == 2 && parts.get(0).equals("webhooks")) {
      requireMethod(method, "POST");
      if (parts.get(1).equals("slack")) {
        webhooks.slack(exchange);
      } else {
        webhooks.webhook(exchange, parts.get(1));
      }
      return;
    }
    if (parts.isEmpty() || !parts.get(0).equals("threads") || parts.size() > 3
        || (parts.size() == 3 && !parts.get(2).equals("responses"))) {
      throw HttpError.notFound("no such endpoint: " + method + " " + Requests.printable(
          path == null ? "" : path));
    }
    authenticate(exchange);
    if (parts.size() == 1) {
      if (method.equals("GET")) {
        threads.list(exchange);
      } else {
        requireMethod(method, "POST");
        threads.launch(exchange);
      }
    } else if (parts.size() == 2) {
      requireMethod(method, "GET");
      threads.get(exchange, parts.get(1));
    } else {
      requireMethod(method, "POST");
      threads.respond(exchange, parts.get(1));
    }
  }

  /** The path's segments; an empty segment ({@code //threads}) is no path this server has. */
  private static List<String> segments(String path) {
    List<String> parts = new ArrayList<>();
    String[] split = path.split("/", -1);
    for (int i = 1; i < split.length; i++) {
      if (split[i].isEmpty() && i < split.length - 1) {
        throw HttpError.notFound("no such endpoint: " + Requests.printable(path));
      }
      if (!split[i].isEmpty()) {
        parts.add(split[i]);
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

  private void authenticate(Exchange exchange) {
    if (token == null) {
      return;
    }
    String given = Signatures.bearerToken(exchange.header("Authorization"));
    if (given == null || !Signatures.constantTimeEquals(token, given)) {
      exchange.respondHeader("WWW-Authenticate", "Bearer");
      throw HttpError.unauthorized();
    }
  }

  /**
   * Errors Jetty answers itself, before any handler (a request line or header it cannot read, a
   * URI that is not one, headers over the limit), in the same JSON shape as the API's own.
   */
  private static final class JsonErrors extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      int status = response.getStatus() > 0 ? response.getStatus() : 500;
      Object message = request.getAttribute(ERROR_MESSAGE);
      String text = message == null ? "the request could not be read" : message.toString();
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
      response.write(true, ByteBuffer.wrap(errorJson(status, text)), callback);
      return true;
    }

    private static byte[] errorJson(int status, String message) {
      String code = switch (status) {
        case 400 -> "bad_request";
        case 404 -> "not_found";
        case 405 -> "method_not_allowed";
        case 413 -> "body_too_large";
        case 414 -> "uri_too_long";
        case 431 -> "headers_too_large";
        default -> status >= 500 ? "internal" : "bad_request";
      };
      ObjectNode body = Json.mapper().createObjectNode();
      body.putObject("error").put("code", code).put("message", message);
      return Json.write(body).getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Configures and starts an {@link AgentServer}. */
  public static final class Builder {

    private final Map<String, Registration<?>> agents = new LinkedHashMap<>();
    private ThreadStore store;
    private String token;
    private Map<String, String> environment = System.getenv();
    private Duration runLease = Duration.ofMinutes(10);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private Duration headerTimeout = Duration.ofSeconds(10);
    private int maxConnections = 1_000;
    private int maxRequests = 256;
    private boolean recoverStoppedRuns;
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
      if (maxSteps < 1) {
        throw new IllegalArgumentException("maxSteps must be at least 1");
      }
      agents.put(name, new Registration<>(name, agent, maxSteps, new ThreadJson(agent.codec())));
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
     * The environment the server's defaults come from; by default the process's. Read at
     * {@link #start()}: {@code TOOLCASE_API_TOKEN} is the bearer token unless {@link #token} set
     * one.
     *
     * @param environment the environment
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * How long a run's claim on a tool call holds (default ten minutes): a request or process
     * that meets a claim this old takes the run to have stopped, and the call waits for a human
     * to say whether it ran (or runs again, for an agent that says the tool is safe to repeat).
     * Longer than the slowest tool takes.
     *
     * @param lease the claim's length, positive
     * @return this builder
     */
    public Builder runLease(Duration lease) {
      if (lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("runLease must be positive, got " + lease);
      }
      this.runLease = lease;
      return this;
    }

    /**
     * Moves on, by itself, every half {@link #runLease}, the threads whose runs stopped: a crash
     * while launching, a model that was down. Any number of servers on one store may do so: a
     * tool call is claimed before it runs, so none runs twice, and one that was started waits for
     * a human.
     *
     * @return this builder
     */
    public Builder recoverStoppedRuns() {
      this.recoverStoppedRuns = true;
      return this;
    }

    /**
     * How long a connection may be silent while a request is read and answered (default 30 s). A
     * request body must also keep coming at 1 KiB/s at least.
     *
     * @param timeout the idle timeout, positive
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be positive, got " + timeout);
      }
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * How long a connection may be silent before its request's headers are in, and between
     * requests on a kept-alive connection (default 10 s). A client that connects and sends part of
     * a request, or nothing, holds its connection that long.
     *
     * @param timeout the header timeout, positive
     * @return this builder
     */
    public Builder headerTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("headerTimeout must be positive, got " + timeout);
      }
      this.headerTimeout = timeout;
      return this;
    }

    /**
     * The most connections open at once (default 1,000). At the cap no connection is accepted
     * until one closes; with the header timeout, slow clients free their places within it.
     *
     * @param connections the cap, at least 1
     * @return this builder
     */
    public Builder maxConnections(int connections) {
      if (connections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, got " + connections);
      }
      this.maxConnections = connections;
      return this;
    }

    /**
     * The most requests handled at once (default 256); past it, a request gets {@code 503} with
     * {@code Retry-After}.
     *
     * @param requests the cap, at least 1
     * @return this builder
     */
    public Builder maxRequests(int requests) {
      if (requests < 1) {
        throw new IllegalArgumentException("maxRequests must be at least 1, got " + requests);
      }
      this.maxRequests = requests;
      return this;
    }

    /**
     * The bearer token; by default {@code TOOLCASE_API_TOKEN} from the {@link #environment}.
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
      if (token == null) {
        token = environment.get("TOOLCASE_API_TOKEN");
      }
      if (token != null && token.isBlank()) {
        token = null;
      }
      if (token != null && !token.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
        throw new IllegalStateException("the bearer token must be visible ASCII characters");
      }
      if (token == null && !insecureLocal) {
        throw new IllegalStateException("AgentServer needs a bearer token: set TOOLCASE_API_TOKEN"
            + " or call token(...); for a developer's machine only, call insecureLocal()");
      }
      AgentServer server = new AgentServer(this);
      try {
        server.http.start();
        if (server.recover) {
          Duration every = server.runLease.dividedBy(2);
          server.executor.execute(() -> server.recoverEvery(every.isZero() ? Duration.ofSeconds(1) : every));
        }
      } catch (IOException e) {
        server.close();
        throw e;
      } catch (Exception e) {
        server.close();
        throw new IOException("cannot start the HTTP server on " + address.getHostAddress() + ":"
            + port + ": " + e.getMessage(), e);
      }
      return server;
    }
  }
}
