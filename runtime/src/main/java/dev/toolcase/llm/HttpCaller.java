package dev.toolcase.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * Posts JSON and retries what is worth retrying: 408, 429, 5xx (Anthropic's 529 included),
 * timeouts and I/O failures. Any other status fails at once with the provider's error message.
 */
final class HttpCaller {

  private final HttpClient http;
  private final Duration timeout;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final Clock clock;

  /** A caller with a per-attempt timeout; the sleeper and jitter source pace the retries. */
  HttpCaller(
      HttpClient http,
      Duration timeout,
      RetryPolicy policy,
      Sleeper sleeper,
      RandomGenerator random,
      Clock clock) {
    this.http = http;
    this.timeout = timeout;
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
    this.clock = clock;
  }

  /** A successful reply: its status, body, and the attempts it took. */
  record Reply(int status, String body, int attempts) {}

  /** What went wrong on one attempt. */
  private record Failure(
      int status, String type, String message, boolean retryable, Optional<Duration> retryAfter,
      Throwable cause) {}

  /**
   * Posts the JSON body with the given headers.
   *
   * @throws LlmException on a status that is not 2xx, or when retries run out
   */
  Reply post(URI uri, Map<String, String> headers, String json) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    headers.forEach(builder::setHeader);
    HttpRequest request = builder.build();
    for (int attempt = 1; ; attempt++) {
      Failure failure;
      try {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 == 2) {
          return new Reply(response.statusCode(), response.body(), attempt);
        }
        failure = statusFailure(response);
      } catch (HttpTimeoutException | TimeoutException e) {
        failure = new Failure(
            LlmException.NO_STATUS, "timeout", "no response within " + timeout, true,
            Optional.empty(), e);
      } catch (IOException e) {
        failure = new Failure(
            LlmException.NO_STATUS, "io_error", describe(e), true, Optional.empty(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(uri, attempt, e);
      }
      if (!failure.retryable() || attempt > policy.maxRetries()) {
        throw exception(uri, failure, attempt);
      }
      try {
        sleeper.sleep(policy.delayBefore(attempt, failure.retryAfter(), random));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(uri, attempt, e);
      }
    }
  }

  /**
   * What went wrong, for a human: the JDK's client throws a {@code ConnectException} without a
   * message when nothing listens, so the type and the causes speak when the message does not.
   */
  static String describe(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused: nothing answers at that address"
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }
    Throwable cause = e;
    while (cause != null) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return cause == e ? e.getMessage() : e.getClass().getSimpleName() + ": " + cause.getMessage();
      }
      cause = cause.getCause();
    }
    return e.getClass().getSimpleName();
  }

  /**
   * Sends the request and reads the whole body within the timeout. The request's own timeout only
   * covers the wait for the headers; this bounds a body that trickles in too.
   */
  private HttpResponse<String> exchange(HttpRequest request)
      throws IOException, InterruptedException, TimeoutException {
    CompletableFuture<HttpResponse<String>> future =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException bug -> throw bug;
        case Error error -> throw error;
        case null, default -> throw new IOException(e);
      }
    } finally {
      future.cancel(true); // aborts the exchange after a timeout or an interrupt; else a no-op
    }
  }

  private Failure statusFailure(HttpResponse<String> response) {
    int status = response.statusCode();
    ProviderError error = ProviderError.of(response.body() == null ? "" : response.body());
    boolean retryable = status == 408 || status == 429 || status >= 500;
    return new Failure(
        status, error.type(), error.message(), retryable,
        RetryAfter.in(response.headers(), clock.instant()), null);
  }

  private static LlmException exception(URI uri, Failure failure, int attempts) {
    String what =
        failure.status() == LlmException.NO_STATUS
            ? failure.type() + ": " + failure.message()
            : failure.status()
                + (failure.type() == null ? "" : " " + failure.type())
                + ": " + failure.message();
    return new LlmException(
        "POST " + uri + " failed with " + what + " (" + attempts(attempts) + ")",
        failure.status(), failure.type(), failure.message(), failure.retryable(), attempts,
        failure.cause());
  }

  private static LlmException interrupted(URI uri, int attempts, InterruptedException e) {
    return new LlmException(
        "POST " + uri + " was interrupted (" + attempts(attempts) + ")", LlmException.NO_STATUS,
        "interrupted", "interrupted", false, attempts, e);
  }

  private static String attempts(int n) {
    return n == 1 ? "1 attempt" : n + " attempts";
  }
}
