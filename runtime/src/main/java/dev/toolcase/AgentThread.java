package dev.toolcase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The thread of events: the only state of an agent (factors 5 and 12). Immutable: {@link #append}
 * returns a new thread.
 *
 * @param events the events, oldest first
 */
public record AgentThread(List<Event> events) {

  /** Copies the events. */
  public AgentThread {
    events = List.copyOf(events);
  }

  /**
   * An empty thread.
   *
   * @return a thread with no events
   */
  public static AgentThread empty() {
    return new AgentThread(List.of());
  }

  /**
   * A new thread with {@code event} appended.
   *
   * @param event the event to append
   * @return the longer thread; this one is unchanged
   */
  public AgentThread append(Event event) {
    List<Event> more = new ArrayList<>(events.size() + 1);
    more.addAll(events);
    more.add(event);
    return new AgentThread(more);
  }

  /**
   * The last event, if any.
   *
   * @return the last event, or empty for an empty thread
   */
  public Optional<Event> lastEvent() {
    return events.isEmpty() ? Optional.empty() : Optional.of(events.getLast());
  }
}
