package dev.toolcase.store;

/**
 * An append lost a race: the thread is no longer at the version the caller read, or the caller's
 * idempotency key was used before. Nothing was written.
 */
public final class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The thread that was not written. */
  private final String threadId;

  /**
   * A conflict on {@code threadId}, described by {@code message}.
   *
   * @param threadId the thread that was not written
   * @param message what conflicted
   */
  public ConflictException(String threadId, String message) {
    super(message);
    this.threadId = threadId;
  }

  /**
   * The thread that was not written.
   *
   * @return the thread's id
   */
  public String threadId() {
    return threadId;
  }
}
