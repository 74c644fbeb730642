package dev.toolcase.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default tagged format's goals against the chat-messages format, on every thread and
 * encoding: at least 30% fewer tokens as sent, and no more as content. Token counts are exact, so
 * this is a check of the renderer's output, not a timing.
 */
class TokenCountTest {

  private final List<TokenCount.Row> rows = TokenCount.rows();

  @Test
  void coversThreeThreadsInTwoEncodings() {
    assertThat(rows).hasSize(6);
    assertThat(rows).extracting(TokenCount.Row::encoding).containsOnly("o200k_base", "cl100k_base");
  }

  @Test
  void taggedIsAtLeastThirtyPercentSmallerAsSent() {
    assertThat(rows).allSatisfy(row -> assertThat(row.savedAsSent()).as(row.toString())
        .isGreaterThanOrEqualTo(0.30));
  }

  @Test
  void taggedIsNoLargerAsContent() {
    assertThat(rows).allSatisfy(row -> assertThat(row.taggedContent()).as(row.toString())
        .isLessThanOrEqualTo(row.chatContent()));
  }

  @Test
  void theThreadsAreTheScenariosAndTheLongOne() {
    assertThat(TokenCount.calculator().events()).hasSize(8);
    assertThat(TokenCount.deployBot().events().getLast().type()).isEqualTo("done_for_now");
    assertThat(TokenCount.longCalculation().events()).hasSize(30);
  }
}
