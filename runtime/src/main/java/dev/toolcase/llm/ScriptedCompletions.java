package dev.toolcase.llm;

import dev.toolcase.json.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat completion bodies in OpenAI's documented shape, for {@link ScriptedLlmClient}'s scripts
 * written from typed steps or text.
 */
final class ScriptedCompletions {

  private ScriptedCompletions() {}

  /** A completion whose message calls one tool; {@code n} numbers the ids. */
  static String toolCall(int n, String name, String argumentsJson) {
    return toolCalls(n, List.of(name), List.of(argumentsJson));
  }

  /**
   * A completion whose message calls several tools at once, as OpenAI sends parallel calls;
   * {@code n} and the call's place number the ids.
   */
  static String toolCalls(int n, List<String> names, List<String> arguments) {
    ObjectNode message = message();
    message.putNull("content");
    ArrayNode calls = message.putArray("tool_calls");
    for (int i = 0; i < names.size(); i++) {
      ObjectNode call = calls.addObject();
      call.put("id", "call_scripted_" + n + (names.size() == 1 ? "" : "_" + (i + 1)))
          .put("type", "function");
      call.putObject("function").put("name", names.get(i)).put("arguments", arguments.get(i));
    }
    message.putNull("refusal");
    return completion(n, message, "tool_calls");
  }

  /** A completion whose message is {@code text}. */
  static String text(int n, String text) {
    ObjectNode message = message();
    message.put("content", text);
    message.putNull("refusal");
    return completion(n, message, "stop");
  }

  private static ObjectNode message() {
    ObjectNode message = Json.mapper().createObjectNode();
    message.put("role", "assistant");
    return message;
  }

  private static String completion(int n, ObjectNode message, String finishReason) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("id", "chatcmpl-scripted-" + n).put("object", "chat.completion").put("created", 0)
        .put("model", "scripted");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    choice.set("message", message);
    choice.put("finish_reason", finishReason);
    body.putObject("usage").put("prompt_tokens", 0).put("completion_tokens", 0)
        .put("total_tokens", 0);
    return Json.write(body);
  }
}
