package dev.toolcase.example;

import dev.toolcase.json.Json;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI chat-completion response bodies, shaped as the API documents them, for scripted tests. */
final class Responses {

  private static int next = 1;

  private Responses() {}

  /** A response whose message calls one tool. */
  static String toolCall(String name, String argumentsJson) {
    ObjectNode body = envelope("tool_calls");
    ObjectNode message = (ObjectNode) body.get("choices").get(0).get("message");
    message.putNull("content");
    ObjectNode call = message.putArray("tool_calls").addObject();
    call.put("id", "call_" + Integer.toHexString(1000 + next++));
    call.put("type", "function");
    call.putObject("function").put("name", name).put("arguments", argumentsJson);
    return Json.write(body);
  }

  /** A response whose message calls several tools at once, as OpenAI sends parallel calls. */
  static String toolCalls(List<String> names, List<String> arguments) {
    ObjectNode body = envelope("tool_calls");
    ObjectNode message = (ObjectNode) body.get("choices").get(0).get("message");
    message.putNull("content");
    var calls = message.putArray("tool_calls");
    for (int i = 0; i < names.size(); i++) {
      ObjectNode call = calls.addObject();
      call.put("id", "call_" + Integer.toHexString(1000 + next++));
      call.put("type", "function");
      call.putObject("function").put("name", names.get(i)).put("arguments", arguments.get(i));
    }
    return Json.write(body);
  }

  /** A response whose message is text. */
  static String text(String content) {
    ObjectNode body = envelope("stop");
    ((ObjectNode) body.get("choices").get(0).get("message")).put("content", content);
    return Json.write(body);
  }

  private static ObjectNode envelope(String finishReason) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("id", "chatcmpl-test" + next++).put("object", "chat.completion")
        .put("created", 1764028800).put("model", "gpt-4.1-2025-04-14");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.putNull("refusal");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    body.putObject("usage").put("prompt_tokens", 300).put("completion_tokens", 20).put("total_tokens", 320);
    return body;
  }
}
