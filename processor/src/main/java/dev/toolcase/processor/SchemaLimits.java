package dev.toolcase.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's documented limits on strict schemas, checked at compile time so a tool that breaks
 * them fails the build instead of a request at run time.
 */
final class SchemaLimits {

  /** Levels of object nesting. */
  static final int MAX_DEPTH = 10;
  /** Object properties in the whole schema. */
  static final int MAX_PROPERTIES = 5_000;
  /** Enum values in the whole schema. */
  static final int MAX_ENUM_VALUES = 1_000;
  /** Characters of property names, enum values and const values in the whole schema. */
  static final int MAX_STRING_LENGTH = 120_000;

  /** What one walk over a schema counted. */
  record Measure(int depth, int properties, int enumValues, int stringLength) {}

  private SchemaLimits() {}

  /** Counts what the limits are about. */
  static Measure measure(Map<String, Object> schema) {
    Counter counter = new Counter();
    counter.walk(schema, 0);
    return new Measure(counter.depth, counter.properties, counter.enumValues, counter.stringLength);
  }

  /** Messages for every limit {@code schema} of {@code subject} breaks; empty when within them. */
  static List<String> violations(String subject, Map<String, Object> schema) {
    Measure measure = measure(schema);
    List<String> problems = new ArrayList<>();
    if (measure.depth() > MAX_DEPTH) {
      problems.add(Messages.schemaLimit(
          "The schema of " + subject + " nests objects " + measure.depth() + " levels deep",
          MAX_DEPTH + " levels", "Flatten nested records."));
    }
    if (measure.properties() > MAX_PROPERTIES) {
      problems.add(Messages.schemaLimit(
          "The schema of " + subject + " has " + measure.properties() + " properties",
          MAX_PROPERTIES + " properties", "Split the tool into smaller tools."));
    }
    if (measure.enumValues() > MAX_ENUM_VALUES) {
      problems.add(Messages.schemaLimit(
          "The schema of " + subject + " has " + measure.enumValues() + " enum values",
          MAX_ENUM_VALUES + " in all", "Use a String and check the value in the handler."));
    }
    if (measure.stringLength() > MAX_STRING_LENGTH) {
      problems.add(Messages.schemaLimit(
          "The property names, enum values and constants of " + subject + " add up to "
              + measure.stringLength() + " characters",
          MAX_STRING_LENGTH + " characters", "Shorten names or split the tool."));
    }
    return problems;
  }

  private static final class Counter {
    int depth;
    int properties;
    int enumValues;
    int stringLength;

    @SuppressWarnings("unchecked") // schema values are the maps and lists SchemaWriter builds
    void walk(Object node, int level) {
      if (node instanceof List<?> list) {
        for (Object item : list) {
          walk(item, level);
        }
        return;
      }
      if (!(node instanceof Map<?, ?>)) {
        return;
      }
      Map<String, Object> schema = (Map<String, Object>) node;
      int here = isObject(schema) ? level + 1 : level;
      depth = Math.max(depth, here);
      if (schema.get("properties") instanceof Map<?, ?> props) {
        properties += props.size();
        for (Map.Entry<?, ?> entry : props.entrySet()) {
          stringLength += ((String) entry.getKey()).length();
          walk(entry.getValue(), here);
        }
      }
      if (schema.get("enum") instanceof List<?> values) {
        enumValues += values.size();
        for (Object value : values) {
          if (value instanceof String text) {
            stringLength += text.length();
          }
        }
      }
      if (schema.get("const") instanceof String constant) {
        stringLength += constant.length();
      }
      walk(schema.get("items"), here);
      walk(schema.get("anyOf"), here);
    }

    private static boolean isObject(Map<String, Object> schema) {
      return "object".equals(schema.get("type"));
    }
  }
}
