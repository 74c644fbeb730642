package dev.toolcase.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pull reader of strict JSON text, for the fast path of generated readers: they switch on
 * property names and read each value straight into its Java type, allocating little more than
 * the values.
 *
 * <p>It never repairs or coerces. Anything the fast path does not take exactly as it is (a syntax
 * error, an escape in a name, an unknown or repeated property, a number that needs rounding or is
 * a string, a {@code null} where a value is required) throws {@link Bail}, and the caller reads
 * the text again on the path that repairs, coerces and explains: {@link StrictJson} or the lenient
 * reader, and {@link Decoder}.
 *
 * <pre>{@code
 * in.beginObject();
 * while (in.hasMember()) {
 *   switch (in.name(NAMES)) {
 *     case 0 -> tag = in.string();
 *     case 1 -> environment = ENVIRONMENTS[in.stringIndex(ENVIRONMENT_NAMES)];
 *     default -> throw JsonReader.bail();
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; one reader, one text.
 */
public final class JsonReader {

  /** The fast path gave up; read the text again on the slow path. Cheap: shared, no stack trace. */
  public static final class Bail extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Bail() {
      super("not on the fast path", null, false, false);
    }
  }

  private static final Bail BAIL = new Bail();
  /** Integers with more digits than this are left to the slow path, which refuses them. */
  private static final int MAX_INTEGER_DIGITS = 1000;

  private final String text;
  private final int end;
  private final boolean lenient;
  private int pos;
  /** The length of the key {@link #key} read last. */
  private int keyLength;
  /** Whether the last token opened a container, so its first member or element needs no comma. */
  private boolean afterOpen;
  private int depth;

  /**
   * A reader at the start of {@code text}.
   *
   * @param text strict JSON
   */
  public JsonReader(String text) {
    this(text, 0, text.length(), false);
  }

  /**
   * A reader of {@code text} from {@code from} to {@code to}. A lenient one also takes, as they
   * are, the forms of careless JSON whose reading is plain and leaves every value as written:
   * comments, trailing commas, single-quoted strings without escapes, unquoted keys, and Python's
   * {@code True}, {@code False} and {@code None}. Anything else still gives up.
   *
   * @param text the text
   * @param from where the value starts
   * @param to where it ends
   * @param lenient whether to take those forms
   */
  JsonReader(String text, int from, int to, boolean lenient) {
    this.text = text;
    this.pos = from;
    this.end = to;
    this.lenient = lenient;
  }

  /**
   * The exception that sends a read to the slow path, for generated {@code default} branches.
   *
   * @return the shared instance, to throw
   */
  public static Bail bail() {
    return BAIL;
  }

  /**
   * Gives up, where an expression of any type is needed: for a value that has no fast reader.
   *
   * @param <T> the type the expression needs
   * @return never
   * @throws Bail always
   */
  public static <T> T giveUp() {
    throw BAIL;
  }

  // ---------------------------------------------------------------- position

  /**
   * Where the reader is, for {@link #seek} after a look ahead.
   *
   * @return the offset in the text
   */
  public int position() {
    return pos;
  }

  /**
   * Goes back to where {@link #position} was.
   *
   * @param position an offset it returned
   */
  public void seek(int position) {
    pos = position;
    afterOpen = false;
  }

  /** Checks that nothing but whitespace follows the value read. */
  public void end() {
    skipSpace();
    if (pos != end) {
      throw BAIL;
    }
  }

  private void skipSpace() {
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        pos++;
      } else if (lenient && (c == '#' || (c == '/' && pos + 1 < end
          && (text.charAt(pos + 1) == '/' || text.charAt(pos + 1) == '*')))) {
        skipComment();
      } else {
        return;
      }
    }
  }

  private void skipComment() {
    if (text.charAt(pos) == '/' && text.charAt(pos + 1) == '*') {
      int close = text.indexOf("*/", pos + 2);
      if (close < 0 || close + 2 > end) {
        throw BAIL;
      }
      pos = close + 2;
      return;
    }
    while (pos < end && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private char peek() {
    if (pos < end) {
      char c = text.charAt(pos);
      if (c > ' ' && (!lenient || (c != '#' && c != '/'))) {
        return c;
      }
    }
    skipSpace();
    if (pos >= end) {
      throw BAIL;
    }
    return text.charAt(pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw BAIL;
    }
    pos++;
  }

  // ---------------------------------------------------------------- containers

  /** Reads the opening brace of an object. */
  public void beginObject() {
    expect('{');
    open();
  }

  /** Reads the opening bracket of an array. */
  public void beginArray() {
    expect('[');
    open();
  }

  private void open() {
    if (++depth > StrictJson.MAX_DEPTH) {
      throw BAIL;
    }
    afterOpen = true;
  }

  /**
   * Moves to the next member of the current object: past the comma before it, or past the
   * closing brace when there is none.
   *
   * @return whether there is a member, whose name comes next
   */
  public boolean hasMember() {
    return hasNext('}');
  }

  /**
   * Moves to the next element of the current array, like {@link #hasMember}.
   *
   * @return whether there is an element, which comes next
   */
  public boolean hasElement() {
    return hasNext(']');
  }

  private boolean hasNext(char close) {
    char c = peek();
    if (c == close) {
      pos++;
      depth--;
      afterOpen = false;
      return false;
    }
    if (afterOpen) {
      afterOpen = false;
    } else {
      if (c != ',') {
        throw BAIL;
      }
      pos++;
      if (lenient && peek() == close) {
        // A trailing comma.
        pos++;
        depth--;
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- names

  /**
   * Reads a member's name and its colon, and finds it among {@code names}, exactly.
   *
   * @param names the names expected
   * @return the index of the name, or -1 when it is none of them
   */
  public int name(String[] names) {
    int start = key();
    int length = keyLength;
    expect(':');
    return indexOf(start, length, names);
  }

  /**
   * Reads a key without escapes: quoted, or (lenient) a word of letters, digits, {@code _} and
   * {@code $}. Returns where it starts; {@link #keyLength} says how long it is.
   */
  private int key() {
    char c = peek();
    if (lenient && (Character.isLetter(c) || c == '_' || c == '$')) {
      int start = pos;
      while (pos < end && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
          || text.charAt(pos) == '$')) {
        pos++;
      }
      keyLength = pos - start;
      return start;
    }
    int start = plainStringStart();
    keyLength = pos - start;
    pos++;
    return start;
  }

  /** The index of the text at {@code start} among {@code names}: a length and a first character first. */
  private int indexOf(int start, int length, String[] names) {
    char first = length == 0 ? 0 : text.charAt(start);
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      if (name.length() == length && (length == 0 || name.charAt(0) == first)
          && sameChars(start, name, length)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code length} characters at {@code start} are those of {@code name}. */
  private boolean sameChars(int start, String name, int length) {
    if (length > 16) {
      return text.regionMatches(start, name, 0, length);
    }
    for (int i = 1; i < length; i++) {
      if (text.charAt(start + i) != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a member's name, escapes and all, and its colon: for map keys.
   *
   * @return the name
   */
  public String name() {
    String name;
    if (lenient && peek() != '"' && peek() != '\'') {
      int start = key();
      name = text.substring(start, start + keyLength);
    } else {
      name = string();
    }
    expect(':');
    return name;
  }

  /**
   * Reads a string without escapes up to its closing quote, leaving the position on that quote.
   *
   * @return where the string's text starts
   */
  private int plainStringStart() {
    char quote = openQuote();
    int start = pos;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == quote) {
        if (quote == '\'') {
          delimiterAfter(pos + 1);
        }
        return start;
      }
      if (c == '\\' || c < 0x20) {
        throw BAIL;
      }
      pos++;
    }
    throw BAIL;
  }

  /** Reads an opening quote: {@code "}, or (lenient) {@code '}. */
  private char openQuote() {
    char c = peek();
    if (c == '"' || (lenient && c == '\'')) {
      pos++;
      return c;
    }
    throw BAIL;
  }

  /**
   * Gives up unless a delimiter follows {@code at}: a single-quoted string ends at a quote only
   * where nothing but a delimiter can follow, as the lenient reader has it.
   */
  private void delimiterAfter(int at) {
    int i = at;
    while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i < end && ",}]:\n\r".indexOf(text.charAt(i)) < 0) {
      throw BAIL;
    }
  }

  // ---------------------------------------------------------------- scalars

  /**
   * Whether the next value is {@code null}, reading it if it is.
   *
   * @return whether it was {@code null}
   */
  public boolean nullValue() {
    char c = peek();
    if (c == 'n' && text.startsWith("null", pos)) {
      pos += 4;
      return true;
    }
    if (lenient && c == 'N' && text.startsWith("None", pos)) {
      pos += 4;
      return true;
    }
    return false;
  }

  /**
   * Reads a string, escapes decoded.
   *
   * @return the text
   */
  public String string() {
    if (lenient && peek() == '\'') {
      int start = plainStringStart();
      return text.substring(start, pos++);
    }
    expect('"');
    int start = pos;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '"') {
        return text.substring(start, pos++);
      }
      if (c == '\\') {
        return escapedString(start);
      }
      if (c < 0x20) {
        throw BAIL;
      }
      pos++;
    }
    throw BAIL;
  }

  private String escapedString(int start) {
    StringBuilder value = new StringBuilder(pos - start + 16).append(text, start, pos);
    while (pos < end) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        throw BAIL;
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (pos >= end) {
        throw BAIL;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> value.append(e);
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'u' -> {
          if (pos + 4 > end) {
            throw BAIL;
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
              throw BAIL;
            }
            code = code * 16 + digit;
          }
          value.append((char) code);
        }
        default -> throw BAIL;
      }
    }
    throw BAIL;
  }

  /** Moves past a string, checking its escapes, without making a string of it. */
  private void skipString() {
    if (lenient && peek() == '\'') {
      plainStringStart();
      pos++;
      return;
    }
    expect('"');
    while (pos < end) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return;
      }
      if (c < 0x20) {
        throw BAIL;
      }
      if (c == '\\') {
        if (pos >= end) {
          throw BAIL;
        }
        char e = text.charAt(pos++);
        if (e == 'u') {
          if (pos + 4 > end) {
            throw BAIL;
          }
          for (int i = 0; i < 4; i++) {
            if (Character.digit(text.charAt(pos++), 16) < 0) {
              throw BAIL;
            }
          }
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          throw BAIL;
        }
      }
    }
    throw BAIL;
  }

  /**
   * Reads a string that must be one of {@code options} exactly, such as an enum constant.
   *
   * @param options the strings expected
   * @return the index of the string among them
   */
  public int stringIndex(String[] options) {
    int start = plainStringStart();
    int length = pos - start;
    pos++;
    int index = indexOf(start, length, options);
    if (index < 0) {
      throw BAIL;
    }
    return index;
  }

  /**
   * Reads a string of one character.
   *
   * @return the character
   */
  public char character() {
    String value = string();
    if (value.length() != 1) {
      throw BAIL;
    }
    return value.charAt(0);
  }

  /**
   * Reads {@code true} or {@code false}.
   *
   * @return the value
   */
  public boolean bool() {
    char c = peek();
    if (c == 't' && text.startsWith("true", pos)) {
      pos += 4;
      return true;
    }
    if (c == 'f' && text.startsWith("false", pos)) {
      pos += 5;
      return false;
    }
    if (lenient && c == 'T' && text.startsWith("True", pos)) {
      pos += 4;
      return true;
    }
    if (lenient && c == 'F' && text.startsWith("False", pos)) {
      pos += 5;
      return false;
    }
    throw BAIL;
  }

  /**
   * Reads an integer from {@code -2^31} to {@code 2^31 - 1}, written without fraction or exponent.
   *
   * @return the value
   */
  public int intValue() {
    long value = longValue();
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw BAIL;
    }
    return (int) value;
  }

  /**
   * Reads a {@code short}, written without fraction or exponent.
   *
   * @return the value
   */
  public short shortValue() {
    long value = longValue();
    if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
      throw BAIL;
    }
    return (short) value;
  }

  /**
   * Reads a {@code byte}, written without fraction or exponent.
   *
   * @return the value
   */
  public byte byteValue() {
    long value = longValue();
    if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
      throw BAIL;
    }
    return (byte) value;
  }

  /**
   * Reads a {@code long}, written without fraction or exponent.
   *
   * @return the value
   */
  public long longValue() {
    char c = peek();
    boolean negative = c == '-';
    if (negative) {
      pos++;
    }
    int start = pos;
    long value = 0;
    while (pos < end) {
      char d = text.charAt(pos);
      if (d < '0' || d > '9') {
        break;
      }
      int digit = d - '0';
      // Accumulated negatively, so Long.MIN_VALUE fits.
      if (value < (Long.MIN_VALUE + digit) / 10) {
        throw BAIL;
      }
      value = value * 10 - digit;
      pos++;
    }
    int digits = pos - start;
    if (digits == 0 || (digits > 1 && text.charAt(start) == '0') || continuesNumber()) {
      throw BAIL;
    }
    if (!negative) {
      if (value == Long.MIN_VALUE) {
        throw BAIL;
      }
      value = -value;
    }
    return value;
  }

  /** Whether the number goes on with a fraction or an exponent: not an integer as written. */
  private boolean continuesNumber() {
    if (pos >= end) {
      return false;
    }
    char c = text.charAt(pos);
    return c == '.' || c == 'e' || c == 'E';
  }

  /**
   * Reads a finite {@code double}, correctly rounded from the number's text.
   *
   * @return the value
   */
  public double doubleValue() {
    int start = numberStart();
    double quick = simpleDecimal(start, pos);
    if (!Double.isNaN(quick)) {
      return quick;
    }
    double value = Double.parseDouble(text.substring(start, pos));
    if (Double.isInfinite(value)) {
      throw BAIL;
    }
    return value;
  }

  /** Exact powers of ten that a {@code double} holds. */
  private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  /**
   * The value of a number of at most 15 digits and no exponent, such as {@code -12.5}, without a
   * string: its digits as an exact integer divided by an exact power of ten is one correctly
   * rounded division, so the result is the one {@code Double.parseDouble} gives. {@code NaN} for
   * any other number.
   */
  private double simpleDecimal(int start, int stop) {
    int i = start;
    boolean negative = text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    long digits = 0;
    int count = 0;
    int fraction = -1;
    for (; i < stop; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        fraction = 0;
        continue;
      }
      if (c < '0' || c > '9' || ++count > 15) {
        return Double.NaN;
      }
      digits = digits * 10 + (c - '0');
      if (fraction >= 0) {
        fraction++;
      }
    }
    double value = fraction <= 0 ? digits : digits / POWERS_OF_TEN[fraction];
    return negative ? -value : value;
  }

  /**
   * Reads a finite {@code float}, correctly rounded from the number's text.
   *
   * @return the value
   */
  public float floatValue() {
    int start = numberStart();
    float value = Float.parseFloat(text.substring(start, pos));
    if (Float.isInfinite(value)) {
      throw BAIL;
    }
    return value;
  }

  /**
   * Reads a number exactly.
   *
   * @return the value
   */
  public BigDecimal decimal() {
    int start = numberStart();
    if (pos - start > MAX_INTEGER_DIGITS) {
      throw BAIL;
    }
    return new BigDecimal(text.substring(start, pos));
  }

  /**
   * Reads an integer of any size, written without fraction or exponent.
   *
   * @return the value
   */
  public BigInteger bigInteger() {
    int start = numberStart();
    String digits = text.substring(start, pos);
    if (digits.length() > MAX_INTEGER_DIGITS || !new JsonNumber(digits).isIntegerText()) {
      throw BAIL;
    }
    return new BigInteger(digits);
  }

  /**
   * Reads an ISO-8601 instant such as {@code 2026-11-24T10:15:30Z}.
   *
   * @return the instant
   */
  public Instant instant() {
    try {
      return Instant.parse(string());
    } catch (DateTimeParseException e) {
      throw BAIL;
    }
  }

  /**
   * Reads an ISO-8601 date such as {@code 2026-11-24}.
   *
   * @return the date
   */
  public LocalDate date() {
    try {
      return LocalDate.parse(string());
    } catch (DateTimeParseException e) {
      throw BAIL;
    }
  }

  /** Moves past a number of JSON's grammar; returns where it starts. */
  private int numberStart() {
    peek();
    int start = pos;
    int after = StrictJson.numberEnd(text, pos, end);
    if (after < 0) {
      throw BAIL;
    }
    pos = after;
    return start;
  }

  // ---------------------------------------------------------------- containers of values

  /**
   * Reads an array into a list; {@code null} elements give up.
   *
   * @param <T> the elements' type
   * @param element what reads one element
   * @return the list
   */
  public <T> List<T> list(FastReader<T> element) {
    List<T> values = new ArrayList<>();
    beginArray();
    while (hasElement()) {
      values.add(element.read(this));
    }
    return values;
  }

  /**
   * Reads an array into a set, in order; repeated elements collapse, as on the slow path.
   *
   * @param <T> the elements' type
   * @param element what reads one element
   * @return the set
   */
  public <T> Set<T> set(FastReader<T> element) {
    return new LinkedHashSet<>(list(element));
  }

  /**
   * Reads a map from an object, or from an array of {@code {"key", "value"}} entries (the shape
   * strict schemas allow); a repeated key gives up.
   *
   * @param <T> the values' type
   * @param value what reads one value
   * @return the map, in order
   */
  public <T> Map<String, T> map(FastReader<T> value) {
    Map<String, T> values = new LinkedHashMap<>();
    if (peek() == '{') {
      beginObject();
      while (hasMember()) {
        String key = name();
        if (values.containsKey(key)) {
          throw BAIL;
        }
        values.put(key, value.read(this));
      }
      return values;
    }
    beginArray();
    while (hasElement()) {
      String key = null;
      T entry = null;
      int seen = 0;
      beginObject();
      while (hasMember()) {
        int index = name(ENTRY_NAMES);
        if (index < 0 || (seen & 1 << index) != 0) {
          throw BAIL;
        }
        seen |= 1 << index;
        if (index == 0) {
          key = string();
        } else {
          entry = value.read(this);
        }
      }
      if (seen != 3 || values.containsKey(key)) {
        throw BAIL;
      }
      values.put(key, entry);
    }
    return values;
  }

  private static final String[] ENTRY_NAMES = {"key", "value"};

  // ---------------------------------------------------------------- look ahead and skip

  /**
   * Skips one value of any kind, checking its syntax.
   */
  public void skipValue() {
    char c = peek();
    switch (c) {
      case '{' -> {
        beginObject();
        while (hasMember()) {
          key();
          expect(':');
          skipValue();
        }
      }
      case '[' -> {
        beginArray();
        while (hasElement()) {
          skipValue();
        }
      }
      case '"', '\'' -> skipString();
      case 't', 'f', 'T', 'F' -> bool();
      case 'n', 'N' -> {
        if (!nullValue()) {
          throw BAIL;
        }
      }
      default -> numberStart();
    }
  }

  /**
   * Which of {@code values} the string member {@code name} of the object that starts here is,
   * found by reading ahead to its first occurrence; the position does not move. A repeated
   * member is left to the reader of the object, which gives up on it.
   *
   * @param name the member's name, matched exactly
   * @param values the strings expected, such as a union's intents
   * @return the index of the member's value among {@code values}
   * @throws Bail when there is no such member, or its value is none of them
   */
  public int peekIndex(String name, String[] values) {
    int start = pos;
    int openDepth = depth;
    try {
      beginObject();
      while (hasMember()) {
        int at = key();
        int length = keyLength;
        expect(':');
        if (length == name.length() && text.regionMatches(at, name, 0, length)) {
          return stringIndex(values);
        }
        skipValue();
      }
      throw BAIL;
    } finally {
      pos = start;
      depth = openDepth;
      afterOpen = false;
    }
  }

  /**
   * When the object that starts here opens with the string member {@code name}, as it mostly
   * does, reads past the brace and that member and tells which of {@code values} it is: the
   * object's reader goes on from there. Otherwise the position does not move.
   *
   * @param name the member's name, matched exactly
   * @param values the strings expected, such as a union's intents
   * @return the index of the member's value among {@code values}, or -1 when the object does not
   *     open with that member
   * @throws Bail when it does, and its value is none of them
   */
  public int leadingIndex(String name, String[] values) {
    int start = pos;
    int openDepth = depth;
    beginObject();
    if (peek() != '}') {
      hasMember();
      int at = key();
      int length = keyLength;
      if (length == name.length() && text.regionMatches(at, name, 0, length)) {
        expect(':');
        return stringIndex(values);
      }
    }
    pos = start;
    depth = openDepth;
    afterOpen = false;
    return -1;
  }

  /**
   * Reads a string that must be {@code expected} exactly, without making a string of it.
   *
   * @param expected the string expected
   * @throws Bail when it is another, or has an escape
   */
  public void expectString(String expected) {
    int start = plainStringStart();
    int length = pos - start;
    pos++;
    if (length != expected.length()
        || (length > 0 && (text.charAt(start) != expected.charAt(0) || !sameChars(start, expected, length)))) {
      throw BAIL;
    }
  }
}
