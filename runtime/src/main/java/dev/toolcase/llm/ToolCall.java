package dev.toolcase.llm;

import java.util.Objects;

/**
 * One tool call the model asked for.
 *
 * <p>The arguments stay text, exactly as the model produced them (Anthropic's {@code input} object
 * is written to compact JSON): they may be malformed, and deciding what to do about that is the
 * parser's job, not the client's.
 *
 * @param id the provider's call id, echoed back with the tool's result
 * @param name the tool's name
 * @param argumentsJson the arguments as JSON text
 */
public record ToolCall(String id, String name, String argumentsJson) {

  /** Validates that all parts are present and the id and name are not blank. */
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(argumentsJson, "argumentsJson");
    if (id.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("a tool call needs a non-blank id and name");
    }
  }
}
