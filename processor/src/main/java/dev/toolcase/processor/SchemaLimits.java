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

  /**
   * A limit broken.
   *
   * @param message the diagnostic for one tool's schema
   * @param what what was counted, for a summary
   * @param value how much the schema has
   * @param limit how much OpenAI allows
   */
  record Breach(Message message, String what, int value, int limit) {

    /** The message's arguments for the schema of {@code subject}. */
    Object[] arguments(String subject) {
      return new Object[] {subject, value, limit};
    }

    /** The breach in a few words: {@code 6200 properties (at most 5000)}. */
    String summary() {
      return value + " " + what + " (at most " + limit + ")";
    }
  }

  /** Every limit {@code measure} breaks; empty when within them all. */
  static List<Breach> breaches(Measure measure) {
    List<Breach> breaches = new ArrayList<>();
    if (measure.depth() > MAX_DEPTH) {
      breaches.add(new Breach(Message.SCHEMA_DEPTH, "levels of nesting", measure.depth(), MAX_DEPTH));
    }
    if (measure.properties() > MAX_PROPERTIES) {
      breaches.add(new Breach(Message.SCHEMA_PROPERTIES, "properties", measure.properties(),
          MAX_PROPERTIES));
    }
    if (measure.enumValues() > MAX_ENUM_VALUES) {
      breaches.add(new Breach(Message.SCHEMA_ENUM_VALUES, "enum values", measure.enumValues(),
          MAX_ENUM_VALUES));
    }
    if (measure.stringLength() > MAX_STRING_LENGTH) {
      breaches.add(new Breach(Message.SCHEMA_STRING_LENGTH, "characters of names and values",
          measure.stringLength(), MAX_STRING_LENGTH));
    }
    return breaches;
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
