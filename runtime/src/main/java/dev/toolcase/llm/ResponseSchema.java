package dev.toolcase.llm;

import dev.toolcase.ParseException;
import dev.toolcase.json.Json;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The JSON Schema an answer must match in {@link OutputMode#JSON_SCHEMA}, such as a generated
 * {@code XTools.UNION_SCHEMA}. OpenAI receives it with {@code strict: true}, so it must be in
 * OpenAI's strict subset.
 *
 * @param name a name for the schema, 1 to 64 letters, digits, {@code _} or {@code -}
 * @param schema the schema as JSON text; its root is an object
 */
public record ResponseSchema(String name, String schema) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Validates the name and that the schema is a JSON object. */
  public ResponseSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "schema name '" + name + "' must be 1 to 64 letters, digits, '_' or '-'");
    }
    try {
      if (!Json.readTree(schema).isObject()) {
        throw new IllegalArgumentException("the response schema " + name + " is not an object");
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "the response schema " + name + " is not JSON: " + e.getMessage(), e);
    }
  }
}
