package dev.toolcase.mcp;

import dev.toolcase.ParseException;
import dev.toolcase.json.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Tool results: a handler's value as text and structured content, and errors as text. */
final class Results {

  private Results() {}

  /** A result with {@code isError}, whose text is {@code message}. */
  static CallToolResult error(String message) {
    return CallToolResult.builder().addTextContent(message).isError(true).build();
  }

  /**
   * A handler's value: a string as it is; anything else as JSON text, and a JSON object also as
   * structured content.
   */
  static CallToolResult of(Object value) {
    if (value instanceof String text) {
      return CallToolResult.builder().addTextContent(text).isError(false).build();
    }
    JsonNode tree = Json.mapper().valueToTree(value);
    CallToolResult.Builder result = CallToolResult.builder().addTextContent(Json.write(tree))
        .isError(false);
    if (tree.isObject()) {
      result.structuredContent(Json.mapper().convertValue(tree, Map.class));
    }
    return result.build();
  }

  /** A result that is an object: its JSON as text and as structured content. */
  static CallToolResult object(Map<String, Object> content, String text, boolean error) {
    return CallToolResult.builder().addTextContent(text).structuredContent(content)
        .isError(error).build();
  }

  /**
   * The call's arguments as JSON text, for the codec.
   *
   * @throws ParseException if they are larger than the limit
   */
  static String arguments(McpJsonMapper json, CallToolRequest request, McpTools.Limits limits) {
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    String text;
    try {
      text = json.writeValueAsString(arguments);
    } catch (IOException e) {
      throw new ParseException("the arguments of " + request.name() + " are not JSON: "
          + e.getMessage());
    }
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > limits.maxArgumentBytes()) {
      throw new ParseException("the arguments of " + request.name() + " are " + bytes
          + " bytes; the most this server reads is " + limits.maxArgumentBytes());
    }
    return text;
  }

  /** An exception's message, or its type when it has none. */
  static String describe(RuntimeException e) {
    return e.getMessage() == null || e.getMessage().isBlank()
        ? e.getClass().getSimpleName() : e.getMessage();
  }
}
