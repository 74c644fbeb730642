package dev.toolcase.json;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/**
 * A small JSON writer for generated encoders: compact output, property names written as given.
 * It wraps Jackson's streaming generator so generated code depends on this stable surface only.
 */
public final class JsonOutput implements AutoCloseable {

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

  /** Writes a decimal with all its digits. */
  public JsonOutput value(BigDecimal value) {
    generator.writeNumber(value);
    return this;
  }

  /** Writes an instant as an ISO-8601 string. */
  public JsonOutput value(Instant value) {
    generator.writeString(value.toString());
    return this;
  }

  /** Writes a date as an ISO-8601 string. */
  public JsonOutput value(LocalDate value) {
    generator.writeString(value.toString());
    return this;
  }

  /** Writes an enum constant as its name. */
  public JsonOutput value(Enum<?> value) {
    generator.writeString(value.name());
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
