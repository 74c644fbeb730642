package dev.toolcase.llm;

/** How the model is asked to shape its answer. */
public enum OutputMode {
  /**
   * Native tool calling, and the model must call one: OpenAI {@code tool_choice: "required"},
   * Anthropic {@code tool_choice: {"type": "any"}}. The request needs at least one tool.
   */
  TOOLS,
  /**
   * One JSON value matching {@link LlmRequest#responseSchema()}: OpenAI {@code response_format}
   * with a strict JSON schema. Anthropic has no equivalent, so its client appends the schema and
   * the instruction to answer with JSON only to the system prompt, and the caller parses the text.
   */
  JSON_SCHEMA,
  /** Free text. Tools, if any, are offered but optional. */
  TEXT
}
