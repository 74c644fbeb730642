package dev.toolcase.json;

import dev.toolcase.ParseException;
import dev.toolcase.ParseException.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON tree into typed values for generated decoders, coercing what the model meant and
 * recording every problem with its path instead of stopping at the first.
 *
 * <p>Coercions, each recorded in {@link #repairs()}: property names matched ignoring case,
 * {@code _}, {@code -} and spaces; numeric strings to numbers and integral decimals ({@code 2.0})
 * to integers; numbers and booleans to strings; {@code "true"}/{@code "false"} in any case to
 * booleans; enum names ignoring case, or followed by a description; a single value where a list
 * is expected and a one-element list where one value is expected; an object or array given as a
 * string holding JSON. Nothing is rounded or truncated: {@code 2.5} for an int is a problem.
 *
 * <p>One decoder reads one candidate value; it is not thread-safe and not reused.
 */
public final class Decoder {

  /** Integers with more digits than this are refused rather than expanded. */
  private static final int MAX_INTEGER_DIGITS = 1000;

  /** Reads one value of type {@code T}; returns {@code null} after recording a problem. */
  @FunctionalInterface
  public interface Reader<T> {
    /** Reads {@code node}, which is never {@code null} (absent values are handled by the caller). */
    T read(Decoder decoder, JsonNode node);
  }

  /**
   * What the generated code knows of one union member, for inferring a missing discriminator.
   *
   * @param name the discriminator value (the intent)
   * @param required the properties that must be present
   * @param all every property
   */
  public record Shape(String name, List<String> required, List<String> all) {
    /** Copies the lists. */
    public Shape {
      required = List.copyOf(required);
      all = List.copyOf(all);
    }
  }

  private final boolean rejectUnknown;
  private final List<Problem> problems = new ArrayList<>();
  private final List<String> repairs;
  private final List<String> path = new ArrayList<>();

  private Decoder(boolean rejectUnknown, List<String> repairs) {
    this.rejectUnknown = rejectUnknown;
    this.repairs = new ArrayList<>(repairs);
  }

  /** A decoder that ignores unknown properties, noting them as repairs. */
  public static Decoder lenient() {
    return new Decoder(false, List.of());
  }

  /** A decoder that reports unknown properties as problems. */
  public static Decoder rejectingUnknownProperties() {
    return new Decoder(true, List.of());
  }

  /**
   * A decoder with the given handling of unknown properties that starts with the repairs the text
   * needed already recorded.
   */
  static Decoder of(UnknownProperties unknown, List<String> textRepairs) {
    return new Decoder(unknown == UnknownProperties.REJECT, textRepairs);
  }

  // ---------------------------------------------------------------- problems and repairs

  /** A position to compare against with {@link #failedSince(int)}. */
  public int mark() {
    return problems.size();
  }

  /** Whether a problem was recorded after {@code mark}. */
  public boolean failedSince(int mark) {
    return problems.size() > mark;
  }

  /** Whether any problem was recorded. */
  public boolean failed() {
    return !problems.isEmpty();
  }

  /** The problems recorded so far. */
  public List<Problem> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** The repairs and coercions applied so far. */
  public List<String> repairs() {
    return Collections.unmodifiableList(repairs);
  }

  /** Throws the recorded problems, if any, as one {@link ParseException}. */
  public void throwIfFailed() {
    if (!problems.isEmpty()) {
      throw new ParseException(problems, repairs);
    }
  }

  /** Records a problem at the current path and returns {@code null}, for {@code return fail(...)}. */
  public <T> T fail(String message) {
    problems.add(new Problem(currentPath(), message));
    return null;
  }

  private void repaired(String what) {
    String at = currentPath();
    repairs.add(at.isEmpty() ? what : at + ": " + what);
  }

  private String currentPath() {
    if (path.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (String segment : path) {
      if (!segment.startsWith("[") && !text.isEmpty()) {
        text.append('.');
      }
      text.append(segment);
    }
    return text.toString();
  }

  // ---------------------------------------------------------------- objects and properties

  /**
   * The node as an object: an object as it is, a string holding a JSON object parsed, a
   * one-element array unwrapped. Otherwise records a problem and returns {@code null}.
   */
  public JsonNode object(JsonNode node) {
    if (node.isObject()) {
      return node;
    }
    JsonNode unwrapped = unwrapContainer(node, true);
    if (unwrapped != null && unwrapped.isObject()) {
      return unwrapped;
    }
    return fail("expected an object, got " + describe(node));
  }

  /** Reads a required property: missing or {@code null} is a problem. */
  public <T> T required(JsonNode object, String name, Reader<T> reader) {
    JsonNode value = property(object, name);
    path.add(name);
    try {
      if (value == null || value.isNull()) {
        return fail("required, but " + (value == null ? "missing" : "null"));
      }
      return reader.read(this, value);
    } finally {
      path.removeLast();
    }
  }

  /** Reads an optional property: missing or {@code null} is empty. */
  public <T> Optional<T> optional(JsonNode object, String name, Reader<T> reader) {
    JsonNode value = property(object, name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    path.add(name);
    try {
      return Optional.ofNullable(reader.read(this, value));
    } finally {
      path.removeLast();
    }
  }

  /** Whether the object has a non-null property of this name (matched as in {@link #property}). */
  public boolean has(JsonNode object, String name) {
    JsonNode value = property(object, name);
    return value != null && !value.isNull();
  }

  /**
   * The property {@code name} of {@code object}: matched exactly, else ignoring case, {@code _},
   * {@code -} and spaces (a repair). {@code null} if absent.
   */
  public JsonNode property(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return exact;
    }
    String wanted = Names.loose(name);
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (Names.loose(entry.getKey()).equals(wanted)) {
        repaired("property \"" + entry.getKey() + "\" read as \"" + name + "\"");
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * Checks an object for properties that are none of {@code known}: problems when rejecting
   * unknown properties, otherwise ignored and noted as repairs.
   */
  public void unknownProperties(JsonNode object, Set<String> known) {
    if (object.size() <= known.size()) {
      boolean allKnown = true;
      for (String name : object.propertyNames()) {
        if (!known.contains(name)) {
          allKnown = false;
          break;
        }
      }
      if (allKnown) {
        return;
      }
    }
    Set<String> loose = new LinkedHashSet<>();
    for (String name : known) {
      loose.add(Names.loose(name));
    }
    for (String name : object.propertyNames()) {
      if (!known.contains(name) && !loose.contains(Names.loose(name))) {
        if (rejectUnknown) {
          fail("unknown property \"" + name + "\"; expected only " + new TreeSet<>(known));
        } else {
          repaired("ignored unknown property \"" + name + "\"");
        }
      }
    }
  }

  /**
   * A value that a strict root schema wraps in an object: the property {@code key} when the node
   * is an object that has it, else the node itself (a model may answer the bare value).
   */
  public <T> T wrapped(JsonNode node, String key, Reader<T> reader) {
    if (node.isObject()) {
      return required(node, key, reader);
    }
    return reader.read(this, node);
  }

  // ---------------------------------------------------------------- unions

  /**
   * The discriminator of a union member: the property {@code key}, trimmed, camelCase split,
   * lower-cased, with {@code -} and spaces as {@code _}. {@code null} if absent.
   */
  public String discriminator(JsonNode object, String key) {
    JsonNode value = property(object, key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      path.add(key);
      try {
        return fail("expected a string naming the " + key + ", got " + describe(value));
      } finally {
        path.removeLast();
      }
    }
    String raw = value.stringValue();
    String normal = Names.snake(raw);
    if (!normal.equals(raw)) {
      repaired(key + " \"" + raw + "\" read as \"" + normal + "\"");
    }
    return normal;
  }

  /**
   * A union member's object and its discriminator value.
   *
   * @param tag the discriminator, normalised as in {@link #discriminator}
   * @param object the member's object
   */
  public record Tagged(String tag, JsonNode object) {}

  /**
   * Reads the object of a union member and tells which member it is: by the discriminator
   * {@code key} when present, else by {@link #infer inference} from its properties. {@code null}
   * after recording a problem.
   */
  public Tagged tagged(JsonNode node, String key, List<Shape> shapes) {
    if (node == null) {
      return null;
    }
    JsonNode object = object(node);
    if (object == null) {
      return null;
    }
    int mark = mark();
    String tag = discriminator(object, key);
    if (failedSince(mark)) {
      return null;
    }
    if (tag == null) {
      tag = infer(object, key, shapes);
    }
    return tag == null ? null : new Tagged(tag, object);
  }

  /**
   * The object of a top-level step: unwraps the {@code wrapper} object of the union schema
   * ({@code {"next_step": {...}}}) and a function-call envelope ({@code {"name": ..., "arguments":
   * ...}} without {@code intent}), noting each as a repair. {@code null} after a problem.
   */
  public JsonNode stepObject(JsonNode node, String wrapper, String key) {
    JsonNode object = object(node);
    if (object == null) {
      return null;
    }
    if (object.size() == 1) {
      JsonNode inner = property(object, wrapper);
      if (inner != null && !inner.isNull()) {
        path.add(wrapper);
        try {
          return object(inner);
        } finally {
          path.removeLast();
        }
      }
    }
    if (property(object, key) == null) {
      JsonNode name = object.get("name");
      JsonNode arguments = object.get("arguments");
      if (arguments == null) {
        arguments = object.get("parameters");
      }
      if (arguments == null) {
        arguments = object.get("input");
      }
      if (name != null && name.isString() && arguments != null && object.size() == 2) {
        JsonNode fields = arguments.isString() ? embeddedJson(arguments.stringValue()) : arguments;
        if (fields != null && fields.isObject()) {
          repaired("function-call envelope read as " + key + " \"" + name.stringValue() + "\"");
          tools.jackson.databind.node.ObjectNode step = ((tools.jackson.databind.node.ObjectNode) fields).deepCopy();
          step.put(key, name.stringValue());
          return step;
        }
      }
    }
    return object;
  }

  /** A tool name as an intent: trimmed, camelCase split, lower-cased, {@code -} and spaces as {@code _}. */
  public static String tagOf(String name) {
    return Names.snake(name);
  }

  /** Records that a discriminator names no member. */
  public <T> T unknownMember(String key, String value, List<String> allowed) {
    path.add(key);
    try {
      return fail("expected one of " + allowed + ", got \"" + value + "\"");
    } finally {
      path.removeLast();
    }
  }

  /**
   * Infers the member of an object without a discriminator: the one member whose required
   * properties are all present and that has at least one property present. {@code null}, with a
   * problem, when no member or several fit.
   */
  public String infer(JsonNode object, String key, List<Shape> shapes) {
    List<String> fitting = new ArrayList<>();
    for (Shape shape : shapes) {
      if (fits(object, shape)) {
        fitting.add(shape.name());
      }
    }
    if (fitting.size() == 1) {
      repaired("missing " + key + " inferred as \"" + fitting.getFirst() + "\"");
      return fitting.getFirst();
    }
    List<String> names = shapes.stream().map(Shape::name).toList();
    return fitting.isEmpty()
        ? fail("missing \"" + key + "\"; expected one of " + names)
        : fail("missing \"" + key + "\", and the fields fit several of " + fitting + "; add \""
            + key + "\"");
  }

  private boolean fits(JsonNode object, Shape shape) {
    for (String name : shape.required()) {
      if (!has(object, name)) {
        return false;
      }
    }
    for (String name : shape.all()) {
      if (has(object, name)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- scalars

  /** A string; numbers and booleans are taken as their text. */
  public String string(JsonNode node) {
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isNumber() || node.isBoolean()) {
      repaired(node.getNodeType().name().toLowerCase(Locale.ROOT) + " read as a string");
      return node.asString();
    }
    JsonNode single = unwrapContainer(node, false);
    if (single != null && single.isValueNode() && !single.isNull()) {
      return string(single);
    }
    return fail("expected a string, got " + describe(node));
  }

  /** A single character: a string of length one. */
  public Character character(JsonNode node) {
    String text = string(node);
    if (text == null) {
      return null;
    }
    return text.length() == 1 ? text.charAt(0) : fail("expected a single character, got " + quote(text));
  }

  /** A boolean; {@code "true"} and {@code "false"} in any case are accepted. */
  public Boolean bool(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isString()) {
      String text = node.stringValue().trim();
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        repaired("string " + quote(text) + " read as a boolean");
        return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
      }
    }
    JsonNode single = unwrapContainer(node, false);
    if (single != null && single.isValueNode()) {
      return bool(single);
    }
    return fail("expected true or false, got " + describe(node));
  }

  /** An exact decimal number; numeric strings are accepted. */
  public BigDecimal decimal(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isString()) {
      String text = node.stringValue().trim();
      BigDecimal parsed = parseDecimal(text);
      if (parsed != null) {
        repaired("string " + quote(text) + " read as a number");
        return parsed;
      }
    }
    JsonNode single = unwrapContainer(node, false);
    if (single != null && single.isValueNode()) {
      return decimal(single);
    }
    return fail("expected a number, got " + describe(node));
  }

  /** An integer that fits in {@code [min, max]}; a fraction is a problem, never rounded. */
  private BigInteger integral(JsonNode node, String type, long min, long max) {
    if (node.isIntegralNumber()) {
      BigInteger value = node.bigIntegerValue();
      return inRange(value, type, min, max);
    }
    BigDecimal value = decimal(node);
    if (value == null) {
      return null;
    }
    BigInteger exact = exactInteger(value);
    if (exact == null) {
      return null;
    }
    if (!node.isString()) {
      repaired(plain(value) + " read as the integer " + exact);
    }
    return inRange(exact, type, min, max);
  }

  /** The integer {@code value}, or a problem for a fraction or more digits than any use needs. */
  private BigInteger exactInteger(BigDecimal value) {
    if (value.signum() != 0 && value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      return fail("expected an integer of at most " + MAX_INTEGER_DIGITS + " digits, got "
          + value);
    }
    try {
      return value.toBigIntegerExact();
    } catch (ArithmeticException e) {
      return fail("expected an integer, got " + plain(value));
    }
  }

  /** The number as written by people, except with an exponent too large to spell out. */
  private static String plain(BigDecimal value) {
    return Math.abs(value.scale()) > 100 ? value.toString() : value.toPlainString();
  }

  private BigInteger inRange(BigInteger value, String type, long min, long max) {
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      return fail("expected an integer from " + min + " to " + max + " (" + type + "), got " + value);
    }
    return value;
  }

  /** An {@code int}. */
  public Integer integer(JsonNode node) {
    if (node.isInt()) {
      return node.intValue();
    }
    BigInteger value = integral(node, "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    return value == null ? null : value.intValue();
  }

  /** A {@code long}. */
  public Long longValue(JsonNode node) {
    if (node.isInt() || node.isLong()) {
      return node.longValue();
    }
    BigInteger value = integral(node, "long", Long.MIN_VALUE, Long.MAX_VALUE);
    return value == null ? null : value.longValue();
  }

  /** A {@code short}. */
  public Short shortValue(JsonNode node) {
    BigInteger value = integral(node, "short", Short.MIN_VALUE, Short.MAX_VALUE);
    return value == null ? null : value.shortValue();
  }

  /** A {@code byte}. */
  public Byte byteValue(JsonNode node) {
    BigInteger value = integral(node, "byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
    return value == null ? null : value.byteValue();
  }

  /** A {@code BigInteger}. */
  public BigInteger bigInteger(JsonNode node) {
    BigDecimal value = decimal(node);
    return value == null ? null : exactInteger(value);
  }

  /**
   * A {@code double}; out-of-range values are a problem, not infinity. Numbers are read as
   * decimals, which have no negative zero, so a value that underflows reads as {@code 0.0}.
   */
  public Double doubleValue(JsonNode node) {
    if (node.isString()) {
      String text = node.stringValue().trim();
      if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
        return Double.valueOf(text);
      }
    }
    BigDecimal value = decimal(node);
    if (value == null) {
      return null;
    }
    double result = value.doubleValue();
    if (result == 0.0) {
      return 0.0;
    }
    return Double.isInfinite(result) ? fail("number out of range for a double: " + value) : result;
  }

  /** A {@code float}; out-of-range values are a problem, not infinity. */
  public Float floatValue(JsonNode node) {
    Double value = doubleValue(node);
    if (value == null) {
      return null;
    }
    float result = value.floatValue();
    return Float.isInfinite(result) && !value.isInfinite()
        ? fail("number out of range for a float: " + value)
        : result;
  }

  /** An ISO-8601 instant such as {@code 2026-11-24T10:15:30Z}. */
  public Instant instant(JsonNode node) {
    String text = string(node);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      return fail("expected an ISO-8601 instant such as \"2026-01-31T09:30:00Z\", got " + quote(text));
    }
  }

  /** An ISO-8601 date such as {@code 2026-11-24}. */
  public LocalDate date(JsonNode node) {
    String text = string(node);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return fail("expected an ISO-8601 date such as \"2026-01-31\", got " + quote(text));
    }
  }

  /**
   * An enum constant by name: exactly, else ignoring case, {@code _}, {@code -} and spaces, else a
   * text that starts with exactly one constant's name followed by a description
   * ({@code "production: the live site"}). Text naming two constants is a problem.
   */
  public <E extends Enum<E>> E enumValue(JsonNode node, E[] constants) {
    String text = string(node);
    if (text == null) {
      return null;
    }
    for (E constant : constants) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    String loose = Names.loose(text);
    for (E constant : constants) {
      if (Names.loose(constant.name()).equals(loose)) {
        repaired(quote(text) + " read as " + constant.name());
        return constant;
      }
    }
    E match = EnumText.describedConstant(text, constants);
    if (match != null) {
      repaired(quote(text) + " read as " + match.name());
      return match;
    }
    List<String> names = new ArrayList<>(constants.length);
    for (E constant : constants) {
      names.add(constant.name());
    }
    return fail("expected one of " + names + ", got " + quote(text));
  }

  // ---------------------------------------------------------------- collections

  /** A list; a single value is read as a list of one. */
  public <T> List<T> list(JsonNode node, Reader<T> element) {
    JsonNode array = array(node);
    if (array == null) {
      List<T> single = new ArrayList<>(1);
      repaired("single value read as a list of one");
      path.add("[0]");
      try {
        T value = element.read(this, node);
        single.add(value);
      } finally {
        path.removeLast();
      }
      return single;
    }
    List<T> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      path.add("[" + i + "]");
      try {
        values.add(item.isNull() ? fail("expected a value, got null") : element.read(this, item));
      } finally {
        path.removeLast();
      }
    }
    return values;
  }

  /** A set, read as a list; duplicates collapse. Iteration keeps the JSON order. */
  public <T> Set<T> set(JsonNode node, Reader<T> element) {
    List<T> values = list(node, element);
    return new LinkedHashSet<>(values);
  }

  /**
   * A map with string keys: an object, or an array of {@code {"key", "value"}} entries (the
   * shape the strict schema uses). Keys are data and are never changed.
   */
  public <T> Map<String, T> map(JsonNode node, Reader<T> value) {
    JsonNode container = node.isObject() || node.isArray() ? node : unwrapContainer(node, true);
    if (container == null || !(container.isObject() || container.isArray())) {
      return fail("expected an object or an array of {\"key\", \"value\"} entries, got "
          + describe(node));
    }
    Map<String, T> values = new LinkedHashMap<>();
    if (container.isObject()) {
      for (Map.Entry<String, JsonNode> entry : container.properties()) {
        path.add(entry.getKey());
        try {
          JsonNode item = entry.getValue();
          values.put(entry.getKey(),
              item.isNull() ? fail("expected a value, got null") : value.read(this, item));
        } finally {
          path.removeLast();
        }
      }
      return values;
    }
    for (int i = 0; i < container.size(); i++) {
      path.add("[" + i + "]");
      try {
        JsonNode entry = object(container.get(i));
        if (entry == null) {
          continue;
        }
        String key = required(entry, "key", Decoder::string);
        T item = required(entry, "value", value);
        if (key != null) {
          if (values.containsKey(key)) {
            fail("duplicate key " + quote(key));
          }
          values.put(key, item);
        }
      } finally {
        path.removeLast();
      }
    }
    return values;
  }

  // ---------------------------------------------------------------- helpers

  /** The node as an array, or a string holding a JSON array parsed; {@code null} otherwise. */
  private JsonNode array(JsonNode node) {
    if (node.isArray()) {
      return node;
    }
    if (node.isString()) {
      JsonNode parsed = embeddedJson(node.stringValue());
      if (parsed != null && parsed.isArray()) {
        repaired("string holding a JSON array read as the array");
        return parsed;
      }
    }
    return null;
  }

  /**
   * For a value expected to be one thing: a one-element array's element, or (when
   * {@code parseStrings}) a string holding a JSON object or array. {@code null} if neither.
   */
  private JsonNode unwrapContainer(JsonNode node, boolean parseStrings) {
    if (node.isArray() && node.size() == 1) {
      repaired("one-element list read as its element");
      return node.get(0);
    }
    if (parseStrings && node.isString()) {
      JsonNode parsed = embeddedJson(node.stringValue());
      if (parsed != null && (parsed.isObject() || parsed.isArray())) {
        repaired("string holding JSON read as the value");
        return parsed.isArray() ? unwrapContainer(parsed, false) : parsed;
      }
    }
    return null;
  }

  private static JsonNode embeddedJson(String text) {
    String trimmed = text.trim();
    if (trimmed.length() < 2 || !(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return null;
    }
    try {
      return Json.readTree(trimmed);
    } catch (ParseException e) {
      return null;
    }
  }

  private static BigDecimal parseDecimal(String text) {
    if (text.isEmpty() || text.length() > 400) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!allowed) {
        return null;
      }
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A short description of a node for messages: its kind and, for scalars, its value. */
  static String describe(JsonNode node) {
    if (node.isString()) {
      return quote(node.stringValue());
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array of " + node.size();
    }
    return node.toString();
  }

  private static String quote(String text) {
    String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
    return "\"" + shown.replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
