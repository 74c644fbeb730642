package dev.toolcase.llm;

/**
 * Tokens billed for one call.
 *
 * <p>For Anthropic, input tokens include tokens written to and read from the prompt cache. A
 * server that reports no usage (some OpenAI-compatible ones) gives zeros.
 *
 * @param inputTokens tokens of the prompt
 * @param outputTokens tokens generated
 */
public record Usage(long inputTokens, long outputTokens) {

  /** No usage reported. */
  public static final Usage NONE = new Usage(0, 0);

  /** Validates that both counts are non-negative. */
  public Usage {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException(
          "token counts must not be negative: " + inputTokens + ", " + outputTokens);
    }
  }

  /**
   * Input plus output tokens.
   *
   * @return the total
   */
  public long totalTokens() {
    return inputTokens + outputTokens;
  }
}
