package dev.toolcase.store;

import dev.toolcase.AgentThread;
import dev.toolcase.Status;
import java.util.Objects;

/**
 * A thread as a store holds it.
 *
 * @param id the store's id for the thread
 * @param agent the name of the agent that owns it
 * @param version the number of events; the version to pass to the next append
 * @param status the status written with the last append
 * @param thread the events
 */
public record StoredThread(String id, String agent, long version, Status status, AgentThread thread) {

  /** Checks the fields. */
  public StoredThread {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(thread, "thread");
    if (version != thread.events().size()) {
      throw new IllegalArgumentException(
          "version " + version + " of thread " + id + " differs from its "
              + thread.events().size() + " events");
    }
  }

  /**
   * The summary of this thread.
   *
   * @return the thread's summary
   */
  public ThreadSummary summary() {
    return new ThreadSummary(id, agent, version, status);
  }
}
