package dev.toolcase.store;

/** No thread with the given id is in the store. */
public final class UnknownThreadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The id that named no thread. */
  private final String threadId;

  /**
   * No thread {@code threadId}.
   *
   * @param threadId the id that named no thread
   */
  public UnknownThreadException(String threadId) {
    super("no thread " + threadId);
    this.threadId = threadId;
  }

  /**
   * The id that named no thread.
   *
   * @return the thread id
   */
  public String threadId() {
    return threadId;
  }
}
