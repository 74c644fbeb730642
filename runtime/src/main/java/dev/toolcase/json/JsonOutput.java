package dev.toolcase.json;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/**
 * A small JSON writer for generated encoders: compact output, property names written as given.
 * It wraps Jackson's streaming generator so generated code depends on this stable surface only.
 */
public final class JsonOutput implements AutoCloseable {

  /** Writes one value of type {@code T}; generated code supplies these for its types. */
  @FunctionalInterface
  public interface Writer<T> {
    /** Writes {@code value}, which may be {@code null}. */
    void write(JsonOutput out, T value);
  }

  private final StringWriter buffer;
  private final JsonGenerator generator;

  private JsonOutput() {
    this.buffer = new StringWriter(128);
    this.generator = Json.mapper().createGenerator(buffer);
  }

  /** Writes one value with {@code body} and returns the JSON text. */
  public static String write(Consumer<JsonOutput> body) {
    try (JsonOutput out = new JsonOutput()) {
      body.accept(out);
      out.generator.flush();
      return out.buffer.toString();
    }
  }

  /** Starts an object. */
  public JsonOutput beginObject() {
    generator.writeStartObject();
    return this;
  }

  /** Ends the current object. */
  public JsonOutput endObject() {
    generator.writeEndObject();
    return this;
  }

  /** Starts an array. */
  public JsonOutput beginArray() {
    generator.writeStartArray();
    return this;
  }

  /** Ends the current array. */
  public JsonOutput endArray() {
    generator.writeEndArray();
    return this;
  }

  /** Writes a property name; the value follows. */
  public JsonOutput name(String name) {
    generator.writeName(name);
    return this;
  }

  /** Writes a string, or {@code null}. */
  public JsonOutput value(String value) {
    if (value == null) {
      generator.writeNull();
    } else {
      generator.writeString(value);
    }
    return this;
  }

  /** Writes a character as a one-character string. */
  public JsonOutput value(char value) {
    generator.writeString(String.valueOf(value));
    return this;
  }

  /** Writes a boolean. */
  public JsonOutput value(boolean value) {
    generator.writeBoolean(value);
    return this;
  }

  /** Writes an integer. */
  public JsonOutput value(long value) {
    generator.writeNumber(value);
    return this;
  }

  /** Writes a floating-point number; NaN and infinities, which JSON lacks, as strings. */
  public JsonOutput value(double value) {
    if (Double.isFinite(value)) {
      generator.writeNumber(value);
    } else {
      generator.writeString(Double.toString(value));
    }
    return this;
  }

  /** Writes a {@code float} with its own shortest digits (not those of the widened double). */
  public JsonOutput value(float value) {
    if (Float.isFinite(value)) {
      generator.writeNumber(value);
    } else {
      generator.writeString(Float.toString(value));
    }
    return this;
  }

  /** Writes a boxed number, or {@code null}. */
  public JsonOutput value(Number value) {
    switch (value) {
      case null -> generator.writeNull();
      case BigDecimal decimal -> generator.writeNumber(decimal);
      case BigInteger integer -> generator.writeNumber(integer);
      case Double number -> value(number.doubleValue());
      case Float number -> value(number.floatValue());
      default -> generator.writeNumber(value.longValue());
    }
    return this;
  }

  /** Writes a boxed boolean, or {@code null}. */
  public JsonOutput value(Boolean value) {
    return value == null ? nullValue() : value(value.booleanValue());
  }

  /** Writes a boxed character as a one-character string, or {@code null}. */
  public JsonOutput value(Character value) {
    return value == null ? nullValue() : value(value.charValue());
  }

  /** Writes an instant as an ISO-8601 string, or {@code null}. */
  public JsonOutput value(Instant value) {
    return value(value == null ? null : value.toString());
  }

  /** Writes a date as an ISO-8601 string, or {@code null}. */
  public JsonOutput value(LocalDate value) {
    return value(value == null ? null : value.toString());
  }

  /** Writes an enum constant as its name, or {@code null}. */
  public JsonOutput value(Enum<?> value) {
    return value(value == null ? null : value.name());
  }

  /** Writes {@code value} with {@code writer}: a generated record or union writer. */
  public <T> JsonOutput write(T value, Writer<? super T> writer) {
    writer.write(this, value);
    return this;
  }

  /** Writes a list or set as an array, or {@code null}. */
  public <T> JsonOutput array(Collection<T> values, Writer<? super T> element) {
    if (values == null) {
      return nullValue();
    }
    generator.writeStartArray();
    for (T value : values) {
      element.write(this, value);
    }
    generator.writeEndArray();
    return this;
  }

  /**
   * Writes a map as an array of {@code {"key", "value"}} entries, the shape strict schemas allow,
   * or {@code null}.
   */
  public <T> JsonOutput entries(Map<String, T> values, Writer<? super T> value) {
    if (values == null) {
      return nullValue();
    }
    generator.writeStartArray();
    for (Map.Entry<String, T> entry : values.entrySet()) {
      generator.writeStartObject();
      generator.writeName("key");
      generator.writeString(entry.getKey());
      generator.writeName("value");
      value.write(this, entry.getValue());
      generator.writeEndObject();
    }
    generator.writeEndArray();
    return this;
  }

  /** Writes an optional's value, or {@code null} when it is empty (or itself {@code null}). */
  public <T> JsonOutput optional(Optional<T> value, Writer<? super T> writer) {
    if (value == null || value.isEmpty()) {
      return nullValue();
    }
    writer.write(this, value.get());
    return this;
  }

  /** Writes {@code null}. */
  public JsonOutput nullValue() {
    generator.writeNull();
    return this;
  }

  /** Writes a tree as it is. */
  public JsonOutput tree(tools.jackson.databind.JsonNode node) {
    Json.mapper().writeTree(generator, node);
    return this;
  }

  @Override
  public void close() {
    generator.close();
  }
}
