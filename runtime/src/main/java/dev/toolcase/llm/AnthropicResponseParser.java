package dev.toolcase.llm;

import dev.toolcase.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads an Anthropic Messages response body. */
final class AnthropicResponseParser {

  private AnthropicResponseParser() {}

  /**
   * The response in the body. Text blocks are joined; {@code tool_use} inputs are written to JSON
   * text; other blocks (such as thinking) are skipped.
   *
   * @throws MalformedResponse if the body is not a Messages response
   */
  static LlmResponse parse(String body) {
    JsonNode root = ResponseTrees.object(body);
    JsonNode content = root.path("content");
    if (!content.isArray()) {
      throw ResponseTrees.missing(root, "a content array");
    }
    StringBuilder text = new StringBuilder();
    boolean hasText = false;
    List<ToolCall> toolCalls = new ArrayList<>();
    int index = 0;
    for (JsonNode block : content) {
      switch (ResponseTrees.textOrNull(block.path("type"))) {
        case "text" -> {
          hasText = true;
          text.append(block.path("text").asString(""));
        }
        case "tool_use" -> toolCalls.add(toolCall(block, index));
        case null, default -> {
          // Thinking and other blocks are not part of the answer.
        }
      }
      index++;
    }
    String stopReason = ResponseTrees.textOrNull(root.path("stop_reason"));
    String answer = hasText ? text.toString() : null;
    boolean refused = "refusal".equals(stopReason);
    JsonNode usage = root.path("usage");
    return new LlmResponse(
        refused ? null : answer,
        toolCalls,
        refused ? (answer == null || answer.isEmpty() ? "stop_reason: refusal" : answer) : null,
        FinishReason.of(stopReason),
        stopReason,
        new Usage(
            ResponseTrees.count(usage.path("input_tokens"))
                + ResponseTrees.count(usage.path("cache_creation_input_tokens"))
                + ResponseTrees.count(usage.path("cache_read_input_tokens")),
            ResponseTrees.count(usage.path("output_tokens"))),
        body);
  }

  private static ToolCall toolCall(JsonNode block, int index) {
    String id = ResponseTrees.textOrNull(block.path("id"));
    String name = ResponseTrees.textOrNull(block.path("name"));
    if (id == null || id.isBlank() || name == null || name.isBlank()) {
      throw new MalformedResponse("content[" + index + "] is a tool_use without id or name");
    }
    JsonNode input = block.path("input");
    return new ToolCall(id, name, input.isMissingNode() ? "{}" : Json.write(input));
  }
}
