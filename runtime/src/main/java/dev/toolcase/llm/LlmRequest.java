package dev.toolcase.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Everything a client sends for one call, provider-neutral. The model name lives on the client.
 *
 * <p>Start from {@link #text}, {@link #tools} or {@link #jsonSchema}, then add limits with
 * {@link #withMaxTokens} and {@link #withTemperature}.
 *
 * @param messages the conversation, at least one message
 * @param tools the tools offered; {@link ToolSet#NONE} for none
 * @param outputMode how the answer is shaped
 * @param responseSchema the schema of the answer, present exactly in {@link OutputMode#JSON_SCHEMA}
 * @param maxTokens the most tokens to generate; when empty, OpenAI uses the model's limit and
 *     {@link AnthropicClient} its configured default
 * @param temperature sampling temperature, 0 to 2; the provider's default when empty
 * @param parallelToolCalls whether the model may call several tools in one answer; the
 *     provider's default (it may) when empty. OpenAI gets {@code parallel_tool_calls}, Anthropic
 *     {@code tool_choice.disable_parallel_tool_use}
 */
public record LlmRequest(
    List<ChatMessage> messages,
    ToolSet tools,
    OutputMode outputMode,
    Optional<ResponseSchema> responseSchema,
    OptionalInt maxTokens,
    OptionalDouble temperature,
    Optional<Boolean> parallelToolCalls) {

  /** Validates that the parts fit the output mode and copies the messages. */
  public LlmRequest {
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(outputMode, "outputMode");
    Objects.requireNonNull(responseSchema, "responseSchema");
    Objects.requireNonNull(maxTokens, "maxTokens");
    Objects.requireNonNull(temperature, "temperature");
    Objects.requireNonNull(parallelToolCalls, "parallelToolCalls");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a request needs at least one message");
    }
    if (outputMode == OutputMode.TOOLS && tools.isEmpty()) {
      throw new IllegalArgumentException("output mode TOOLS needs at least one tool");
    }
    if ((outputMode == OutputMode.JSON_SCHEMA) != responseSchema.isPresent()) {
      throw new IllegalArgumentException(
          "a response schema goes with output mode JSON_SCHEMA and only with it, not "
              + outputMode);
    }
    if (maxTokens.isPresent() && maxTokens.getAsInt() < 1) {
      throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens.getAsInt());
    }
    if (temperature.isPresent()
        && !(temperature.getAsDouble() >= 0 && temperature.getAsDouble() <= 2)) {
      throw new IllegalArgumentException(
          "temperature must be between 0 and 2: " + temperature.getAsDouble());
    }
  }

  /**
   * A request with the provider's default for parallel tool calls.
   *
   * @param messages the conversation, at least one message
   * @param tools the tools offered; {@link ToolSet#NONE} for none
   * @param outputMode how the answer is shaped
   * @param responseSchema the schema of the answer, present exactly in {@link OutputMode#JSON_SCHEMA}
   * @param maxTokens the most tokens to generate
   * @param temperature sampling temperature, 0 to 2
   */
  public LlmRequest(List<ChatMessage> messages, ToolSet tools, OutputMode outputMode,
      Optional<ResponseSchema> responseSchema, OptionalInt maxTokens, OptionalDouble temperature) {
    this(messages, tools, outputMode, responseSchema, maxTokens, temperature, Optional.empty());
  }

  /**
   * A request for free text, with no tools.
   *
   * @param messages the conversation, at least one message
   * @return the request
   */
  public static LlmRequest text(List<ChatMessage> messages) {
    return new LlmRequest(
        messages, ToolSet.NONE, OutputMode.TEXT, Optional.empty(), OptionalInt.empty(),
        OptionalDouble.empty());
  }

  /**
   * A request that makes the model call one or more of the given tools.
   *
   * @param messages the conversation, at least one message
   * @param tools the tools offered, at least one
   * @return the request
   */
  public static LlmRequest tools(List<ChatMessage> messages, ToolSet tools) {
    return new LlmRequest(
        messages, tools, OutputMode.TOOLS, Optional.empty(), OptionalInt.empty(),
        OptionalDouble.empty());
  }

  /**
   * A request for one JSON value matching the schema.
   *
   * @param messages the conversation, at least one message
   * @param schema the schema of the answer
   * @return the request
   */
  public static LlmRequest jsonSchema(List<ChatMessage> messages, ResponseSchema schema) {
    return new LlmRequest(
        messages, ToolSet.NONE, OutputMode.JSON_SCHEMA, Optional.of(schema), OptionalInt.empty(),
        OptionalDouble.empty());
  }

  /**
   * This request with a limit on generated tokens.
   *
   * @param limit the most tokens to generate, positive
   * @return a new request; this one is unchanged
   */
  public LlmRequest withMaxTokens(int limit) {
    return new LlmRequest(
        messages, tools, outputMode, responseSchema, OptionalInt.of(limit), temperature,
        parallelToolCalls);
  }

  /**
   * This request with a sampling temperature.
   *
   * @param value the temperature, 0 to 2
   * @return a new request; this one is unchanged
   */
  public LlmRequest withTemperature(double value) {
    return new LlmRequest(
        messages, tools, outputMode, responseSchema, maxTokens, OptionalDouble.of(value),
        parallelToolCalls);
  }

  /**
   * This request allowing, or not, several tool calls in one answer. A caller that reads one
   * step per turn says {@code false}, so the provider sends at most one call.
   *
   * @param allowed whether the model may call several tools at once
   * @return a new request; this one is unchanged
   */
  public LlmRequest withParallelToolCalls(boolean allowed) {
    return new LlmRequest(
        messages, tools, outputMode, responseSchema, maxTokens, temperature,
        Optional.of(allowed));
  }
}
