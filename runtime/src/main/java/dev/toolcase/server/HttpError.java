package dev.toolcase.server;

/**
 * A request that fails with an HTTP status and a JSON body {@code {"error": {"code", "message"}}}.
 * Thrown by the server's handlers and turned into the response in one place.
 */
public final class HttpError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;
  /** The stable error code. */
  private final String code;
  /** Seconds after which a retry may succeed, sent as {@code Retry-After}; 0 for none. */
  private final int retryAfterSeconds;

  /**
   * A failure with {@code status}, a stable machine-readable {@code code}, and a message for
   * people.
   *
   * @param status the HTTP status
   * @param code the stable error code, such as {@code conflict}
   * @param message the message for people
   */
  public HttpError(int status, String code, String message) {
    this(status, code, message, 0);
  }

  /**
   * A failure that a retry after {@code retryAfterSeconds} may not meet: in progress, busy.
   *
   * @param status the HTTP status
   * @param code the stable error code, such as {@code in_progress}
   * @param message the message for people
   * @param retryAfterSeconds sent as {@code Retry-After}
   */
  public HttpError(int status, String code, String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * Seconds after which a retry may succeed, or 0 when the client should not retry as it is.
   *
   * @return the seconds for {@code Retry-After}, or 0
   */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * The HTTP status.
   *
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * The stable error code, such as {@code conflict}.
   *
   * @return the error code
   */
  public String code() {
    return code;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, "bad_request", message);
  }

  static HttpError unauthorized() {
    return new HttpError(401, "unauthorized", "missing or wrong bearer token");
  }

  static HttpError notFound(String message) {
    return new HttpError(404, "not_found", message);
  }

  static HttpError methodNotAllowed(String method, String path) {
    return new HttpError(405, "method_not_allowed", method + " is not allowed on " + path);
  }

  static HttpError conflict(String message) {
    return new HttpError(409, "conflict", message);
  }

  static HttpError tooLarge(long limit) {
    return new HttpError(413, "payload_too_large", "the body is larger than " + limit + " bytes");
  }

  static HttpError unsupportedMediaType(String contentType) {
    return new HttpError(415, "unsupported_media_type",
        "expected Content-Type application/json, got " + (contentType == null ? "none" : contentType));
  }
}
