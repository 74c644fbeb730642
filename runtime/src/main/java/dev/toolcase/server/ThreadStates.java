package dev.toolcase.server;

import dev.toolcase.Agent;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.PendingCall;
import dev.toolcase.Status;
import dev.toolcase.json.Json;
import dev.toolcase.store.StoredThread;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a thread's state, {@code {"id", "agent", "status", "events", "pending"}}, and of
 * the notification sent when a thread pauses for a human.
 */
final class ThreadStates {

  private final Map<String, Registration<?>> agents;

  ThreadStates(Map<String, Registration<?>> agents) {
    this.agents = agents;
  }

  /**
   * Where the thread stands now: running while a run holds a claim on its next call, else as its
   * agent reads it (so a claim that lapsed shows as the approval it now waits for).
   */
  Status status(StoredThread stored, Instant now) {
    Registration<?> registration = agents.get(stored.agent());
    if (registration == null) {
      return stored.status();
    }
    return Runs.inProgress(registration.agent(), stored.thread(), now)
        ? Status.RUNNING
        : registration.agent().status(stored.thread());
  }

  /** The state of a thread as DESIGN.md gives it. */
  ObjectNode state(StoredThread stored, Instant now) {
    ObjectNode state = Json.mapper().createObjectNode();
    state.put("id", stored.id());
    state.put("agent", stored.agent());
    Status status = status(stored, now);
    state.put("status", status.wireName());
    Registration<?> registration = agents.get(stored.agent());
    ArrayNode events = state.putArray("events");
    if (registration != null) {
      for (Event event : stored.thread().events()) {
        events.add(Json.readTree(registration.format().write(event)));
      }
      state.set("pending", status == Status.RUNNING ? Json.mapper().nullNode()
          : pending(registration, stored.thread()));
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
    Agent<S> agent = registration.agent();
    S step = agent.codec().stepType().cast(call.step());
    node.set("arguments", Json.readTree(agent.codec().argumentsJson(step)));
    node.put("question", call.question());
    return node;
  }

  /** What a notifier is told when a thread pauses for a human. */
  ObjectNode notification(StoredThread thread, Instant now) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("thread_id", thread.id());
    body.put("agent", thread.agent());
    body.put("status", thread.status().wireName());
    body.set("pending", state(thread, now).get("pending"));
    Registration<?> registration = agents.get(thread.agent());
    body.put("question", registration == null ? null
        : registration.agent().question(thread.thread()).orElse(null));
    return body;
  }
}
