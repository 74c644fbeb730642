package dev.toolcase.server;

import dev.toolcase.Agent;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.PendingCall;
import dev.toolcase.Status;
import dev.toolcase.json.Json;
import dev.toolcase.store.ConflictException;
import dev.toolcase.store.StoredThread;
import dev.toolcase.store.ThreadList;
import dev.toolcase.store.ThreadStore;
import dev.toolcase.store.ThreadSummary;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /threads}: launch a thread, read one, list them, and answer one that waits. Every answer
 * is validated before anything is stored, and stored with compare-and-set, so of two requests
 * answering the same thread one wins and the other gets {@code 409} before anything runs.
 */
final class ThreadEndpoints {

  private static final System.Logger LOG = System.getLogger(ThreadEndpoints.class.getName());

  private final Map<String, Registration<?>> agents;
  private final ThreadStore store;
  private final Runs runs;
  private final ThreadStates states;
  private final Notifier notifier;
  private final Clock clock;
  private final int maxBodyBytes;

  ThreadEndpoints(Map<String, Registration<?>> agents, ThreadStore store, Runs runs,
      ThreadStates states, Notifier notifier, Clock clock, int maxBodyBytes) {
    this.agents = agents;
    this.store = store;
    this.runs = runs;
    this.states = states;
    this.notifier = notifier;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  void launch(Exchange exchange) throws IOException {
    JsonNode body = Requests.json(exchange, maxBodyBytes);
    String agentName = Requests.requiredText(body, "agent", Requests.MAX_NAME);
    String message = Requests.requiredText(body, "message", maxBodyBytes);
    Registration<?> registration = agents.get(agentName);
    if (registration == null) {
      throw new HttpError(400, "unknown_agent", "no agent \"" + Requests.printable(agentName)
          + "\"; this server runs " + agents.keySet().stream().sorted().toList());
    }
    Requests.send(exchange, 201, states.state(launch(registration, message), clock.instant()));
  }

  /** Starts a thread of {@code registration} with the user's message, and runs it. */
  <S> StoredThread launch(Registration<S> registration, String message) {
    AgentThread thread = registration.agent().userInput(AgentThread.empty(), message);
    StoredThread stored = store.create(registration.name(), thread,
        registration.agent().status(thread));
    return run(registration, stored);
  }

  void get(Exchange exchange, String id) throws IOException {
    Requests.send(exchange, 200, states.state(load(id), clock.instant()));
  }

  void list(Exchange exchange) throws IOException {
    Map<String, String> query = Requests.query(exchange.rawQuery());
    Status status = query.containsKey("status") ? statusNamed(query.get("status")) : null;
    int limit = 100;
    if (query.containsKey("limit")) {
      try {
        limit = Integer.parseInt(query.get("limit"));
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 1000) {
        throw HttpError.badRequest("limit must be a number from 1 to 1000, got \""
            + Requests.printable(query.get("limit")) + "\"");
      }
    }
    ThreadList page = store.listing(status, limit);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode threads = body.putArray("threads");
    for (ThreadSummary summary : page.threads()) {
      threads.addObject()
          .put("id", summary.id())
          .put("agent", summary.agent())
          .put("status", summary.status().wireName())
          .put("version", summary.version());
    }
    ArrayNode unreadable = body.putArray("unreadable");
    page.unreadable().forEach(unreadable::add);
    Requests.send(exchange, 200, body);
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
    throw HttpError.badRequest("status must be one of " + names + ", got \""
        + Requests.printable(name) + "\"");
  }

  void respond(Exchange exchange, String id) throws IOException {
    JsonNode body = Requests.json(exchange, maxBodyBytes);
    String key = Requests.matching(body, "idempotency_key", Requests.IDEMPOTENCY_KEY,
        "1 to 200 visible ASCII characters", false);
    String type = Requests.requiredText(body, "type", 20);
    StoredThread stored = load(id);
    Registration<?> registration = registrationOf(stored);
    refuseWhileInProgress(registration, stored);
    if (key != null && store.versionFor(id, key).isPresent()) {
      // A retry of an answer that was stored: the same answer again, never a second run of it.
      Requests.send(exchange, 200, states.state(continued(registration, stored), clock.instant()));
      return;
    }
    StoredThread next;
    try {
      next = type.equals("continue")
          ? continueRun(registration, stored)
          : resume(registration, stored, body, type, key);
    } catch (ConflictException e) {
      if (key == null || store.versionFor(id, key).isEmpty()) {
        throw e;
      }
      // Another request with the same key stored the same answer first: answer as its retry.
      StoredThread now = load(id);
      refuseWhileInProgress(registration, now);
      next = now;
    }
    Requests.send(exchange, 200, states.state(next, clock.instant()));
  }

  /** A {@code 409} while a run is running the thread's next tool: nothing may touch it. */
  private void refuseWhileInProgress(Registration<?> registration, StoredThread stored) {
    if (Runs.inProgress(registration.agent(), stored.thread(), clock.instant())) {
      throw new HttpError(409, "in_progress", "thread " + stored.id() + " is running a tool call"
          + " for an earlier request; retry to get its outcome", 1);
    }
  }

  /**
   * The thread after a retried answer: run on if its run stopped before finishing (the model
   * was down, the process stopped), else as it is.
   */
  private <S> StoredThread continued(Registration<S> registration, StoredThread stored) {
    return registration.agent().status(stored.thread()) == Status.RUNNING
        ? run(registration, stored)
        : stored;
  }

  /** {@code {"type": "continue"}}: a thread whose run stopped early goes on. */
  private <S> StoredThread continueRun(Registration<S> registration, StoredThread stored) {
    Status status = states.status(stored, clock.instant());
    if (status != Status.RUNNING) {
      throw new HttpError(409, "not_running", "thread " + stored.id() + " is " + status.wireName()
          + "; continue moves on a thread that is running but whose run stopped");
    }
    return run(registration, stored);
  }

  private <S> StoredThread resume(Registration<S> registration, StoredThread stored,
      JsonNode body, String type, String key) {
    Agent<S> agent = registration.agent();
    AgentThread thread = stored.thread();
    Status status = states.status(stored, clock.instant());
    AgentThread answered;
    switch (status) {
      case WAITING_FOR_HUMAN -> {
        if (!type.equals("response")) {
          throw new HttpError(400, "wrong_answer", "thread " + stored.id() + " waits for a"
              + " human's answer: send {\"type\": \"response\", \"response\": \"...\"}");
        }
        answered = agent.respond(thread, Requests.requiredText(body, "response", maxBodyBytes));
      }
      case WAITING_FOR_APPROVAL -> {
        PendingCall pending = agent.pending(thread).orElseThrow();
        if (!type.equals("approval")) {
          throw new HttpError(400, "wrong_answer", "thread " + stored.id() + " waits for approval"
              + " of " + pending.callId() + ": send {\"type\": \"approval\", \"call_id\": \""
              + pending.callId() + "\", \"approved\": true|false, \"comment\": \"...\"}");
        }
        String callId = Requests.matching(body, "call_id", Requests.CALL_ID,
            "a call id such as " + pending.callId(), true);
        JsonNode approved = body.get("approved");
        if (approved == null || !approved.isBoolean()) {
          throw HttpError.badRequest("\"approved\" must be true or false");
        }
        String comment = Optional.ofNullable(Requests.optionalText(body, "comment", 10_000))
            .orElse("");
        if (!callId.equals(pending.callId())) {
          throw new HttpError(409, "wrong_call", "the approval names " + callId + ", but thread "
              + stored.id() + " waits for approval of " + pending.callId());
        }
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
   * Runs the thread on, storing each event; a run that loses a race to another (which moved the
   * thread first) stops, and the thread is returned as the other left it.
   */
  <S> StoredThread run(Registration<S> registration, StoredThread stored) {
    StoredThread done;
    try {
      done = runs.run(registration.agent(), registration.maxSteps(), stored);
    } catch (ConflictException e) {
      done = load(stored.id());
    }
    if (notifier != null && (done.status() == Status.WAITING_FOR_HUMAN
        || done.status() == Status.WAITING_FOR_APPROVAL)) {
      notifier.notify(Json.write(states.notification(done, clock.instant())));
    }
    return done;
  }

  /**
   * Moves on the threads whose runs stopped: running, with no live claim on a call, and no event
   * for a whole {@code lease} (a run that lives stores an event at least that often, or holds a
   * claim). A call that was started is not run again: the thread waits for a human instead.
   *
   * @return how many threads were moved on
   */
  int recover(java.time.Duration lease) {
    int moved = 0;
    java.time.Instant now = clock.instant();
    for (ThreadSummary summary : store.listing(Status.RUNNING, 500).threads()) {
      try {
        Optional<StoredThread> found = store.load(summary.id());
        Registration<?> registration = found.map(t -> agents.get(t.agent())).orElse(null);
        if (registration == null) {
          continue;
        }
        StoredThread stored = found.get();
        List<Event> events = stored.thread().events();
        boolean quiet = events.isEmpty() || events.getLast().at().plus(lease).isBefore(now);
        if (!quiet || Runs.inProgress(registration.agent(), stored.thread(), now)) {
          continue;
        }
        run(registration, stored);
        moved++;
      } catch (dev.toolcase.llm.LlmException e) {
        LOG.log(System.Logger.Level.WARNING, "recovering thread " + summary.id()
            + ": model call failed: " + e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "recovering thread " + summary.id() + " failed: " + e);
      }
    }
    return moved;
  }

  StoredThread load(String id) {
    return store.load(Requests.threadId(id))
        .orElseThrow(() -> HttpError.notFound("no thread " + id));
  }

  Registration<?> registrationOf(StoredThread thread) {
    Registration<?> registration = agents.get(thread.agent());
    if (registration == null) {
      throw new HttpError(409, "unknown_agent", "thread " + thread.id() + " belongs to agent \""
          + thread.agent() + "\", which this server does not run");
    }
    return registration;
  }
}
