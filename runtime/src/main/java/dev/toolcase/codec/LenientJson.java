package dev.toolcase.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one JSON value the way a model writes it, repairing what has only one reading: trailing
 * commas, single and typographic quotes, unquoted keys and scalar values, comments (also after a
 * value and its comma on the same line), Python literals, missing commas between members on
 * separate lines and between strings of an array, raw newlines and unescaped quotes inside
 * strings, a stray second closing quote, backslashes that start no JSON escape (kept, as in a
 * Windows path), and missing closing braces after the last complete value. Repeated names are
 * kept, and numbers keep their text: {@link Decoder} decides what they mean.
 *
 * <p>Output that stops inside a string, a number, an unquoted word, an array or after a key is
 * <em>cut off</em>: it is refused, never completed, because a truncated message or tag must not
 * run. Nesting is bounded by {@link Json#MAX_DEPTH}, and every character is read at most a small
 * constant number of times, so the work is linear in the text.
 *
 * <p>Not thread-safe; one instance reads one region of one text.
 */
final class LenientJson {

  /** The repair of output that stopped after a complete member of an object. */
  static final String CLOSED_BRACKETS = "closed the brackets of output that stopped after a complete value";

  /** The repair of a quote inside a string that a guess took for no end of it. */
  static final String KEPT_QUOTE = "kept an unescaped quote inside a string";

  /** Numbers longer than this are read as text, never as a number. */
  private static final int MAX_NUMBER_LENGTH = 1000;

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
  JsonValue readContainer() {
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

  private JsonValue readValue(int depth, Context context) {
    skipSpaceAndComments();
    if (pos >= end) {
      throw cutOff("before a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> readObject(depth + 1);
      case '[' -> readArray(depth + 1);
      case '"', '\'', '\u201c', '\u2018' -> new JsonString(readString(false, context));
      default -> readScalar(context);
    };
  }

  private JsonObject readObject(int depth) {
    checkDepth(depth);
    pos++;
    List<JsonObject.Member> object = new ArrayList<>();
    boolean needComma = false;
    while (true) {
      int beforeSpace = pos;
      skipSpaceAndComments();
      if (pos >= end) {
        if (needComma) {
          repairs.add(CLOSED_BRACKETS);
          return new JsonObject(object);
        }
        throw cutOff("inside an object");
      }
      char c = text.charAt(pos);
      if (c == '}') {
        pos++;
        return new JsonObject(object);
      }
      if (c == ',') {
        readComma(needComma, '}');
        needComma = false;
        continue;
      }
      if (needComma) {
        if (crossesLine(beforeSpace, pos) && startsKey(c)) {
          repairs.add("inserted a missing comma between members on separate lines");
        } else if (isQuote(c) && isQuote(text.charAt(beforeSpace - 1)) && quotedKeyThenColon(pos)) {
          repairs.add("inserted a missing comma between members");
        } else {
          throw fail("expected ',' or '}' after a member of the object");
        }
      }
      int keyStart = pos;
      String key = readKey();
      skipSpaceAndComments();
      if (pos >= end) {
        if (startsContainer(key)) {
          // A "key" holding JSON at the end is a JSON string of its own, not a cut-off member.
          Failure failure = fail("expected ':' after the key \"" + key + "\"");
          failure.resumeAt = keyStart;
          throw failure;
        }
        throw cutOff("after the key \"" + key + "\"");
      }
      if (text.charAt(pos) != ':') {
        // What looked like a key may be a value of its own, such as a JSON string holding a step.
        Failure failure = fail("expected ':' after the key \"" + key + "\"");
        failure.resumeAt = keyStart;
        throw failure;
      }
      pos++;
      skipSpaceAndComments();
      if (pos >= end) {
        throw cutOff("after the key \"" + key + "\"");
      }
      object.add(new JsonObject.Member(key, readValue(depth, Context.OBJECT)));
      needComma = true;
    }
  }

  private JsonArray readArray(int depth) {
    checkDepth(depth);
    int open = pos;
    pos++;
    List<JsonValue> array = new ArrayList<>();
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
        return new JsonArray(array);
      }
      if (c == ',') {
        readComma(needComma, ']');
        needComma = false;
        continue;
      }
      if (needComma) {
        if (crossesLine(beforeSpace, pos)) {
          repairs.add("inserted a missing comma between elements on separate lines");
        } else if (isQuote(c) && isQuote(text.charAt(beforeSpace - 1))) {
          repairs.add("inserted a missing comma between strings of an array");
        } else {
          throw fail("expected ',' or ']' after an element of the array");
        }
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
    if (depth > StrictJson.MAX_DEPTH) {
      Failure failure = fail("JSON nested deeper than " + StrictJson.MAX_DEPTH + " levels");
      failure.tooDeep = true;
      throw failure;
    }
  }

  private String readKey() {
    char c = text.charAt(pos);
    if (isQuote(c)) {
      return readString(true, Context.OBJECT);
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
  private String readString(boolean key, Context context) {
    char open = text.charAt(pos);
    char close = closingQuote(open);
    if (open != '"') {
      repairs.add(open == '\'' ? "read single quotes as double quotes"
          : "read typographic quotes as double quotes");
    }
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    boolean keptQuote = false;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '\\') {
        readEscape(value, close);
        continue;
      }
      if (c == close || (close == '\u201d' && c == '"')) {
        if (key || endsString(pos + 1, context)) {
          pos++;
          return value.toString();
        }
        if (pos + 1 < end && text.charAt(pos + 1) == c && endsString(pos + 2, context)) {
          repairs.add("removed a stray quote after a string");
          pos += 2;
          return value.toString();
        }
        repairs.add(KEPT_QUOTE);
        keptQuote = true;
      } else if (c == '\n' || c == '\r') {
        if (keptQuote) {
          // Both guesses at once read prose as a string: the quote was its end after all.
          throw fail("a string with an unescaped quote in it goes on past the end of its line");
        }
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
    switch (e) {
      case '"', '\\', '/' -> value.append(e);
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'r' -> value.append('\r');
      case 'b' -> value.append('\b');
      case 'f' -> value.append('\f');
      case 'u' -> {
        int code = hex4(pos + 2);
        if (code >= 0) {
          pos += 6;
          value.append((char) code);
          return;
        }
        if (pos + 6 > end && end == text.length()) {
          pos = end;
          throw cutOff("inside a \\u escape");
        }
        keptBackslash(value, e);
        return;
      }
      default -> {
        if (e == close || e == '\'') {
          // \' for an apostrophe, or the closing quote of a single-quoted string escaped.
          value.append(e);
        } else {
          keptBackslash(value, e);
          return;
        }
      }
    }
    pos += 2;
  }

  /** {@code \\U} in {@code C:\\Users}: no JSON escape, so the text as written. */
  private void keptBackslash(StringBuilder value, char e) {
    repairs.add("kept a backslash that starts no JSON escape, as written");
    value.append('\\').append(e);
    pos += 2;
  }

  /** The four hex digits at {@code at} as a character code, or -1 when they are not there. */
  private int hex4(int at) {
    if (at + 4 > end) {
      return -1;
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(at + i), 16);
      if (digit < 0) {
        return -1;
      }
      code = code * 16 + digit;
    }
    return code;
  }

  /**
   * Whether a quote just before {@code at} ends the string: it does when what follows can follow
   * a string in JSON.
   */
  private boolean endsString(int at, Context context) {
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
          || crossesLine(i + 1, next) || startsKeyThenColon(next) || startsCommentAt(next)
          || (context == Context.ARRAY && startsScalar(next));
    }
    if (crossesLine(at, i) && (isQuote(c) || startsKeyThenColon(i) || "{}[]".indexOf(c) >= 0)) {
      return true;
    }
    // ["red" "green"]: a second string after spaces, in an array, is the next element;
    // {"a": "x" "b": 1}: in an object, a quoted name and its colon are the next member.
    return i > at && isQuote(c) && (context == Context.ARRAY
        ? completeStringThenDelimiter(i)
        : context == Context.OBJECT && quotedKeyThenColon(i));
  }

  private boolean quotedKeyThenColon(int at) {
    char close = closingQuote(text.charAt(at));
    for (int i = at + 1; i < end && i - at < 200; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\\') {
        return false;
      }
      if (c == close) {
        int next = skipSpaces(i + 1);
        return next < end && text.charAt(next) == ':';
      }
    }
    return false;
  }

  /** Whether a number or a literal starts at {@code at} and ends at a delimiter: an element. */
  private boolean startsScalar(int at) {
    int i = at;
    while (i < end && "0123456789.eE+-".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    if (i == at) {
      for (String literal : new String[] {"true", "false", "null"}) {
        if (text.startsWith(literal, at)) {
          i = at + literal.length();
        }
      }
    }
    if (i == at) {
      return false;
    }
    int next = skipSpaces(i);
    return next >= end || text.charAt(next) == ',' || text.charAt(next) == ']';
  }

  private boolean startsCommentAt(int at) {
    return at < end && (text.charAt(at) == '#' || (text.charAt(at) == '/' && at + 1 < end
        && (text.charAt(at + 1) == '/' || text.charAt(at + 1) == '*')));
  }

  /** Whether a string starts at {@code at}, ends on its line, and a delimiter follows it. */
  private boolean completeStringThenDelimiter(int at) {
    char close = closingQuote(text.charAt(at));
    for (int i = at + 1; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        return false;
      }
      if (c == close) {
        int next = skipSpaces(i + 1);
        return next >= end || ",]}\n".indexOf(text.charAt(next)) >= 0 || isQuote(text.charAt(next));
      }
    }
    return false;
  }

  private static boolean startsContainer(String text) {
    String trimmed = text.strip();
    return !trimmed.isEmpty() && (trimmed.charAt(0) == '{' || trimmed.charAt(0) == '[');
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
  private JsonValue readScalar(Context context) {
    int start = pos;
    while (pos < end && !endsWord(text.charAt(pos), context) && !startsComment(start)) {
      pos++;
    }
    String word = text.substring(start, pos).strip();
    if (word.isEmpty()) {
      throw fail("expected a value, got '" + text.charAt(start) + "'");
    }
    JsonValue literal = literal(word);
    if (literal != null) {
      return literal;
    }
    if (pos >= end) {
      throw cutOffAt(start, "inside a value");
    }
    JsonValue number = number(word);
    if (number != null) {
      return number;
    }
    if (isQuote(word.charAt(word.length() - 1)) || word.indexOf('"') >= 0) {
      pos = start;
      throw fail("expected a value, got " + word);
    }
    repairs.add("read an unquoted value as text");
    return new JsonString(word);
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

  private JsonValue literal(String word) {
    return switch (word) {
      case "true" -> JsonBoolean.TRUE;
      case "false" -> JsonBoolean.FALSE;
      case "null" -> JsonNull.INSTANCE;
      case "True", "TRUE" -> python(JsonBoolean.TRUE, word);
      case "False", "FALSE" -> python(JsonBoolean.FALSE, word);
      case "None", "NULL", "Null", "undefined" -> python(JsonNull.INSTANCE, word);
      default -> null;
    };
  }

  private JsonValue python(JsonValue value, String word) {
    repairs.add("read " + word + " as " + value.toJson());
    return value;
  }

  /** A number as written, when the word is one (with a leading {@code +} or zeros allowed). */
  private static JsonValue number(String word) {
    return word.length() <= MAX_NUMBER_LENGTH && isNumberText(word) ? new JsonNumber(word) : null;
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

  /** Why a value could not be read. Cheap: no stack trace. */
  static final class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final boolean cutOff;
    private boolean tooDeep;
    private int resumeAt;

    Failure(String detail, int offset, boolean cutOff) {
      super(detail, null, false, false);
      this.offset = offset;
      this.cutOff = cutOff;
      this.resumeAt = offset;
    }

    /** Where a search may go on after this failure: the start of the token that failed. */
    int resumeAt() {
      return resumeAt;
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
          ? "the output was cut off " + getMessage() + " (from " + Texts.where(text, offset)
              + "); nothing was run: send the complete JSON value again"
          : "invalid JSON at " + Texts.where(text, offset) + ": " + getMessage();
    }
  }
}
