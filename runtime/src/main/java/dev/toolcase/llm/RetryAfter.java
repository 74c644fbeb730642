package dev.toolcase.llm;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the wait a server asks for: OpenAI's {@code retry-after-ms}, else {@code Retry-After} as
 * seconds or as an HTTP date.
 */
final class RetryAfter {

  private RetryAfter() {}

  /** The requested wait, or empty if the headers ask for none or cannot be read. */
  static Optional<Duration> in(HttpHeaders headers, Instant now) {
    Optional<Duration> millis =
        headers.firstValue("retry-after-ms").flatMap(v -> number(v, 1_000_000));
    if (millis.isPresent()) {
      return millis;
    }
    return headers.firstValue("retry-after").flatMap(v -> parse(v.trim(), now));
  }

  private static Optional<Duration> parse(String value, Instant now) {
    Optional<Duration> seconds = number(value, 1_000_000_000);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> number(String value, long nanosPerUnit) {
    try {
      BigDecimal amount = new BigDecimal(value.trim());
      if (amount.signum() < 0) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos(amount.multiply(BigDecimal.valueOf(nanosPerUnit))
          .min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
