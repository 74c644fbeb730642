package dev.toolcase.codec;

import dev.toolcase.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Compact JSON text for generated encoders, into a {@code StringBuilder}: property names as given,
 * strings escaped as JSON requires (and lone surrogates as {@code \\u} escapes, so no text is lost
 * on its way to UTF-8), numbers in Java's shortest form. Not thread-safe; one writer, one value.
 */
public final class JsonWriter {

  /**
   * Writes one value of type {@code T}; generated code supplies these for its types.
   *
   * @param <T> the value's type
   */
  @FunctionalInterface
  public interface Writer<T> {
    /**
     * Writes {@code value}.
     *
     * @param out where to
     * @param value the value, which may be {@code null}
     */
    void write(JsonWriter out, T value);
  }

  private final StringBuilder text = new StringBuilder(128);
  /** Per open container: whether a value was written in it, so the next needs a comma. */
  private boolean[] written = new boolean[16];
  private int depth;
  private boolean afterName;

  /** An empty writer. */
  public JsonWriter() {}

  /**
   * Writes one value with {@code body} and returns the JSON text.
   *
   * @param body what writes the value
   * @return the text
   */
  public static String write(Consumer<JsonWriter> body) {
    JsonWriter out = new JsonWriter();
    body.accept(out);
    return out.toString();
  }

  /** The text written so far. */
  @Override
  public String toString() {
    return text.toString();
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (written[depth - 1]) {
        text.append(',');
      }
      written[depth - 1] = true;
    }
  }

  private void open(char bracket) {
    beforeValue();
    text.append(bracket);
    if (depth == written.length) {
      written = Arrays.copyOf(written, depth * 2);
    }
    written[depth++] = false;
  }

  /**
   * Starts an object.
   *
   * @return this writer
   */
  public JsonWriter beginObject() {
    open('{');
    return this;
  }

  /**
   * Ends the current object.
   *
   * @return this writer
   */
  public JsonWriter endObject() {
    depth--;
    text.append('}');
    return this;
  }

  /**
   * Starts an array.
   *
   * @return this writer
   */
  public JsonWriter beginArray() {
    open('[');
    return this;
  }

  /**
   * Ends the current array.
   *
   * @return this writer
   */
  public JsonWriter endArray() {
    depth--;
    text.append(']');
    return this;
  }

  /**
   * Writes a property name; the value follows.
   *
   * @param name the name
   * @return this writer
   */
  public JsonWriter name(String name) {
    beforeValue();
    string(name);
    text.append(':');
    afterName = true;
    return this;
  }

  /**
   * Writes a string.
   *
   * @param value the string, or {@code null}
   * @return this writer
   */
  public JsonWriter value(String value) {
    if (value == null) {
      return nullValue();
    }
    beforeValue();
    string(value);
    return this;
  }

  /**
   * Writes a character as a one-character string.
   *
   * @param value the character
   * @return this writer
   */
  public JsonWriter value(char value) {
    return value(String.valueOf(value));
  }

  /**
   * Writes a boolean.
   *
   * @param value the boolean
   * @return this writer
   */
  public JsonWriter value(boolean value) {
    beforeValue();
    text.append(value);
    return this;
  }

  /**
   * Writes an integer.
   *
   * @param value the integer
   * @return this writer
   */
  public JsonWriter value(long value) {
    beforeValue();
    text.append(value);
    return this;
  }

  /**
   * Writes a floating-point number in its shortest form; NaN and the infinities, which JSON lacks,
   * as strings (which the readers refuse for a number).
   *
   * @param value the number
   * @return this writer
   */
  public JsonWriter value(double value) {
    if (!Double.isFinite(value)) {
      return value(Double.toString(value));
    }
    beforeValue();
    text.append(value);
    return this;
  }

  /**
   * Writes a {@code float} with its own shortest digits, not those of the widened double.
   *
   * @param value the number
   * @return this writer
   */
  public JsonWriter value(float value) {
    if (!Float.isFinite(value)) {
      return value(Float.toString(value));
    }
    beforeValue();
    text.append(value);
    return this;
  }

  /**
   * Writes a boxed number.
   *
   * @param value the number, or {@code null}
   * @return this writer
   */
  public JsonWriter value(Number value) {
    return switch (value) {
      case null -> nullValue();
      case Double number -> value(number.doubleValue());
      case Float number -> value(number.floatValue());
      case BigDecimal decimal -> raw(decimal.toString());
      case BigInteger integer -> raw(integer.toString());
      default -> value(value.longValue());
    };
  }

  /**
   * Writes a boxed boolean.
   *
   * @param value the boolean, or {@code null}
   * @return this writer
   */
  public JsonWriter value(Boolean value) {
    return value == null ? nullValue() : value(value.booleanValue());
  }

  /**
   * Writes a boxed character as a one-character string.
   *
   * @param value the character, or {@code null}
   * @return this writer
   */
  public JsonWriter value(Character value) {
    return value == null ? nullValue() : value(value.charValue());
  }

  /**
   * Writes an instant as an ISO-8601 string.
   *
   * @param value the instant, or {@code null}
   * @return this writer
   */
  public JsonWriter value(Instant value) {
    return value(value == null ? null : value.toString());
  }

  /**
   * Writes a date as an ISO-8601 string.
   *
   * @param value the date, or {@code null}
   * @return this writer
   */
  public JsonWriter value(LocalDate value) {
    return value(value == null ? null : value.toString());
  }

  /**
   * Writes an enum constant as its name.
   *
   * @param value the constant, or {@code null}
   * @return this writer
   */
  public JsonWriter value(Enum<?> value) {
    return value(value == null ? null : value.name());
  }

  /**
   * Writes a value read earlier, exactly: numbers keep their text.
   *
   * @param value the value, or {@code null}
   * @return this writer
   */
  public JsonWriter value(JsonValue value) {
    switch (value) {
      case null -> nullValue();
      case JsonNull n -> nullValue();
      case JsonBoolean b -> value(b.value());
      case JsonNumber number -> raw(StrictJson.numberEnd(number.text(), 0, number.text().length())
          == number.text().length() ? number.text() : number.decimal().toString());
      case JsonString string -> value(string.value());
      case JsonArray array -> {
        beginArray();
        array.elements().forEach(this::value);
        endArray();
      }
      case JsonObject object -> {
        beginObject();
        for (JsonObject.Member member : object.members()) {
          name(member.name());
          value(member.value());
        }
        endObject();
      }
    }
    return this;
  }

  /**
   * Writes {@code value} with {@code writer}: a generated record or union writer.
   *
   * @param <T> the value's type
   * @param value the value
   * @param writer what writes it
   * @return this writer
   */
  public <T> JsonWriter write(T value, Writer<? super T> writer) {
    writer.write(this, value);
    return this;
  }

  /**
   * Writes a list or set as an array.
   *
   * @param <T> the elements' type
   * @param values the elements, or {@code null}
   * @param element what writes one element
   * @return this writer
   */
  public <T> JsonWriter array(Collection<T> values, Writer<? super T> element) {
    if (values == null) {
      return nullValue();
    }
    beginArray();
    for (T value : values) {
      element.write(this, value);
    }
    return endArray();
  }

  /**
   * Writes a map as an array of {@code {"key", "value"}} entries, the shape strict schemas allow.
   *
   * @param <T> the values' type
   * @param values the map, or {@code null}
   * @param value what writes one value
   * @return this writer
   */
  public <T> JsonWriter entries(Map<String, T> values, Writer<? super T> value) {
    if (values == null) {
      return nullValue();
    }
    beginArray();
    for (Map.Entry<String, T> entry : values.entrySet()) {
      beginObject();
      name("key").value(entry.getKey());
      name("value");
      value.write(this, entry.getValue());
      endObject();
    }
    return endArray();
  }

  /**
   * Writes an optional's value, or {@code null} when it is empty (or itself {@code null}).
   *
   * @param <T> the value's type
   * @param value the optional
   * @param writer what writes the value
   * @return this writer
   */
  public <T> JsonWriter optional(Optional<T> value, Writer<? super T> writer) {
    if (value == null || value.isEmpty()) {
      return nullValue();
    }
    writer.write(this, value.get());
    return this;
  }

  /**
   * Writes {@code null}.
   *
   * @return this writer
   */
  public JsonWriter nullValue() {
    return raw("null");
  }

  /**
   * Writes any JSON value in the form its strict schema has: a string that holds its JSON text.
   *
   * @param node the value, or {@code null}
   * @return this writer
   */
  public JsonWriter json(JsonNode node) {
    return node == null ? nullValue() : value(Json.write(node));
  }

  /**
   * Writes a Jackson tree as it is.
   *
   * @param node the tree
   * @return this writer
   */
  public JsonWriter tree(tools.jackson.databind.JsonNode node) {
    return raw(Json.write(node));
  }

  /**
   * Writes JSON text that a trusted writer produced, as one value.
   *
   * @param json one complete JSON value
   * @return this writer
   */
  public JsonWriter raw(String json) {
    beforeValue();
    text.append(json);
    return this;
  }

  private void string(String value) {
    text.append('"');
    int start = 0;
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < length
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++; // a well-formed pair is written as it is
        continue;
      }
      text.append(value, start, i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case '\b' -> text.append("\\b");
        case '\f' -> text.append("\\f");
        default -> unicodeEscape(c); // other control characters and lone surrogates
      }
      start = i + 1;
    }
    text.append(value, start, length).append('"');
  }

  private void unicodeEscape(char c) {
    text.append("\\u");
    String hex = Integer.toHexString(c);
    for (int pad = hex.length(); pad < 4; pad++) {
      text.append('0');
    }
    text.append(hex);
  }
}
