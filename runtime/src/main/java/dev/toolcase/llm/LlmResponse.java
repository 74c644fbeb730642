package dev.toolcase.llm;

import java.util.List;
import java.util.Objects;

/**
 * The model's reply, provider-neutral.
 *
 * @param text the text answer, or {@code null} when the model only called tools or refused
 * @param toolCalls the tool calls, in the order the model made them; empty when none
 * @param refusal the model's refusal (OpenAI {@code message.refusal}, or the text of an Anthropic
 *     reply that stopped with {@code refusal}), or {@code null}
 * @param finishReason why the model stopped
 * @param rawFinishReason the provider's own finish or stop reason, or {@code null} if none
 * @param usage the tokens billed
 * @param rawBody the response body as received, for logs and recordings
 */
public record LlmResponse(
    String text,
    List<ToolCall> toolCalls,
    String refusal,
    FinishReason finishReason,
    String rawFinishReason,
    Usage usage,
    String rawBody) {

  /** Validates that the required parts are present and copies the tool calls. */
  public LlmResponse {
    toolCalls = List.copyOf(Objects.requireNonNull(toolCalls, "toolCalls"));
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(rawBody, "rawBody");
  }

  /**
   * Whether the model called at least one tool.
   *
   * @return whether there are tool calls
   */
  public boolean hasToolCalls() {
    return !toolCalls.isEmpty();
  }

  /**
   * Whether the model refused to answer.
   *
   * @return whether there is a refusal
   */
  public boolean isRefusal() {
    return refusal != null;
  }
}
