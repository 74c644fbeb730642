package dev.toolcase.llm;

import dev.toolcase.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads an OpenAI chat completion body. Shared by {@link OpenAiClient} and
 * {@link ScriptedLlmClient}, so recordings are read exactly like live answers.
 */
final class OpenAiResponseParser {

  private OpenAiResponseParser() {}

  /**
   * The response in the body; only the first choice is read.
   *
   * @throws MalformedResponse if the body is not a chat completion
   */
  static LlmResponse parse(String body) {
    JsonNode root = ResponseTrees.object(body);
    JsonNode choice = root.path("choices").path(0);
    JsonNode message = choice.path("message");
    if (!message.isObject()) {
      throw ResponseTrees.missing(root, "choices[0].message");
    }
    String finishReason = ResponseTrees.textOrNull(choice.path("finish_reason"));
    JsonNode usage = root.path("usage");
    return new LlmResponse(
        content(message.path("content")),
        toolCalls(message.path("tool_calls")),
        ResponseTrees.textOrNull(message.path("refusal")),
        FinishReason.of(finishReason),
        finishReason,
        new Usage(
            ResponseTrees.count(usage.path("prompt_tokens")),
            ResponseTrees.count(usage.path("completion_tokens"))),
        body);
  }

  /** A string, or the text parts of a content array joined; null when absent. */
  private static String content(JsonNode content) {
    if (content.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode part : content) {
        if (part.path("text").isString()) {
          text.append(part.path("text").stringValue());
        }
      }
      return text.toString();
    }
    return ResponseTrees.textOrNull(content);
  }

  private static List<ToolCall> toolCalls(JsonNode calls) {
    if (calls.isMissingNode() || calls.isNull()) {
      return List.of();
    }
    if (!calls.isArray()) {
      throw new MalformedResponse("choices[0].message.tool_calls is not an array");
    }
    List<ToolCall> result = new ArrayList<>();
    int index = 0;
    for (JsonNode call : calls) {
      JsonNode function = call.path("function");
      String name = ResponseTrees.textOrNull(function.path("name"));
      if (name == null || name.isBlank()) {
        throw new MalformedResponse("tool_calls[" + index + "] has no function.name");
      }
      // Some OpenAI-compatible servers omit the id; the position stands in for it.
      String id = ResponseTrees.textOrNull(call.path("id"));
      result.add(new ToolCall(
          id == null || id.isBlank() ? "call_" + index : id, name, arguments(function)));
      index++;
    }
    return result;
  }

  /** The arguments string; an object (sent by some compatible servers) is written as JSON. */
  private static String arguments(JsonNode function) {
    JsonNode arguments = function.path("arguments");
    if (arguments.isString()) {
      return arguments.stringValue();
    }
    return arguments.isMissingNode() || arguments.isNull() ? "{}" : Json.write(arguments);
  }
}
