package dev.toolcase.store;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.Status;
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

  /** Releases the store's resources. The default does nothing. */
  @Override
  default void close() {}
}
