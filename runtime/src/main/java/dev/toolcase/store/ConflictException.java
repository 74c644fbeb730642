package dev.toolcase.store;

/**
 * An append lost a race: the thread is no longer at the version the caller read, or the caller's
 * idempotency key was used before. Nothing was written.
 */
public final class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String threadId;

  /** A conflict on {@code threadId}, described by {@code message}. */
  public ConflictException(String threadId, String message) {
    super(message);
    this.threadId = threadId;
  }

  /** The thread that was not written. */
  public String threadId() {
    return threadId;
  }
}
