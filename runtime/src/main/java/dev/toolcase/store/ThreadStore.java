package dev.toolcase.store;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.Status;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where threads live between steps (factor 6): the only state of an agent process, so processes
 * stay stateless and any of them can resume any thread.
 *
 * <p>Writes are compare-and-set on a version: a thread's version is its number of events, and
 * {@link #append} succeeds only when the caller read the latest version. Two processes resuming
 * the same thread cannot both win; the loser gets a {@link ConflictException} and runs nothing.
 *
 * <p>Implementations are safe for concurrent use by many threads and processes.
 */
public interface ThreadStore extends AutoCloseable {

  /**
   * Stores a new thread under a fresh id.
   *
   * @param agent the name of the agent that owns the thread, used to pick its event format
   * @param thread the first events
   * @param status the thread's status after these events, kept for {@link #list}
   * @return the stored thread, at version {@code thread.events().size()}
   * @throws StoreException if the store cannot write
   */
  StoredThread create(String agent, AgentThread thread, Status status);

  /**
   * The thread with {@code id}, or empty if there is none.
   *
   * @param id the thread's id
   * @return the stored thread, or empty
   * @throws StoreException if the store cannot read, or the stored thread is damaged
   */
  Optional<StoredThread> load(String id);

  /**
   * Appends events to a thread if it is still at {@code expectedVersion}.
   *
   * @param id the thread
   * @param expectedVersion the version the caller read
   * @param events the events to append, possibly none (to change only the status)
   * @param status the thread's status after these events
   * @param idempotencyKey a caller's key for this write, or {@code null}; the store remembers it
   *     with the version this write produced (see {@link #versionFor})
   * @return the thread after the append
   * @throws ConflictException if the thread is at another version, or the key was used before
   * @throws UnknownThreadException if there is no such thread
   * @throws StoreException if the store cannot write; the write may or may not have happened,
   *     so a caller retries with the same idempotency key, or reloads and compares versions
   */
  StoredThread append(
      String id, long expectedVersion, List<Event> events, Status status, String idempotencyKey);

  /**
   * The version produced by the append that used {@code idempotencyKey} on thread {@code id}, or
   * empty if no append used it.
   *
   * @param id the thread
   * @param idempotencyKey the key an append was given
   * @return the version, or empty
   */
  Optional<Long> versionFor(String id, String idempotencyKey);

  /**
   * Threads, newest first.
   *
   * @param status only threads with this status, or {@code null} for all
   * @param limit at most this many
   * @return the threads' summaries
   */
  List<ThreadSummary> list(Status status, int limit);

  /**
   * Threads, newest first, like {@link #list}, and the ids of those that could not be read: a
   * damaged thread never keeps the others from being listed.
   *
   * @param status only threads with this status, or {@code null} for all
   * @param limit at most this many
   * @return the threads' summaries and the unreadable ids
   */
  default ThreadList listing(Status status, int limit) {
    return new ThreadList(list(status, limit), List.of());
  }

  /**
   * Remembers {@code key} for at least {@code ttl}, if it is not remembered already: the memory
   * all processes on this store share of what they have seen (a webhook's id, a Slack event's),
   * so a retry or a replay, at any process and after a restart, is recognised.
   *
   * @param key what was seen, at most 300 characters
   * @param ttl how long to remember it at least
   * @return whether this call remembered it first; {@code false} when it was remembered already
   * @throws StoreException if the store cannot read or write
   */
  boolean firstTime(String key, Duration ttl);

  /**
   * Remembers {@code value} under {@code key} for at least {@code ttl}, replacing what was there.
   *
   * @param key the key, at most 300 characters
   * @param value the value
   * @param ttl how long to remember it at least
   * @throws StoreException if the store cannot write
   */
  void remember(String key, String value, Duration ttl);

  /**
   * The value remembered under {@code key}, unless it expired.
   *
   * @param key the key
   * @return the value, or empty
   * @throws StoreException if the store cannot read
   */
  Optional<String> recall(String key);

  /** Releases the store's resources. The default does nothing. */
  @Override
  default void close() {}
}
