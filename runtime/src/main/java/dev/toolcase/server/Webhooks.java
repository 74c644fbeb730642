package dev.toolcase.server;

import dev.toolcase.Status;
import dev.toolcase.json.Json;
import dev.toolcase.store.StoredThread;
import dev.toolcase.store.ThreadStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /webhooks}: Slack's Events API and Standard Webhooks, each authenticated by its
 * signature. Retries and replays are recognised by their event or webhook id, remembered in the
 * store for as long as a signature stays valid, so a replay after a restart, or at another server
 * on the same store, starts nothing; the Slack thread of each agent thread lives there too.
 */
final class Webhooks {

  private static final System.Logger LOG = System.getLogger(Webhooks.class.getName());

  /** How long an id is remembered: longer than a signature is taken (five minutes). */
  static final Duration REMEMBERED = Duration.ofMinutes(10);
  /** How long the Slack thread of an agent thread is remembered. */
  static final Duration SLACK_THREADS = Duration.ofDays(30);

  private final Map<String, Registration<?>> agents;
  private final ThreadStore store;
  private final ThreadEndpoints threads;
  private final ThreadStates states;
  private final Clock clock;
  private final int maxBodyBytes;
  private final String slackSecret;
  private final String slackAgent;
  private final Map<String, String> webhookSecrets;
  private final ExecutorService executor;

  Webhooks(Map<String, Registration<?>> agents, ThreadStore store, ThreadEndpoints threads,
      ThreadStates states, Clock clock, int maxBodyBytes, String slackSecret, String slackAgent,
      Map<String, String> webhookSecrets, ExecutorService executor) {
    this.agents = agents;
    this.store = store;
    this.threads = threads;
    this.states = states;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
    this.slackSecret = slackSecret;
    this.slackAgent = slackAgent;
    this.webhookSecrets = webhookSecrets;
    this.executor = executor;
  }

  void slack(Exchange exchange) throws IOException {
    if (slackSecret == null) {
      throw HttpError.notFound("the Slack endpoint is not configured");
    }
    String raw = Requests.body(exchange, maxBodyBytes);
    String timestamp = exchange.header("X-Slack-Request-Timestamp");
    String signature = exchange.header("X-Slack-Signature");
    if (!Signatures.slackValid(slackSecret, timestamp, raw, signature, clock.instant())) {
      throw new HttpError(401, "bad_signature",
          "X-Slack-Signature is missing, wrong, or older than five minutes");
    }
    JsonNode body = Requests.object(raw);
    String type = body.path("type").asString("");
    if (type.equals("url_verification")) {
      ObjectNode challenge = Json.mapper().createObjectNode();
      challenge.put("challenge", body.path("challenge").asString(""));
      Requests.send(exchange, 200, challenge);
      return;
    }
    String eventId = body.path("event_id").asString("");
    JsonNode event = body.path("event");
    boolean fromHuman = event.path("bot_id").isMissingNode() && event.path("subtype").isMissingNode();
    String text = event.path("text").asString("");
    if (!type.equals("event_callback") || eventId.isEmpty() || eventId.length() > 200
        || !fromHuman || text.isBlank()
        || !store.firstTime("slack-event:" + eventId, REMEMBERED)) {
      Requests.send(exchange, 200, Json.mapper().createObjectNode().put("ok", true));
      return;
    }
    String slackThread = event.path("channel").asString("") + ":"
        + event.path("thread_ts").asString(event.path("ts").asString(""));
    // Slack wants an answer within three seconds: the agent runs after it.
    Requests.send(exchange, 200, Json.mapper().createObjectNode().put("ok", true));
    executor.execute(() -> slackEvent(slackThread, text));
  }

  private void slackEvent(String slackThread, String text) {
    try {
      Optional<String> known = store.recall("slack-thread:" + slackThread);
      Optional<StoredThread> waiting = known.flatMap(store::load)
          .filter(t -> states.status(t, clock.instant()) == Status.WAITING_FOR_HUMAN);
      if (waiting.isPresent()) {
        answer(waiting.get(), text);
        return;
      }
      Registration<?> registration = agents.get(slackAgent);
      if (registration == null) {
        LOG.log(System.Logger.Level.WARNING, "Slack event for unknown agent " + slackAgent);
        return;
      }
      StoredThread launched = threads.launch(registration, text);
      store.remember("slack-thread:" + slackThread, launched.id(), SLACK_THREADS);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "Slack event failed", e);
    }
  }

  private <S> void answer(StoredThread waiting, String text) {
    @SuppressWarnings("unchecked") // the registration of the thread's own agent
    Registration<S> registration = (Registration<S>) threads.registrationOf(waiting);
    var answered = registration.agent().respond(waiting.thread(), text);
    StoredThread next = store.append(waiting.id(), waiting.version(),
        answered.events().subList(waiting.thread().events().size(), answered.events().size()),
        registration.agent().status(answered), null);
    threads.run(registration, next);
  }

  void webhook(Exchange exchange, String agentName) throws IOException {
    String secret = webhookSecrets.get(agentName);
    Registration<?> registration = agents.get(agentName);
    if (secret == null || registration == null) {
      throw HttpError.notFound("no webhook for agent \"" + Requests.printable(agentName) + "\"");
    }
    String raw = Requests.body(exchange, maxBodyBytes);
    String id = exchange.header("webhook-id");
    if (!Signatures.webhookValid(secret, id, exchange.header(
        "webhook-timestamp"), raw, exchange.header("webhook-signature"),
        clock.instant())) {
      throw new HttpError(401, "bad_signature",
          "webhook-signature is missing, wrong, or older than five minutes");
    }
    if (id.length() > 200) {
      throw HttpError.badRequest("webhook-id is over 200 characters");
    }
    String message = Requests.requiredText(Requests.object(raw), "message", maxBodyBytes);
    if (!store.firstTime("webhook:" + agentName + ":" + id, REMEMBERED)) {
      Requests.send(exchange, 200, Json.mapper().createObjectNode().put("duplicate", id));
      return;
    }
    Requests.send(exchange, 201, states.state(threads.launch(registration, message),
        clock.instant()));
  }
}
