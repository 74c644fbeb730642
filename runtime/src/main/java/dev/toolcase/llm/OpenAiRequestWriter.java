package dev.toolcase.llm;

import dev.toolcase.json.Json;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a request as an OpenAI chat completions body. */
final class OpenAiRequestWriter {

  private OpenAiRequestWriter() {}

  /**
   * The body for the given request.
   *
   * @param model the model name
   * @param maxTokensField the name of the token limit field ({@code max_completion_tokens}, or
   *     {@code max_tokens} for servers that know only that)
   */
  static String write(LlmRequest request, String model, String maxTokensField) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage message : request.messages()) {
      messages.add(message(message));
    }
    if (!request.tools().isEmpty()) {
      body.set("tools", Json.readTree(request.tools().openAiTools()));
      request.parallelToolCalls().ifPresent(allowed -> body.put("parallel_tool_calls", allowed));
    }
    switch (request.outputMode()) {
      case TOOLS -> body.put("tool_choice", "required");
      case JSON_SCHEMA -> {
        ResponseSchema schema = request.responseSchema().orElseThrow();
        ObjectNode jsonSchema =
            body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
        jsonSchema.put("name", schema.name());
        jsonSchema.set("schema", Json.readTree(schema.schema()));
        jsonSchema.put("strict", true);
      }
      case TEXT -> {
        // Tools, if any, stay optional: OpenAI's default tool_choice is "auto".
      }
    }
    request.maxTokens().ifPresent(limit -> body.put(maxTokensField, limit));
    request.temperature().ifPresent(value -> body.put("temperature", value));
    return Json.write(body);
  }

  private static ObjectNode message(ChatMessage message) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("role", message.role().name().toLowerCase(Locale.ROOT));
    if (message.content() == null) {
      node.putNull("content");
    } else {
      node.put("content", message.content());
    }
    if (!message.toolCalls().isEmpty()) {
      ArrayNode calls = node.putArray("tool_calls");
      for (ToolCall call : message.toolCalls()) {
        ObjectNode function = calls.addObject().put("id", call.id()).put("type", "function")
            .putObject("function");
        function.put("name", call.name()).put("arguments", call.argumentsJson());
      }
    }
    if (message.toolCallId() != null) {
      node.put("tool_call_id", message.toolCallId());
    }
    return node;
  }
}
