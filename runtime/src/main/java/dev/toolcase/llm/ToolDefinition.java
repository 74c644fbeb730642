package dev.toolcase.llm;

import dev.toolcase.ParseException;
import dev.toolcase.json.Json;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool described by hand. Generated code does not need this: it renders both providers' tool
 * arrays itself and passes them to {@link ToolSet#rendered(String, String)}.
 *
 * @param name the tool's name, 1 to 64 letters, digits, {@code _} or {@code -}
 * @param description what the tool does, for the model
 * @param parametersSchema the JSON Schema of the arguments, as text; its root is an object
 * @param strict whether OpenAI should enforce the schema exactly ({@code strict: true}); the schema
 *     must then be in OpenAI's strict subset. Anthropic ignores it.
 */
public record ToolDefinition(
    String name, String description, String parametersSchema, boolean strict) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Validates the name and that the schema is a JSON object. */
  public ToolDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(parametersSchema, "parametersSchema");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "tool name '" + name + "' must be 1 to 64 letters, digits, '_' or '-'");
    }
    try {
      if (!Json.readTree(parametersSchema).isObject()) {
        throw new IllegalArgumentException(
            "the parameters schema of " + name + " is not an object");
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "the parameters schema of " + name + " is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * A tool whose schema OpenAI enforces strictly.
   *
   * @param name the tool's name, 1 to 64 letters, digits, {@code _} or {@code -}
   * @param description what the tool does, for the model
   * @param parametersSchema the JSON Schema of the arguments, as text; its root is an object
   */
  public ToolDefinition(String name, String description, String parametersSchema) {
    this(name, description, parametersSchema, true);
  }
}
