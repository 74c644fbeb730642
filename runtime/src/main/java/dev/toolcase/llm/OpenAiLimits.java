package dev.toolcase.llm;

import dev.toolcase.json.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's documented limits on one request: at most 128 functions, and a strict response schema
 * within its nesting, property, enum and text limits. A request beyond them would be answered
 * with a 400 after a round trip; it is refused here, before it is sent, with what to change. The
 * processor warns of a prompt that could break them ({@code toolcase:tool-count},
 * {@code toolcase:union-limits}).
 */
final class OpenAiLimits {

  /** Functions in one request. */
  static final int MAX_TOOLS = 128;
  /** Levels of object nesting in a strict schema. */
  static final int MAX_DEPTH = 10;
  /** Object properties in a strict schema. */
  static final int MAX_PROPERTIES = 5_000;
  /** Enum values in a strict schema. */
  static final int MAX_ENUM_VALUES = 1_000;
  /** Characters of property names, enum values and constants in a strict schema. */
  static final int MAX_STRING_LENGTH = 120_000;

  private OpenAiLimits() {}

  /**
   * Refuses a request OpenAI would refuse.
   *
   * @throws LlmException naming each limit broken, before anything is sent
   */
  static void check(LlmRequest request, String endpoint) {
    List<String> problems = new ArrayList<>();
    int tools = Json.readTree(request.tools().openAiTools()).size();
    if (tools > MAX_TOOLS) {
      problems.add(tools + " tools, but OpenAI accepts at most " + MAX_TOOLS
          + " functions in one request; offer fewer tools, or split the prompt into smaller agents");
    }
    request.responseSchema().ifPresent(schema -> {
      Counter counter = new Counter();
      counter.walk(Json.readTree(schema.schema()), 0);
      String what = "the response schema " + schema.name() + " has ";
      if (counter.depth > MAX_DEPTH) {
        problems.add(what + counter.depth + " levels of nesting (at most " + MAX_DEPTH + ")");
      }
      if (counter.properties > MAX_PROPERTIES) {
        problems.add(what + counter.properties + " properties (at most " + MAX_PROPERTIES + ")");
      }
      if (counter.enumValues > MAX_ENUM_VALUES) {
        problems.add(what + counter.enumValues + " enum values (at most " + MAX_ENUM_VALUES + ")");
      }
      if (counter.stringLength > MAX_STRING_LENGTH) {
        problems.add(what + counter.stringLength + " characters of names and values (at most "
            + MAX_STRING_LENGTH + ")");
      }
    });
    if (!problems.isEmpty()) {
      String message = String.join("; ", problems);
      throw new LlmException("POST " + endpoint + " not sent: " + message
          + ". OpenAI would answer 400.", LlmException.NO_STATUS, "refused_before_sending",
          message, false, 0, null);
    }
  }

  /** Counts what the limits are about, as OpenAI documents them. */
  private static final class Counter {
    int depth;
    int properties;
    int enumValues;
    int stringLength;

    void walk(JsonNode node, int level) {
      if (node == null) {
        return;
      }
      if (node.isArray()) {
        node.forEach(item -> walk(item, level));
        return;
      }
      if (!node.isObject()) {
        return;
      }
      int here = "object".equals(node.path("type").asString("")) ? level + 1 : level;
      depth = Math.max(depth, here);
      JsonNode props = node.get("properties");
      if (props != null && props.isObject()) {
        for (String name : props.propertyNames()) {
          properties++;
          stringLength += name.length();
          walk(props.get(name), here);
        }
      }
      JsonNode values = node.get("enum");
      if (values != null && values.isArray()) {
        for (JsonNode value : values) {
          enumValues++;
          if (value.isString()) {
            stringLength += value.asString().length();
          }
        }
      }
      JsonNode constant = node.get("const");
      if (constant != null && constant.isString()) {
        stringLength += constant.asString().length();
      }
      walk(node.get("items"), here);
      walk(node.get("anyOf"), here);
    }
  }
}
