package dev.toolcase.server;

import dev.toolcase.Agent;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.EventTypes;
import dev.toolcase.PendingCall;
import dev.toolcase.Status;
import dev.toolcase.Turns;
import dev.toolcase.store.ConflictException;
import dev.toolcase.store.StoredThread;
import dev.toolcase.store.ThreadStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Runs an agent's steps over a {@link ThreadStore}, storing each event as it happens with
 * compare-and-set on the thread's version, and claiming each tool call before it runs: a
 * {@code started} event, stored first, so a second run (a retried request, another process) sees
 * the claim and runs nothing; and a run that stops before the result is stored leaves the call
 * started and without a result, which the agent puts to a human instead of running it again.
 */
public final class Runs {

  private final ThreadStore store;
  private final Clock clock;
  private final Duration lease;

  /**
   * Runs over {@code store}.
   *
   * @param store where the threads are
   * @param clock the time for claims
   * @param lease how long a claim holds: a call still running after it is taken to have stopped
   */
  public Runs(ThreadStore store, Clock clock, Duration lease) {
    this.store = store;
    this.clock = clock;
    this.lease = lease;
  }

  /**
   * Runs {@code stored} until it pauses, finishes or takes {@code maxSteps} steps (then it fails,
   * saying why).
   *
   * @param <S> the agent's union
   * @param agent the agent
   * @param maxSteps the most steps to take
   * @param stored the thread as stored
   * @return the thread as stored after the run
   * @throws ConflictException if another run changed the thread first; what this run stored stays
   * @throws dev.toolcase.llm.LlmException if the model could not be reached; the thread is as stored
   */
  public <S> StoredThread run(Agent<S> agent, int maxSteps, StoredThread stored) {
    String run = UUID.randomUUID().toString();
    StoredThread current = stored;
    Status effective = agent.status(stored.thread());
    if (stored.status() != effective && !inProgress(agent, stored.thread(), clock.instant())) {
      // A claim that lapsed: the stored "running" becomes what the thread is, waiting for a human.
      current = store.append(stored.id(), stored.version(), List.of(), effective, null);
    }
    for (int steps = 0; steps < maxSteps; steps++) {
      AgentThread thread = current.thread();
      if (agent.status(thread) != Status.RUNNING) {
        return current;
      }
      Optional<PendingCall> call = agent.callToRun(thread);
      if (call.isPresent()) {
        AgentThread claimed = agent.claim(thread, run, clock.instant().plus(lease));
        // While the claim holds, the thread is running, whatever the agent makes of a claim alone.
        current = store(current, claimed, Status.RUNNING);
        AgentThread ran = agent.runClaimed(current.thread());
        current = store(current, ran, agent.status(ran));
      } else {
        AgentThread next = agent.step(thread);
        current = store(current, next, agent.status(next));
      }
    }
    if (agent.status(current.thread()) == Status.RUNNING) {
      AgentThread failed = agent.fail(current.thread(),
          "stopped after " + maxSteps + " steps without finishing");
      current = store(current, failed, agent.status(failed));
    }
    return current;
  }

  /**
   * Stores the events {@code next} has beyond {@code current}, compare-and-set on its version.
   *
   * @param current the thread as stored
   * @param next the same thread with events added
   * @param status the status to store with them
   * @return the thread as stored now; {@code current} when nothing was added
   * @throws ConflictException if the thread changed since {@code current} was read
   */
  public StoredThread store(StoredThread current, AgentThread next, Status status) {
    List<Event> added = next.events().subList(current.thread().events().size(), next.events().size());
    if (added.isEmpty()) {
      return current;
    }
    return store.append(current.id(), current.version(), added, status, null);
  }

  /**
   * Whether a run holds a live claim on the thread's next call: it is running that tool now, and
   * nothing else may touch the thread until it stores the result or the claim lapses.
   *
   * @param agent the thread's agent
   * @param thread the thread
   * @param now the time
   * @return whether a claim on the thread's next call holds at {@code now}
   */
  public static boolean inProgress(Agent<?> agent, AgentThread thread, Instant now) {
    List<Event> events = thread.events();
    Optional<Turns.Call> current = Turns.open(events,
        i -> agent.codec().stepType().isInstance(events.get(i).data()))
        .flatMap(Turns.Turn::current);
    if (current.isEmpty() || current.get().started() < 0) {
      return false;
    }
    Event started = events.get(current.get().started());
    if (current.get().approved() || !started.type().equals(EventTypes.STARTED)
        || !(started.data() instanceof JsonNode data)) {
      return false;
    }
    try {
      return Instant.parse(data.path("until").asString("")).isAfter(now);
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
