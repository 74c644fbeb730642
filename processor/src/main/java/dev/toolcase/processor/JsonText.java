package dev.toolcase.processor;

import java.util.List;
import java.util.Map;

/**
 * Writes schema values as compact JSON: {@code Map} (insertion order kept), {@code List},
 * {@code String}, {@code Boolean}, {@code Integer} and {@code null}. The processor has no JSON
 * library on its path, and schemas need nothing more.
 */
final class JsonText {

  /** A number written as its text, such as a constraint's bound. */
  record Number(String text) {
    Number {
      java.math.BigDecimal value = new java.math.BigDecimal(text);
      String plain = value.toPlainString();
      text = plain.length() <= 24 ? plain : value.toString();
    }
  }

  private JsonText() {}

  /** The value as compact JSON text. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case String text -> string(text, out);
      case Boolean flag -> out.append(flag);
      case Integer number -> out.append(number);
      case Number number -> out.append(number.text());
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string((String) entry.getKey(), out);
          out.append(':');
          write(entry.getValue(), out);
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(list.get(i), out);
        }
        out.append(']');
      }
      default -> throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
