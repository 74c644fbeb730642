package dev.toolcase.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import java.util.List;
import java.util.Map;

/** Questions put to the user through MCP elicitation (form mode). */
final class Elicitation {

  /** The form of an approval: approve or not, and a comment. */
  static final Map<String, Object> APPROVAL = Map.of(
      "type", "object",
      "properties", Map.of(
          "approve", Map.of("type", "boolean", "title", "Approve",
              "description", "Run the call"),
          "comment", Map.of("type", "string", "title", "Comment",
              "description", "Why, for the agent (optional)")),
      "required", List.of("approve"));

  /** The form of an answer to a question: one text. */
  static final Map<String, Object> ANSWER = Map.of(
      "type", "object",
      "properties", Map.of(
          "answer", Map.of("type", "string", "title", "Answer",
              "description", "Your answer, for the agent")),
      "required", List.of("answer"));

  private Elicitation() {}

  /** Whether the client said it can be asked (its capabilities hold {@code elicitation}). */
  static boolean supported(McpSyncServerExchange exchange) {
    return exchange.getClientCapabilities() != null
        && exchange.getClientCapabilities().elicitation() != null;
  }

  /** Asks, and waits for the user's answer. */
  static ElicitResult ask(McpSyncServerExchange exchange, String message,
      Map<String, Object> form) {
    return exchange.createElicitation(ElicitFormRequest.builder(message, form).build());
  }

  /** A field of an accepted answer, or null. */
  static Object value(ElicitResult answer, String field) {
    return answer.content() == null ? null : answer.content().get(field);
  }
}
