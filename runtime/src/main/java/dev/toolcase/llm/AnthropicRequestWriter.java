package dev.toolcase.llm;

import dev.toolcase.ParseException;
import dev.toolcase.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a request as an Anthropic Messages body.
 *
 * <p>System messages, wherever they are, join the top-level {@code system}. Tool results become
 * {@code tool_result} blocks of a user message, and consecutive messages of the same side merge
 * into one message, so the results of several calls travel together as the API requires.
 */
final class AnthropicRequestWriter {

  /** What JSON_SCHEMA mode adds to the system prompt, since the API has no response format. */
  static final String JSON_INSTRUCTION =
      "Answer with one JSON value that matches this JSON Schema, and nothing else:\n";

  private AnthropicRequestWriter() {}

  /** The body for the given request, limited to {@code defaultMaxTokens} unless it sets a limit. */
  static String write(LlmRequest request, String model, int defaultMaxTokens) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", model);
    body.put("max_tokens", request.maxTokens().orElse(defaultMaxTokens));
    String system = system(request);
    if (!system.isEmpty()) {
      body.put("system", system);
    }
    body.set("messages", messages(request.messages()));
    if (!request.tools().isEmpty()) {
      body.set("tools", Json.readTree(request.tools().anthropicTools()));
    }
    if (request.outputMode() == OutputMode.TOOLS) {
      ObjectNode choice = body.putObject("tool_choice").put("type", "any");
      request.parallelToolCalls().ifPresent(allowed -> choice.put("disable_parallel_tool_use", !allowed));
    } else if (!request.tools().isEmpty() && request.parallelToolCalls().isPresent()) {
      body.putObject("tool_choice").put("type", "auto")
          .put("disable_parallel_tool_use", !request.parallelToolCalls().get());
    }
    request.temperature().ifPresent(value -> body.put("temperature", value));
    return Json.write(body);
  }

  private static String system(LlmRequest request) {
    List<String> parts = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      if (message.role() == ChatMessage.Role.SYSTEM) {
        parts.add(message.content());
      }
    }
    request.responseSchema().ifPresent(schema -> parts.add(JSON_INSTRUCTION + schema.schema()));
    return String.join("\n\n", parts);
  }

  private static ArrayNode messages(List<ChatMessage> messages) {
    ArrayNode result = Json.mapper().createArrayNode();
    String lastRole = null;
    ArrayNode blocks = null;
    for (ChatMessage message : messages) {
      if (message.role() == ChatMessage.Role.SYSTEM) {
        continue;
      }
      String role = message.role() == ChatMessage.Role.ASSISTANT ? "assistant" : "user";
      if (!role.equals(lastRole)) {
        ObjectNode node = result.addObject().put("role", role);
        blocks = node.putArray("content");
        lastRole = role;
      }
      addBlocks(blocks, message);
    }
    return result;
  }

  private static void addBlocks(ArrayNode blocks, ChatMessage message) {
    switch (message.role()) {
      case TOOL -> blocks.addObject()
          .put("type", "tool_result")
          .put("tool_use_id", message.toolCallId())
          .put("content", message.content());
      case USER, ASSISTANT -> {
        // The API rejects empty text blocks.
        if (message.content() != null && !message.content().isEmpty()) {
          blocks.addObject().put("type", "text").put("text", message.content());
        }
        for (ToolCall call : message.toolCalls()) {
          blocks.addObject()
              .put("type", "tool_use")
              .put("id", call.id())
              .put("name", call.name())
              .set("input", input(call.argumentsJson()));
        }
      }
      case SYSTEM -> throw new IllegalStateException("system messages go to the system field");
    }
  }

  /**
   * The arguments as the object {@code input} must be. Malformed arguments are kept, wrapped, so
   * one bad call in the history does not make every later request fail.
   */
  private static JsonNode input(String argumentsJson) {
    try {
      JsonNode tree = Json.readTree(argumentsJson);
      if (tree.isObject()) {
        return tree;
      }
    } catch (ParseException e) {
      // Wrapped below.
    }
    return Json.mapper().createObjectNode().put("invalid_arguments", argumentsJson);
  }
}
