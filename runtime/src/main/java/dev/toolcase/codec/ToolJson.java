package dev.toolcase.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The schemas and provider tool definitions of a prompt, put together at class initialisation
 * from the pieces the processor writes once per tool: so no generated constant grows with the
 * number of tools, and each description is written once in each definition.
 */
public final class ToolJson {

  /** The discriminator of a tool in its union: {@code intent}. */
  public static final String INTENT = "intent";
  /** The property that wraps the union in its schema: {@code next_step}. */
  public static final String WRAPPER = "next_step";

  private ToolJson() {}

  /**
   * One tool's pieces.
   *
   * @param name the tool's name for providers, its intent
   * @param description what it does, for the model; may be empty
   * @param properties the inside of its parameters' {@code properties} object, as JSON
   *     ({@code "tag":{...},"environment":{...}}); empty for none
   * @param required the inside of its {@code required} array, as JSON ({@code "tag","environment"})
   * @param kind what the member is to the agent: a tool to run (with or without approval), a
   *     question for a human, or the final answer
   */
  public record Tool(
      String name, String description, String properties, String required, StepKind kind) {
    /** Checks the pieces are present. */
    public Tool {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(properties, "properties");
      Objects.requireNonNull(required, "required");
      Objects.requireNonNull(kind, "kind");
    }

    /**
     * A tool the agent runs without asking anyone.
     *
     * @param name the tool's name for providers, its intent
     * @param description what it does, for the model; may be empty
     * @param properties the inside of its parameters' {@code properties} object, as JSON
     * @param required the inside of its {@code required} array, as JSON
     */
    public Tool(String name, String description, String properties, String required) {
      this(name, description, properties, required, StepKind.TOOL);
    }
  }

  /**
   * The schema of a tool's arguments, for a provider's tool definition: no description (the
   * definition has it) and no intent (the call's name is it).
   *
   * @param tool the tool
   * @return the schema
   */
  public static String parameters(Tool tool) {
    return "{\"type\":\"object\",\"properties\":{" + tool.properties() + "},\"required\":["
        + tool.required() + "],\"additionalProperties\":false}";
  }

  /**
   * The schema of a tool as a step on its own: with its description, and its intent as a
   * constant property.
   *
   * @param tool the tool
   * @return the schema
   */
  public static String schema(Tool tool) {
    StringBuilder schema = new StringBuilder(tool.properties().length() + 200);
    schema.append("{\"type\":\"object\",");
    if (!tool.description().isEmpty()) {
      schema.append("\"description\":").append(quoted(tool.description())).append(',');
    }
    schema.append("\"properties\":{\"" + INTENT + "\":{\"type\":\"string\",\"const\":")
        .append(quoted(tool.name())).append('}');
    if (!tool.properties().isEmpty()) {
      schema.append(',').append(tool.properties());
    }
    schema.append("},\"required\":[\"" + INTENT + "\"");
    if (!tool.required().isEmpty()) {
      schema.append(',').append(tool.required());
    }
    return schema.append("],\"additionalProperties\":false}").toString();
  }

  /**
   * Each tool's {@link #schema}, by intent, in order.
   *
   * @param tools the tools
   * @return the schemas
   */
  public static Map<String, String> schemas(List<Tool> tools) {
    Map<String, String> schemas = new LinkedHashMap<>();
    for (Tool tool : tools) {
      schemas.put(tool.name(), schema(tool));
    }
    return Collections.unmodifiableMap(schemas);
  }

  /**
   * The union as a strict response format: an object whose {@code next_step} is any of the
   * tools (strict mode allows no {@code anyOf} at the root).
   *
   * @param schemas each tool's schema
   * @return the schema
   */
  public static String union(Map<String, String> schemas) {
    StringBuilder union = new StringBuilder(256);
    union.append("{\"type\":\"object\",\"properties\":{\"" + WRAPPER + "\":{\"anyOf\":[");
    String separator = "";
    for (String schema : schemas.values()) {
      union.append(separator).append(schema);
      separator = ",";
    }
    return union.append("]}},\"required\":[\"" + WRAPPER + "\"],\"additionalProperties\":false}")
        .toString();
  }

  /** The property that holds several steps in {@link #steps}: {@code next_steps}. */
  public static final String STEPS_WRAPPER = "next_steps";

  /**
   * Several steps as a strict response format: an object whose {@code next_steps} is an array of
   * any of the tools.
   *
   * @param schemas each tool's schema
   * @return the schema
   */
  public static String steps(Map<String, String> schemas) {
    return "{\"type\":\"object\",\"properties\":{\"" + STEPS_WRAPPER
        + "\":{\"type\":\"array\",\"items\":" + anyOf(schemas) + "}},\"required\":[\""
        + STEPS_WRAPPER + "\"],\"additionalProperties\":false}";
  }

  /**
   * Any of the steps, as a schema: {@code {"anyOf": [...]}}, for a structured answer that holds
   * steps of its prompt (a plan).
   *
   * @param schemas each tool's schema
   * @return the schema
   */
  public static String anyOf(Map<String, String> schemas) {
    return "{\"anyOf\":[" + String.join(",", schemas.values()) + "]}";
  }

  /**
   * The tools as OpenAI chat-completions {@code tools}, each {@code strict}.
   *
   * @param tools the tools
   * @return a JSON array of function definitions
   */
  public static String openAi(List<Tool> tools) {
    StringBuilder array = new StringBuilder(256).append('[');
    String separator = "";
    for (Tool tool : tools) {
      array.append(separator).append("{\"type\":\"function\",\"function\":{\"name\":")
          .append(quoted(tool.name())).append(",\"description\":").append(quoted(tool.description()))
          .append(",\"parameters\":").append(parameters(tool)).append(",\"strict\":true}}");
      separator = ",";
    }
    return array.append(']').toString();
  }

  /**
   * The tools as Anthropic messages {@code tools}.
   *
   * @param tools the tools
   * @return a JSON array of {@code {name, description, input_schema}}
   */
  public static String anthropic(List<Tool> tools) {
    StringBuilder array = new StringBuilder(256).append('[');
    String separator = "";
    for (Tool tool : tools) {
      array.append(separator).append("{\"name\":").append(quoted(tool.name()))
          .append(",\"description\":").append(quoted(tool.description()))
          .append(",\"input_schema\":").append(parameters(tool)).append('}');
      separator = ",";
    }
    return array.append(']').toString();
  }

  /**
   * Joins the parts of a text too long for one constant of a class file (javac refuses a string
   * constant over 65,535 bytes).
   *
   * @param parts the parts, in order
   * @return the text
   */
  public static String join(String... parts) {
    return String.join("", parts);
  }

  private static String quoted(String text) {
    return JsonWriter.write(out -> out.value(text));
  }
}
