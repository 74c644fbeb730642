package dev.toolcase.codec;

import dev.toolcase.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads strict JSON (RFC 8259) into a {@link JsonValue} tree, keeping repeated names and each
 * number's text; an error names its line and column. For JSON a program wrote, and for the first
 * look at a model's output, which is clean JSON most of the time.
 */
public final class StrictJson {

  /** Nesting deeper than this is refused instead of recursing into a stack overflow. */
  public static final int MAX_DEPTH = 200;

  private final String text;
  private final int end;
  private int pos;

  private StrictJson(String text) {
    this.text = text;
    this.end = text.length();
  }

  /**
   * The one value in {@code text}, with nothing but whitespace around it.
   *
   * @param text strict JSON
   * @return the value
   * @throws ParseException naming where the text stops being JSON
   */
  public static JsonValue read(String text) {
    StrictJson reader = new StrictJson(text);
    reader.skipSpace();
    if (reader.pos >= reader.end) {
      throw new ParseException("expected a JSON value, got nothing");
    }
    JsonValue value = reader.value(0);
    reader.skipSpace();
    if (reader.pos < reader.end) {
      throw reader.fail("expected the end of the text after the value");
    }
    return value;
  }

  /**
   * The value, or {@code null} when {@code text} is not strict JSON.
   *
   * @param text any text
   * @return the value, or {@code null}
   */
  static JsonValue readOrNull(String text) {
    try {
      return read(text);
    } catch (ParseException e) {
      return null;
    }
  }

  private JsonValue value(int depth) {
    skipSpace();
    if (pos >= end) {
      throw fail("expected a value, got the end of the text");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> new JsonString(string());
      case 't' -> literal("true", JsonBoolean.TRUE);
      case 'f' -> literal("false", JsonBoolean.FALSE);
      case 'n' -> literal("null", JsonNull.INSTANCE);
      default -> number();
    };
  }

  private JsonObject object(int depth) {
    checkDepth(depth);
    pos++;
    List<JsonObject.Member> members = new ArrayList<>();
    skipSpace();
    if (pos < end && text.charAt(pos) == '}') {
      pos++;
      return new JsonObject(members);
    }
    while (true) {
      skipSpace();
      if (pos >= end || text.charAt(pos) != '"') {
        throw fail("expected a property name in double quotes");
      }
      String name = string();
      skipSpace();
      if (pos >= end || text.charAt(pos) != ':') {
        throw fail("expected ':' after the property name \"" + name + "\"");
      }
      pos++;
      members.add(new JsonObject.Member(name, value(depth)));
      skipSpace();
      if (pos >= end) {
        throw fail("expected ',' or '}', got the end of the text");
      }
      char c = text.charAt(pos++);
      if (c == '}') {
        return new JsonObject(members);
      }
      if (c != ',') {
        pos--;
        throw fail("expected ',' or '}' after a member of the object");
      }
    }
  }

  private JsonArray array(int depth) {
    checkDepth(depth);
    pos++;
    List<JsonValue> elements = new ArrayList<>();
    skipSpace();
    if (pos < end && text.charAt(pos) == ']') {
      pos++;
      return new JsonArray(elements);
    }
    while (true) {
      elements.add(value(depth));
      skipSpace();
      if (pos >= end) {
        throw fail("expected ',' or ']', got the end of the text");
      }
      char c = text.charAt(pos++);
      if (c == ']') {
        return new JsonArray(elements);
      }
      if (c != ',') {
        pos--;
        throw fail("expected ',' or ']' after an element of the array");
      }
    }
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw fail("JSON nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private JsonValue literal(String word, JsonValue value) {
    if (!text.startsWith(word, pos)) {
      throw fail("expected a value");
    }
    pos += word.length();
    return value;
  }

  private JsonNumber number() {
    int after = numberEnd(text, pos, end);
    if (after < 0) {
      throw fail("expected a value");
    }
    String number = text.substring(pos, after);
    pos = after;
    return new JsonNumber(number);
  }

  private String string() {
    int start = ++pos;
    StringBuilder value = null;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '"') {
        String result = value == null ? text.substring(start, pos) : value.toString();
        pos++;
        return result;
      }
      if (c < 0x20) {
        throw fail("a control character inside a string; escape it");
      }
      if (c != '\\') {
        if (value != null) {
          value.append(c);
        }
        pos++;
        continue;
      }
      if (value == null) {
        value = new StringBuilder(pos - start + 16).append(text, start, pos);
      }
      if (pos + 1 >= end) {
        pos = end;
        throw fail("the text ends inside an escape");
      }
      char e = text.charAt(pos + 1);
      pos += 2;
      switch (e) {
        case '"', '\\', '/' -> value.append(e);
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'u' -> value.append(unicode());
        default -> {
          pos -= 2;
          throw fail("\\" + e + " is no JSON escape");
        }
      }
    }
    throw fail("the text ends inside a string");
  }

  private char unicode() {
    if (pos + 4 > end) {
      throw fail("expected four hex digits after \\u");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        throw fail("expected four hex digits after \\u");
      }
      code = code * 16 + digit;
    }
    pos += 4;
    return (char) code;
  }

  private void skipSpace() {
    while (pos < end) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private ParseException fail(String what) {
    return new ParseException("invalid JSON at " + Texts.where(text, pos) + ": " + what);
  }

  /**
   * Where the number of JSON's grammar that starts at {@code from} ends.
   *
   * @return the offset after it, or -1 when no number starts there
   */
  static int numberEnd(String text, int from, int end) {
    int i = from;
    if (i < end && text.charAt(i) == '-') {
      i++;
    }
    int digits = i;
    while (i < end && isDigit(text.charAt(i))) {
      i++;
    }
    if (i == digits || (i - digits > 1 && text.charAt(digits) == '0')) {
      return -1;
    }
    if (i < end && text.charAt(i) == '.') {
      int fraction = ++i;
      while (i < end && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == fraction) {
        return -1;
      }
    }
    if (i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponent = i;
      while (i < end && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == exponent || i - exponent > 9) {
        return -1;
      }
    }
    if (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
      return -1;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
