package dev.toolcase.store;

/**
 * The store has no capacity left for now: every database connection is in use and none came free
 * in time. Nothing was read or written; the same request may succeed a moment later.
 */
public final class StoreBusyException extends StoreException {

  private static final long serialVersionUID = 1L;

  /**
   * A store that is busy.
   *
   * @param message what was waited for
   * @param cause the underlying exception, or {@code null}
   */
  public StoreBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
