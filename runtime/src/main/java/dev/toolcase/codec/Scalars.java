package dev.toolcase.codec;

import dev.toolcase.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Scalar values for generated readers, each a {@link Decoder.Reader}: what a model meant, coerced
 * with a repair, and never a guess. Numeric strings read as numbers and {@code 2.0} as an
 * {@code int}, but {@code 2.5}, {@code "$5"}, an overflow, {@code NaN} or {@code Infinity} (which
 * JSON lacks) are problems, never rounded or saturated. A number read as a string keeps the text
 * it was written as ({@code 01234}, {@code 1E5}). Enum constants match exactly, then ignoring
 * case and separators when that names one constant, then as the one constant a description starts
 * with.
 */
public final class Scalars {

  /** Integers with more digits than this are refused rather than expanded. */
  private static final int MAX_INTEGER_DIGITS = 1000;

  private Scalars() {}

  /**
   * A string; numbers and booleans are taken as their text.
   *
   * @param d the read's state
   * @param value the value
   * @return the string, or {@code null} after a problem
   */
  public static String string(Decoder d, JsonValue value) {
    switch (value) {
      case JsonString string -> {
        return string.value();
      }
      case JsonNumber number -> {
        d.repaired("number read as a string");
        return number.text();
      }
      case JsonBoolean bool -> {
        d.repaired("boolean read as a string");
        return Boolean.toString(bool.value());
      }
      default -> {
        JsonValue single = unwrap(d, value, false);
        if (single != null && !(single instanceof JsonArray) && !(single instanceof JsonObject)
            && !(single instanceof JsonNull)) {
          return string(d, single);
        }
        return d.fail("expected a string, got " + value.describe());
      }
    }
  }

  /**
   * A single character: a string of length one.
   *
   * @param d the read's state
   * @param value the value
   * @return the character, or {@code null} after a problem
   */
  public static Character character(Decoder d, JsonValue value) {
    String text = string(d, value);
    if (text == null) {
      return null;
    }
    return text.length() == 1 ? text.charAt(0)
        : d.fail("expected a single character, got " + Texts.quote(text));
  }

  /**
   * A boolean; {@code "true"} and {@code "false"} in any case are accepted.
   *
   * @param d the read's state
   * @param value the value
   * @return the boolean, or {@code null} after a problem
   */
  public static Boolean bool(Decoder d, JsonValue value) {
    if (value instanceof JsonBoolean bool) {
      return bool.value();
    }
    if (value instanceof JsonString string) {
      String text = string.value().trim();
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        d.repaired("string " + Texts.quote(text) + " read as a boolean");
        return text.equalsIgnoreCase("true");
      }
    }
    JsonValue single = unwrap(d, value, false);
    if (single != null && !(single instanceof JsonArray) && !(single instanceof JsonObject)) {
      return bool(d, single);
    }
    return d.fail("expected true or false, got " + value.describe());
  }

  /**
   * An exact decimal number; numeric strings are accepted.
   *
   * @param d the read's state
   * @param value the value
   * @return the number, or {@code null} after a problem
   */
  public static BigDecimal decimal(Decoder d, JsonValue value) {
    String text = numberText(d, value);
    if (text == null) {
      return null;
    }
    if (text.length() > MAX_INTEGER_DIGITS + 20) {
      return d.fail("expected a number of at most " + MAX_INTEGER_DIGITS + " digits");
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return d.fail("expected a number, got " + value.describe());
    }
  }

  /**
   * The text of a number: a number's own, or a numeric string's (a repair). {@code NaN} and the
   * infinities, which JSON has no numbers for, are problems.
   */
  private static String numberText(Decoder d, JsonValue value) {
    switch (value) {
      case JsonNumber number -> {
        return number.text();
      }
      case JsonString string -> {
        String text = string.value().trim();
        if (isNumeric(text)) {
          d.repaired("string " + Texts.quote(text) + " read as a number");
          return text;
        }
        if (isNotANumber(text)) {
          return d.fail("expected a finite number, got " + Texts.quote(text)
              + "; JSON has no NaN or Infinity");
        }
        return d.fail("expected a number, got " + value.describe());
      }
      default -> {
        JsonValue single = unwrap(d, value, false);
        if (single != null && !(single instanceof JsonArray) && !(single instanceof JsonObject)) {
          return numberText(d, single);
        }
        return d.fail("expected a number, got " + value.describe());
      }
    }
  }

  private static boolean isNotANumber(String text) {
    String bare = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    return bare.equalsIgnoreCase("NaN") || bare.equalsIgnoreCase("Infinity")
        || bare.equalsIgnoreCase("inf");
  }

  /** An integer that fits in {@code [min, max]}; a fraction is a problem, never rounded. */
  private static BigInteger integral(Decoder d, JsonValue value, String type, long min, long max) {
    BigInteger exact = exactInteger(d, value);
    if (exact == null) {
      return null;
    }
    if (exact.compareTo(BigInteger.valueOf(min)) < 0 || exact.compareTo(BigInteger.valueOf(max)) > 0) {
      return d.fail("expected an integer from " + min + " to " + max + " (" + type + "), got "
          + exact);
    }
    return exact;
  }

  /** The integer a value is, of at most {@link #MAX_INTEGER_DIGITS} digits. */
  private static BigInteger exactInteger(Decoder d, JsonValue value) {
    BigDecimal decimal = decimal(d, value);
    if (decimal == null) {
      return null;
    }
    if (decimal.signum() != 0 && decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
      return d.fail("expected an integer of at most " + MAX_INTEGER_DIGITS + " digits, got "
          + decimal);
    }
    BigInteger exact;
    try {
      exact = decimal.toBigIntegerExact();
    } catch (ArithmeticException e) {
      return d.fail("expected an integer, got " + plain(decimal));
    }
    if (value instanceof JsonNumber number && !number.isIntegerText()) {
      d.repaired(number.text() + " read as the integer " + exact);
    }
    return exact;
  }

  /** The number as written by people, except with an exponent too large to spell out. */
  private static String plain(BigDecimal value) {
    return Math.abs(value.scale()) > 100 ? value.toString() : value.toPlainString();
  }

  /**
   * An {@code int}.
   *
   * @param d the read's state
   * @param value the value
   * @return the number, or {@code null} after a problem
   */
  public static Integer integer(Decoder d, JsonValue value) {
    BigInteger exact = integral(d, value, "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    return exact == null ? null : exact.intValue();
  }

  /**
   * A {@code long}.
   *
   * @param d the read's state
   * @param value the value
   * @return the number, or {@code null} after a problem
   */
  public static Long longValue(Decoder d, JsonValue value) {
    BigInteger exact = integral(d, value, "long", Long.MIN_VALUE, Long.MAX_VALUE);
    return exact == null ? null : exact.longValue();
  }

  /**
   * A {@code short}.
   *
   * @param d the read's state
   * @param value the value
   * @return the number, or {@code null} after a problem
   */
  public static Short shortValue(Decoder d, JsonValue value) {
    BigInteger exact = integral(d, value, "short", Short.MIN_VALUE, Short.MAX_VALUE);
    return exact == null ? null : exact.shortValue();
  }

  /**
   * A {@code byte}.
   *
   * @param d the read's state
   * @param value the value
   * @return the number, or {@code null} after a problem
   */
  public static Byte byteValue(Decoder d, JsonValue value) {
    BigInteger exact = integral(d, value, "byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
    return exact == null ? null : exact.byteValue();
  }

  /**
   * A {@code BigInteger}.
   *
   * @param d the read's state
   * @param value the value
   * @return the number, or {@code null} after a problem
   */
  public static BigInteger bigInteger(Decoder d, JsonValue value) {
    return exactInteger(d, value);
  }

  /**
   * A finite {@code double}, correctly rounded from the number's text; out of range is a problem,
   * not infinity.
   *
   * @param d the read's state
   * @param value the value
   * @return the number, or {@code null} after a problem
   */
  public static Double doubleValue(Decoder d, JsonValue value) {
    String text = numberText(d, value);
    if (text == null) {
      return null;
    }
    double result;
    try {
      result = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return d.fail("expected a number, got " + value.describe());
    }
    return Double.isInfinite(result) ? d.fail("number out of range for a double: " + text) : result;
  }

  /**
   * A finite {@code float}, correctly rounded from the number's text.
   *
   * @param d the read's state
   * @param value the value
   * @return the number, or {@code null} after a problem
   */
  public static Float floatValue(Decoder d, JsonValue value) {
    String text = numberText(d, value);
    if (text == null) {
      return null;
    }
    float result;
    try {
      result = Float.parseFloat(text);
    } catch (NumberFormatException e) {
      return d.fail("expected a number, got " + value.describe());
    }
    return Float.isInfinite(result) ? d.fail("number out of range for a float: " + text) : result;
  }

  /**
   * An ISO-8601 instant such as {@code 2026-11-24T10:15:30Z}.
   *
   * @param d the read's state
   * @param value the value
   * @return the instant, or {@code null} after a problem
   */
  public static Instant instant(Decoder d, JsonValue value) {
    String text = string(d, value);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      return d.fail("expected an ISO-8601 instant such as \"2026-01-31T09:30:00Z\", got "
          + Texts.quote(text));
    }
  }

  /**
   * An ISO-8601 date such as {@code 2026-11-24}.
   *
   * @param d the read's state
   * @param value the value
   * @return the date, or {@code null} after a problem
   */
  public static LocalDate date(Decoder d, JsonValue value) {
    String text = string(d, value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return d.fail("expected an ISO-8601 date such as \"2026-01-31\", got " + Texts.quote(text));
    }
  }

  /**
   * An enum constant by its JSON name: exactly; else ignoring case and separators, when that
   * names one constant; else a text that starts with exactly one constant's name followed by a
   * description ({@code "production: the live site"}). Text naming two constants, or matching
   * several loosely, is a problem.
   *
   * @param <E> the enum
   * @param d the read's state
   * @param value the value
   * @param constants the constants, in the order of {@code names}
   * @param names the constants' JSON names
   * @return the constant, or {@code null} after a problem
   */
  public static <E extends Enum<E>> E enumValue(Decoder d, JsonValue value, E[] constants,
      String[] names) {
    String text = string(d, value);
    if (text == null) {
      return null;
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(text)) {
        return constants[i];
      }
    }
    String trimmed = text.trim();
    List<String> matches = new ArrayList<>();
    int match = -1;
    for (int i = 0; i < names.length; i++) {
      if (Names.looseEquals(names[i], trimmed)) {
        matches.add(names[i]);
        match = i;
      }
    }
    if (matches.size() > 1) {
      return d.fail(Texts.quote(text) + " matches " + matches + " ignoring case; give one of them"
          + " exactly");
    }
    if (match >= 0) {
      d.repaired(Texts.quote(text) + " read as " + names[match]);
      return constants[match];
    }
    int described = EnumText.describedConstant(text, names);
    if (described >= 0) {
      d.repaired(Texts.quote(text) + " read as " + names[described]);
      return constants[described];
    }
    return d.fail("expected one of " + List.of(names) + ", got " + Texts.quote(text));
  }

  /**
   * Any JSON value, as a Jackson tree. Strict mode has no open object, so a free-form value's
   * schema is a string that holds the value as JSON text: such a string is read as that JSON, a
   * string that holds no JSON is itself, and any other value (from a provider that is not strict)
   * is taken as it is.
   *
   * @param d the read's state
   * @param value the value
   * @return the tree
   */
  public static JsonNode json(Decoder d, JsonValue value) {
    return value instanceof JsonString string ? jsonText(string.value()) : Json.readTree(value.toJson());
  }

  /**
   * The value a free-form property's string holds: its JSON, or, when it holds no JSON, itself.
   *
   * @param text the string's text
   * @return the tree
   */
  public static JsonNode jsonText(String text) {
    return StrictJson.readOrNull(text) == null
        ? Json.mapper().getNodeFactory().stringNode(text)
        : Json.readTree(text);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * For a value expected to be one thing: a one-element array's element, or (when
   * {@code parseStrings}) a string holding a JSON object or array. {@code null} if neither.
   */
  static JsonValue unwrap(Decoder d, JsonValue value, boolean parseStrings) {
    if (value instanceof JsonArray array && array.size() == 1) {
      d.repaired("one-element list read as its element");
      return array.get(0);
    }
    if (parseStrings && value instanceof JsonString string) {
      JsonValue parsed = embeddedJson(string.value());
      if (parsed instanceof JsonObject || parsed instanceof JsonArray) {
        d.repaired("string holding JSON read as the value");
        return parsed instanceof JsonArray array && array.size() == 1 ? array.get(0) : parsed;
      }
    }
    return null;
  }

  /** The JSON a string holds, when it holds an object or array; else {@code null}. */
  static JsonValue embeddedJson(String text) {
    String trimmed = text.trim();
    if (trimmed.length() < 2 || !(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return null;
    }
    return StrictJson.readOrNull(trimmed);
  }

  private static boolean isNumeric(String text) {
    if (text.isEmpty() || text.length() > 400) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!allowed) {
        return false;
      }
    }
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
