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
  private int pos;
  /** Whether the last token opened a container, so its first member or element needs no comma. */
  private boolean afterOpen;
  private int depth;

  /**
   * A reader at the start of {@code text}.
   *
   * @param text strict JSON
   */
  public JsonReader(String text) {
    this.text = text;
    this.end = text.length();
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
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
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
    int start = plainStringStart();
    int length = pos - start;
    pos++;
    expect(':');
    for (int i = 0; i < names.length; i++) {
      String name = names[i];
      if (name.length() == length && text.regionMatches(start, name, 0, length)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Reads a member's name, escapes and all, and its colon: for map keys.
   *
   * @return the name
   */
  public String name() {
    String name = string();
    expect(':');
    return name;
  }

  /**
   * Reads a string without escapes up to its closing quote, leaving the position on that quote.
   *
   * @return where the string's text starts
   */
  private int plainStringStart() {
    expect('"');
    int start = pos;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '"') {
        return start;
      }
      if (c == '\\' || c < 0x20) {
        throw BAIL;
      }
      pos++;
    }
    throw BAIL;
  }

  // ---------------------------------------------------------------- scalars

  /**
   * Whether the next value is {@code null}, reading it if it is.
   *
   * @return whether it was {@code null}
   */
  public boolean nullValue() {
    if (peek() == 'n' && text.startsWith("null", pos)) {
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
    for (int i = 0; i < options.length; i++) {
      String option = options[i];
      if (option.length() == length && text.regionMatches(start, option, 0, length)) {
        return i;
      }
    }
    throw BAIL;
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
    double value = Double.parseDouble(text.substring(start, pos));
    if (Double.isInfinite(value)) {
      throw BAIL;
    }
    return value;
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
          string();
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
      case '"' -> string();
      case 't', 'f' -> bool();
      case 'n' -> {
        if (!nullValue()) {
          throw BAIL;
        }
      }
      default -> numberStart();
    }
  }

  /**
   * The string value of the member {@code name} of the object that starts here, found by reading
   * ahead; the position does not move.
   *
   * @param name the member's name, matched exactly
   * @return its value, or {@code null} when there is no such member
   */
  public String peekString(String name) {
    int start = pos;
    int openDepth = depth;
    try {
      beginObject();
      String found = null;
      String[] names = {name};
      while (hasMember()) {
        if (name(names) == 0 && found == null) {
          found = peek() == '"' ? string() : null;
          if (found == null) {
            skipValue();
          }
        } else {
          skipValue();
        }
      }
      return found;
    } finally {
      pos = start;
      depth = openDepth;
      afterOpen = false;
    }
  }
}
