package dev.toolcase.llm;

/**
 * Why the model stopped, the same across providers. {@link LlmResponse#rawFinishReason()} keeps the
 * provider's own word.
 */
public enum FinishReason {
  /** A natural end or a stop sequence ({@code stop}, {@code end_turn}, {@code stop_sequence}). */
  STOP,
  /** The model asked for tools ({@code tool_calls}, {@code tool_use}). */
  TOOL_CALLS,
  /** The token limit cut the answer short ({@code length}, {@code max_tokens}). */
  LENGTH,
  /** A safety system stopped the answer ({@code content_filter}, Anthropic's {@code refusal}). */
  CONTENT_FILTER,
  /** Anything else, or no reason given. */
  OTHER;

  /**
   * Maps a provider's finish or stop reason; {@code null} and unknown ones give {@link #OTHER}.
   *
   * @param raw the provider's reason, or {@code null}
   * @return the reason
   */
  public static FinishReason of(String raw) {
    if (raw == null) {
      return OTHER;
    }
    return switch (raw) {
      case "stop", "end_turn", "stop_sequence" -> STOP;
      case "tool_calls", "function_call", "tool_use" -> TOOL_CALLS;
      case "length", "max_tokens", "model_context_window_exceeded" -> LENGTH;
      case "content_filter", "refusal" -> CONTENT_FILTER;
      default -> OTHER;
    };
  }
}
