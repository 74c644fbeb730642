package dev.toolcase.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one JSON value the way a model writes it, repairing what has only one reading: trailing
 * commas, single and typographic quotes, unquoted keys and scalar values, comments, Python
 * literals, missing commas between members on separate lines, raw newlines and unescaped quotes
 * inside strings, and missing closing braces after the last complete value.
 *
 * <p>Output that stops inside a string, a number, an unquoted word, an array or after a key is
 * <em>cut off</em>: it is refused, never completed, because a truncated message or tag must not
 * run. Nesting is bounded by {@link Json#MAX_DEPTH}, and every character is read at most a small
 * constant number of times, so the work is linear in the text.
 *
 * <p>Not thread-safe; one instance reads one region of one text.
 */
final class LenientJson {

  /** Numbers longer than this are refused rather than handed to {@link BigDecimal}. */
  private static final int MAX_NUMBER_LENGTH = 1000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  private final int end;
  private final Set<String> repairs;
  private int pos;

  /**
   * A reader of {@code text} from {@code start} to {@code end}, which it treats as the end of the
   * output, recording repairs in {@code repairs}.
   */
  LenientJson(String text, int start, int end, Set<String> repairs) {
    this.text = text;
    this.pos = start;
    this.end = end;
    this.repairs = repairs;
  }

  /** Where reading stopped: just after the value, or where it failed. */
  int position() {
    return pos;
  }

  /**
   * Reads the object or array that starts at the current position.
   *
   * @throws Failure if the text there is not a value even after repairs, or is cut off
   */
  JsonNode readContainer() {
    char c = text.charAt(pos);
    if (c != '{' && c != '[') {
      throw fail("expected '{' or '['");
    }
    return readValue(0, Context.TOP);
  }

  /** Where a value stands, which decides the characters that may end an unquoted word. */
  private enum Context {
    TOP,
    OBJECT,
    ARRAY
  }

  private JsonNode readValue(int depth, Context context) {
    skipSpaceAndComments();
    if (pos >= end) {
      throw cutOff("before a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> readObject(depth + 1);
      case '[' -> readArray(depth + 1);
      case '"', '\'', '\u201c', '\u2018' -> NODES.stringNode(readString(false));
      default -> readScalar(context);
    };
  }

  private ObjectNode readObject(int depth) {
    checkDepth(depth);
    pos++;
    ObjectNode object = NODES.objectNode();
    boolean needComma = false;
    while (true) {
      int beforeSpace = pos;
      skipSpaceAndComments();
      if (pos >= end) {
        if (needComma) {
          repairs.add("closed the brackets of output that stopped after a complete value");
          return object;
        }
        throw cutOff("inside an object");
      }
      char c = text.charAt(pos);
      if (c == '}') {
        pos++;
        return object;
      }
      if (c == ',') {
        readComma(needComma, '}');
        needComma = false;
        continue;
      }
      if (needComma) {
        if (!crossesLine(beforeSpace, pos) || !startsKey(c)) {
          throw fail("expected ',' or '}' after a member of the object");
        }
        repairs.add("inserted a missing comma between members on separate lines");
      }
      String key = readKey();
      skipSpaceAndComments();
      if (pos >= end) {
        throw cutOff("after the key \"" + key + "\"");
      }
      if (text.charAt(pos) != ':') {
        throw fail("expected ':' after the key \"" + key + "\"");
      }
      pos++;
      skipSpaceAndComments();
      if (pos >= end) {
        throw cutOff("after the key \"" + key + "\"");
      }
      object.set(key, readValue(depth, Context.OBJECT));
      needComma = true;
    }
  }

  private ArrayNode readArray(int depth) {
    checkDepth(depth);
    int open = pos;
    pos++;
    ArrayNode array = NODES.arrayNode();
    boolean needComma = false;
    while (true) {
      int beforeSpace = pos;
      skipSpaceAndComments();
      if (pos >= end) {
        throw cutOffAt(open, "inside an array");
      }
      char c = text.charAt(pos);
      if (c == ']') {
        pos++;
        return array;
      }
      if (c == ',') {
        readComma(needComma, ']');
        needComma = false;
        continue;
      }
      if (needComma) {
        if (!crossesLine(beforeSpace, pos)) {
          throw fail("expected ',' or ']' after an element of the array");
        }
        repairs.add("inserted a missing comma between elements on separate lines");
      }
      array.add(readValue(depth, Context.ARRAY));
      needComma = true;
    }
  }

  /** Reads a comma, noting it as a repair when no value came before it or none comes after. */
  private void readComma(boolean afterValue, char close) {
    if (!afterValue) {
      repairs.add("removed a stray comma");
    }
    pos++;
    skipSpaceAndComments();
    if (pos < end && text.charAt(pos) == close) {
      repairs.add("removed a trailing comma");
    }
  }

  private void checkDepth(int depth) {
    if (depth > Json.MAX_DEPTH) {
      Failure failure = fail("JSON nested deeper than " + Json.MAX_DEPTH + " levels");
      failure.tooDeep = true;
      throw failure;
    }
  }

  private String readKey() {
    char c = text.charAt(pos);
    if (isQuote(c)) {
      return readString(true);
    }
    int start = pos;
    while (pos < end && isKeyChar(text.charAt(pos))) {
      pos++;
    }
    String key = text.substring(start, pos).strip();
    if (key.isEmpty()) {
      throw fail("expected a key, got '" + c + "'");
    }
    repairs.add("quoted an unquoted key");
    return key;
  }

  /**
   * Reads a quoted string. In a value, a closing quote followed by something that cannot follow a
   * string is taken as a quote inside it; a key ends at its first closing quote. A raw line break
   * inside a string is kept as a line break.
   */
  private String readString(boolean key) {
    char open = text.charAt(pos);
    char close = closingQuote(open);
    if (open != '"') {
      repairs.add(open == '\'' ? "read single quotes as double quotes"
          : "read typographic quotes as double quotes");
    }
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '\\') {
        readEscape(value, close);
        continue;
      }
      if (c == close || (close == '\u201d' && c == '"')) {
        if (key || endsString(pos + 1)) {
          pos++;
          return value.toString();
        }
        repairs.add("kept an unescaped quote inside a string");
      } else if (c == '\n' || c == '\r') {
        repairs.add("kept a raw line break inside a string");
      }
      value.append(c);
      pos++;
    }
    throw cutOffAt(start, "inside a string");
  }

  private void readEscape(StringBuilder value, char close) {
    if (pos + 1 >= end) {
      pos = end;
      throw cutOff("inside an escape sequence");
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
      case 'u' -> {
        if (pos + 4 > end) {
          pos = end;
          throw cutOff("inside a \\u escape");
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
        value.append((char) code);
      }
      default -> {
        if (e != close) {
          repairs.add("kept an unknown escape as the character");
        }
        value.append(e);
      }
    }
  }

  /**
   * Whether a quote just before {@code at} ends the string: it does when what follows can follow
   * a string in JSON.
   */
  private boolean endsString(int at) {
    int i = skipSpaces(at);
    if (i >= end) {
      return true;
    }
    char c = text.charAt(i);
    if (c == '}' || c == ']') {
      return true;
    }
    if (c == '/' || c == '#') {
      return true;
    }
    if (c == ',') {
      int next = skipSpaces(i + 1);
      return next >= end || isQuote(text.charAt(next)) || "{}[]\n\r".indexOf(text.charAt(next)) >= 0
          || crossesLine(i + 1, next) || startsKeyThenColon(next);
    }
    if (crossesLine(at, i) && (isQuote(c) || startsKeyThenColon(i))) {
      return true;
    }
    return false;
  }

  private boolean startsKeyThenColon(int at) {
    int i = at;
    while (i < end && i - at < 64 && isKeyChar(text.charAt(i)) && text.charAt(i) != ' ') {
      i++;
    }
    i = skipSpaces(i);
    return i > at && i < end && text.charAt(i) == ':';
  }

  /** Reads a number, a literal or an unquoted word. */
  private JsonNode readScalar(Context context) {
    int start = pos;
    while (pos < end && !endsWord(text.charAt(pos), context) && !startsComment(start)) {
      pos++;
    }
    String word = text.substring(start, pos).strip();
    if (word.isEmpty()) {
      throw fail("expected a value, got '" + text.charAt(start) + "'");
    }
    JsonNode literal = literal(word);
    if (literal != null) {
      return literal;
    }
    if (pos >= end) {
      throw cutOffAt(start, "inside a value");
    }
    JsonNode number = number(word);
    if (number != null) {
      return number;
    }
    if (isQuote(word.charAt(word.length() - 1)) || word.indexOf('"') >= 0) {
      pos = start;
      throw fail("expected a value, got " + word);
    }
    repairs.add("read an unquoted value as text");
    return NODES.stringNode(word);
  }

  /** Whether a comment starts at the current position, after a space, inside a word. */
  private boolean startsComment(int wordStart) {
    if (pos == wordStart || !Character.isWhitespace(text.charAt(pos - 1))) {
      return false;
    }
    char c = text.charAt(pos);
    return c == '#'
        || (c == '/' && pos + 1 < end && (text.charAt(pos + 1) == '/' || text.charAt(pos + 1) == '*'));
  }

  private static boolean endsWord(char c, Context context) {
    return switch (c) {
      case ',', '\n', '\r', '"' -> true;
      case '}' -> context != Context.ARRAY;
      case ']' -> context != Context.OBJECT;
      default -> false;
    };
  }

  private JsonNode literal(String word) {
    return switch (word) {
      case "true" -> NODES.booleanNode(true);
      case "false" -> NODES.booleanNode(false);
      case "null" -> NODES.nullNode();
      case "True", "TRUE" -> python(NODES.booleanNode(true), word);
      case "False", "FALSE" -> python(NODES.booleanNode(false), word);
      case "None", "NULL", "Null", "undefined" -> python(NODES.nullNode(), word);
      default -> null;
    };
  }

  private JsonNode python(JsonNode value, String word) {
    repairs.add("read " + word + " as " + value);
    return value;
  }

  private static JsonNode number(String word) {
    if (word.length() > MAX_NUMBER_LENGTH || !isNumberText(word)) {
      return null;
    }
    String digits = word.startsWith("+") ? word.substring(1) : word;
    try {
      if (digits.indexOf('.') < 0 && digits.indexOf('e') < 0 && digits.indexOf('E') < 0) {
        BigInteger value = new BigInteger(digits);
        if (value.bitLength() < 32) {
          return NODES.numberNode(value.intValue());
        }
        if (value.bitLength() < 64) {
          return NODES.numberNode(value.longValue());
        }
        return NODES.numberNode(value);
      }
      return NODES.numberNode(new BigDecimal(digits));
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** JSON's number grammar, with a leading {@code +} allowed. */
  private static boolean isNumberText(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    int intStart = i;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    if (i == intStart) {
      return false;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      int fracStart = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == fracStart) {
        return false;
      }
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int expStart = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == expStart || i - expStart > 9) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void skipSpaceAndComments() {
    while (pos < end) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff') {
        pos++;
      } else if (c == '/' && pos + 1 < end && text.charAt(pos + 1) == '/') {
        skipLine();
      } else if (c == '#') {
        skipLine();
      } else if (c == '/' && pos + 1 < end && text.charAt(pos + 1) == '*') {
        int close = text.indexOf("*/", pos + 2);
        if (close < 0 || close + 2 > end) {
          throw cutOff("inside a comment");
        }
        repairs.add("removed a comment");
        pos = close + 2;
      } else {
        return;
      }
    }
  }

  private void skipLine() {
    repairs.add("removed a comment");
    while (pos < end && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private int skipSpaces(int from) {
    int i = from;
    while (i < end && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private boolean crossesLine(int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        return true;
      }
    }
    return false;
  }

  private static boolean startsKey(char c) {
    return isQuote(c) || Character.isLetter(c) || c == '_' || c == '$';
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '$' || c == '.' || c == ' ';
  }

  static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '\u201c' || c == '\u2018';
  }

  private static char closingQuote(char open) {
    return switch (open) {
      case '\u201c' -> '\u201d';
      case '\u2018' -> '\u2019';
      default -> open;
    };
  }

  private Failure fail(String message) {
    return new Failure(message, pos, false);
  }

  private Failure cutOff(String where) {
    return new Failure(where, pos, true);
  }

  private Failure cutOffAt(int offset, String where) {
    pos = offset;
    return new Failure(where, offset, true);
  }

  /** {@code line L, column C} of an offset in {@code text}, for messages. */
  static String where(String text, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return "line " + line + ", column " + column;
  }

  /** Why a value could not be read. Cheap: no stack trace. */
  static final class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final boolean cutOff;
    private boolean tooDeep;

    Failure(String detail, int offset, boolean cutOff) {
      super(detail, null, false, false);
      this.offset = offset;
      this.cutOff = cutOff;
    }

    /** Where in the text reading failed, or where the value that was cut off starts. */
    int offset() {
      return offset;
    }

    /** Whether the output stopped inside the value, rather than being malformed. */
    boolean cutOff() {
      return cutOff;
    }

    /** Whether the value nests too deeply to be read at all: the output is refused. */
    boolean tooDeep() {
      return tooDeep;
    }

    /** The message for a model, with the position as a line and column of {@code text}. */
    String describe(String text) {
      return cutOff
          ? "the output was cut off " + getMessage() + " (from " + where(text, offset)
              + "); nothing was run: send the complete JSON value again"
          : "invalid JSON at " + where(text, offset) + ": " + getMessage();
    }
  }
}
