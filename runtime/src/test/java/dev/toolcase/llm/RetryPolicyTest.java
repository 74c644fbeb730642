package dev.toolcase.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @Test
  void backoffDoublesUpToTheCapWithFullJitter() {
    assertThat(policy.delayBefore(1, Optional.empty(), Fixtures.half()))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(policy.delayBefore(2, Optional.empty(), Fixtures.half()))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(policy.delayBefore(5, Optional.empty(), Fixtures.half()))
        .isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.delayBefore(60, Optional.empty(), Fixtures.half()))
        .isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void aServerRequestedWaitIsHonouredUpToItsCap() {
    assertThat(policy.delayBefore(1, Optional.of(Duration.ofSeconds(3)), Fixtures.half()))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.delayBefore(1, Optional.of(Duration.ofHours(1)), Fixtures.half()))
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> policy.withMaxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1),
        Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retryAfterReadsSecondsDatesAndOpenAisMilliseconds() {
    assertThat(RetryAfter.in(headers("retry-after", "7"), NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.in(headers("Retry-After", "1.5"), NOW)).contains(Duration.ofMillis(1500));
    assertThat(RetryAfter.in(headers("retry-after", "Wed, 25 Nov 2026 10:00:09 GMT"), NOW))
        .contains(Duration.ofSeconds(9));
    assertThat(RetryAfter.in(headers("retry-after", "Wed, 25 Nov 2026 09:00:00 GMT"), NOW))
        .contains(Duration.ZERO);
    assertThat(RetryAfter.in(
            HttpHeaders.of(Map.of("retry-after-ms", List.of("120"), "retry-after", List.of("1")),
                (a, b) -> true), NOW))
        .contains(Duration.ofMillis(120));
    assertThat(RetryAfter.in(headers("retry-after", "soon"), NOW)).isEmpty();
    assertThat(RetryAfter.in(headers("retry-after", "-3"), NOW)).isEmpty();
    assertThat(RetryAfter.in(headers("x-other", "1"), NOW)).isEmpty();
  }

  private static HttpHeaders headers(String name, String value) {
    return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
  }
}
