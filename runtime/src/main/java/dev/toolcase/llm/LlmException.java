package dev.toolcase.llm;

/**
 * A model call failed: the provider answered with an error, could not be reached in time, or sent a
 * body that is not a response.
 *
 * <p>Unchecked, like Jackson 3's exceptions. The message reads on its own (endpoint, status, the
 * provider's error type and message, attempts made); the parts are also available as data.
 */
public final class LlmException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** {@link #statusCode()} when no HTTP response was received. */
  public static final int NO_STATUS = 0;

  /** The HTTP status of the last attempt, or {@link #NO_STATUS}. */
  private final int statusCode;
  /** The provider's error type, or one of ours. */
  private final String errorType;
  /** The provider's own error message, or our description. */
  private final String providerMessage;
  /** Whether the failure was of a kind worth retrying. */
  private final boolean retryable;
  /** How many HTTP attempts were made. */
  private final int attempts;

  /**
   * Creates an exception.
   *
   * @param message the whole message, as shown to a human
   * @param statusCode the HTTP status, or {@link #NO_STATUS}
   * @param errorType the provider's error type (such as {@code invalid_request_error}), or one of
   *     ours: {@code timeout}, {@code io_error}, {@code malformed_response}, {@code interrupted},
   *     {@code script_exhausted}
   * @param providerMessage the provider's own error message, or our description when there is none
   * @param retryable whether trying the same request again could succeed
   * @param attempts how many attempts were made
   * @param cause the underlying exception, or {@code null}
   */
  public LlmException(
      String message,
      int statusCode,
      String errorType,
      String providerMessage,
      boolean retryable,
      int attempts,
      Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.errorType = errorType == null ? "unknown" : errorType;
    this.providerMessage = providerMessage == null ? "" : providerMessage;
    this.retryable = retryable;
    this.attempts = attempts;
  }

  /**
   * The HTTP status of the last attempt, or {@link #NO_STATUS} if none was received.
   *
   * @return the HTTP status
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The provider's error type, or one of ours such as {@code timeout}; never null.
   *
   * @return the error type
   */
  public String errorType() {
    return errorType;
  }

  /**
   * The provider's own error message (or our description when there is none); never null.
   *
   * @return the provider's message
   */
  public String providerMessage() {
    return providerMessage;
  }

  /**
   * Whether the failure was of a kind worth retrying (rate limit, overload, server error, timeout,
   * I/O). True on an exception thrown after the retries ran out.
   *
   * @return whether the failure is retryable
   */
  public boolean retryable() {
    return retryable;
  }

  /**
   * How many HTTP attempts were made before giving up (0 when none was made).
   *
   * @return the number of attempts
   */
  public int attempts() {
    return attempts;
  }
}
