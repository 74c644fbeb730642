package dev.toolcase.codec;

import java.util.Objects;

/**
 * A JSON string.
 *
 * @param value the text, escapes decoded
 */
public record JsonString(String value) implements JsonValue {

  /** Checks the text is present. */
  public JsonString {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String describe() {
    return Texts.quote(value);
  }
}
