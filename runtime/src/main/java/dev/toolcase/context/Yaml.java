package dev.toolcase.context;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Renders JSON values in a YAML-like shape for prompts: {@code key: value} lines, nested objects
 * indented, lists of scalars inline, strings unquoted unless quoting is needed to read them back.
 * Fewer tokens than JSON and easier for a model to read; it is not a YAML serializer.
 */
final class Yaml {

  private static final String INDENT = "  ";

  private Yaml() {}

  /** {@code value} as lines, each starting with {@code indent}; a scalar as its text. */
  static String render(JsonNode value) {
    StringBuilder out = new StringBuilder();
    if (value.isObject()) {
      object(value, "", out);
    } else if (value.isArray() && !scalars(value)) {
      array(value, "", out);
    } else {
      out.append(inline(value)).append('\n');
    }
    return out.toString();
  }

  /** A scalar, or a list of scalars, on one line. */
  static String inline(JsonNode value) {
    if (value.isArray()) {
      StringBuilder flow = new StringBuilder("[");
      for (int i = 0; i < value.size(); i++) {
        flow.append(i == 0 ? "" : ", ").append(scalar(value.get(i), true));
      }
      return flow.append(']').toString();
    }
    return scalar(value, false);
  }

  /** Whether {@code value} fits on one line. */
  static boolean isInline(JsonNode value) {
    return value.isValueNode() && !multiLine(value) || value.isArray() && scalars(value);
  }

  private static void object(JsonNode object, String indent, StringBuilder out) {
    if (object.isEmpty()) {
      out.append(indent).append("{}\n");
      return;
    }
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      member(entry.getKey(), entry.getValue(), indent, out);
    }
  }

  /** One {@code key: value} member at {@code indent}. */
  static void member(String key, JsonNode value, String indent, StringBuilder out) {
    out.append(indent).append(key).append(':');
    if (isInline(value)) {
      out.append(' ').append(inline(value)).append('\n');
    } else if (value.isValueNode()) {
      out.append(" |\n");
      value.stringValue().lines().forEach(line -> out.append(indent).append(INDENT).append(line).append('\n'));
    } else if (value.isObject()) {
      out.append(value.isEmpty() ? " {}\n" : "\n");
      if (!value.isEmpty()) {
        object(value, indent + INDENT, out);
      }
    } else {
      out.append('\n');
      array(value, indent + INDENT, out);
    }
  }

  private static void array(JsonNode array, String indent, StringBuilder out) {
    for (JsonNode item : array) {
      if (isInline(item)) {
        out.append(indent).append("- ").append(inline(item)).append('\n');
      } else {
        StringBuilder nested = new StringBuilder();
        if (item.isObject()) {
          object(item, indent + INDENT, nested);
        } else if (item.isArray()) {
          array(item, indent + INDENT, nested);
        } else {
          item.stringValue().lines().forEach(line -> nested.append(indent).append(INDENT).append(line).append('\n'));
        }
        // The first line of the item goes after the dash.
        out.append(indent).append("- ").append(nested.substring(indent.length() + INDENT.length()));
      }
    }
  }

  private static boolean scalars(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isValueNode() || multiLine(item)) {
        return false;
      }
    }
    return true;
  }

  private static boolean multiLine(JsonNode value) {
    return value.isString() && value.stringValue().indexOf('\n') >= 0;
  }

  private static String scalar(JsonNode value, boolean inFlow) {
    if (!value.isString()) {
      return value.isNull() ? "null" : value.asString();
    }
    String text = value.stringValue();
    return plain(text, inFlow) ? text : quoted(text);
  }

  /** Whether a string reads back as itself without quotes. */
  private static boolean plain(String text, boolean inFlow) {
    if (text.isEmpty() || !text.strip().equals(text) || text.indexOf('\n') >= 0) {
      return false;
    }
    if ("-?[]{}#&*!|>'\"%@`,".indexOf(text.charAt(0)) >= 0 || text.contains(": ") || text.contains(" #")
        || text.endsWith(":")) {
      return false;
    }
    if (inFlow && (text.contains(",") || text.contains("]") || text.contains("["))) {
      return false;
    }
    return !(text.equals("true") || text.equals("false") || text.equals("null")
        || text.matches("[-+]?[0-9][0-9_.eE+-]*"));
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
