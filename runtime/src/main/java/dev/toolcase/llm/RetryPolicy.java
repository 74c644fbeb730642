package dev.toolcase.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before trying a failed call again: exponential backoff with full
 * jitter, or the server's {@code Retry-After} when it sends one.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 * @param initialBackoff the backoff ceiling before the first retry; it doubles for each further one
 * @param maxBackoff the highest backoff ceiling
 * @param maxRetryAfter the longest server-requested wait honoured; longer requests wait this long
 */
public record RetryPolicy(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  /** Two retries, backoff from 500 ms up to 8 s, {@code Retry-After} honoured up to 60 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));

  /** Validates that the counts and durations are non-negative and the backoff is ordered. */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
    }
    if (initialBackoff.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("backoff durations must not be negative");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
    }
  }

  /**
   * This policy with a different number of retries.
   *
   * @param retries retries after the first attempt; 0 disables retrying
   * @return a new policy; this one is unchanged
   */
  public RetryPolicy withMaxRetries(int retries) {
    return new RetryPolicy(retries, initialBackoff, maxBackoff, maxRetryAfter);
  }

  /**
   * The wait before the given retry.
   *
   * @param retry 1 for the first retry, 2 for the second, and so on
   * @param retryAfter the wait the server asked for, if it did
   * @param random the jitter source
   * @return the wait
   */
  public Duration delayBefore(int retry, Optional<Duration> retryAfter, RandomGenerator random) {
    if (retryAfter.isPresent()) {
      Duration asked = retryAfter.get().isNegative() ? Duration.ZERO : retryAfter.get();
      return asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked;
    }
    // Full jitter (uniform between zero and the ceiling) spreads out clients that failed together.
    long ceiling = initialBackoff.toNanos();
    for (int i = 1; i < retry && ceiling < maxBackoff.toNanos(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxBackoff.toNanos());
    return Duration.ofNanos((long) (random.nextDouble() * ceiling));
  }
}
