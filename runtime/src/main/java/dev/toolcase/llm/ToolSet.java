package dev.toolcase.llm;

import dev.toolcase.ParseException;
import dev.toolcase.json.Json;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools offered to the model, already rendered in both providers' shapes. Each client sends
 * its own array as it is, so generated tool definitions reach the wire unchanged.
 *
 * <p>Generated code passes {@code XTools.openAiTools()} and {@code XTools.anthropicTools()} to
 * {@link #rendered(String, String)}; hand-written tools go through {@link #of(List)}.
 *
 * @param openAiTools a JSON array of {@code {"type": "function", "function": {name, description,
 *     parameters, strict}}}
 * @param anthropicTools a JSON array of {@code {name, description, input_schema}}
 */
public record ToolSet(String openAiTools, String anthropicTools) {

  /** No tools. */
  public static final ToolSet NONE = new ToolSet("[]", "[]");

  /** Validates that both are JSON arrays of objects with the same number of tools. */
  public ToolSet {
    int openAi = objectCount(Objects.requireNonNull(openAiTools, "openAiTools"), "openAiTools");
    int anthropic =
        objectCount(Objects.requireNonNull(anthropicTools, "anthropicTools"), "anthropicTools");
    if (openAi != anthropic) {
      throw new IllegalArgumentException(
          "openAiTools has " + openAi + " tools but anthropicTools has " + anthropic);
    }
  }

  /**
   * Tools rendered elsewhere, typically by generated code.
   *
   * @param openAiTools the tools in OpenAI's shape, a JSON array
   * @param anthropicTools the tools in Anthropic's shape, a JSON array
   * @return the tool set
   */
  public static ToolSet rendered(String openAiTools, String anthropicTools) {
    return new ToolSet(openAiTools, anthropicTools);
  }

  /**
   * Renders hand-written tool definitions in both shapes, in the given order.
   *
   * @param tools the tool definitions
   * @return the tool set
   */
  public static ToolSet of(List<ToolDefinition> tools) {
    ArrayNode openAi = Json.mapper().createArrayNode();
    ArrayNode anthropic = Json.mapper().createArrayNode();
    for (ToolDefinition tool : tools) {
      JsonNode schema = Json.readTree(tool.parametersSchema());
      ObjectNode function = openAi.addObject().put("type", "function").putObject("function");
      function.put("name", tool.name()).put("description", tool.description());
      function.set("parameters", schema);
      function.put("strict", tool.strict());
      ObjectNode block = anthropic.addObject();
      block.put("name", tool.name()).put("description", tool.description());
      block.set("input_schema", schema);
    }
    return new ToolSet(Json.write(openAi), Json.write(anthropic));
  }

  /**
   * Whether no tool is offered.
   *
   * @return whether the set is empty
   */
  public boolean isEmpty() {
    return Json.readTree(openAiTools).isEmpty();
  }

  private static int objectCount(String json, String what) {
    JsonNode tree;
    try {
      tree = Json.readTree(json);
    } catch (ParseException e) {
      throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
    }
    if (!tree.isArray()) {
      throw new IllegalArgumentException(what + " must be a JSON array, got " + tree.getNodeType());
    }
    for (JsonNode tool : tree) {
      if (!tool.isObject()) {
        throw new IllegalArgumentException(what + " must hold only objects, got " + tool);
      }
    }
    return tree.size();
  }
}
