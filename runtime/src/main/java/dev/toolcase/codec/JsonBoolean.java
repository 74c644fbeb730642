package dev.toolcase.codec;

/**
 * A JSON {@code true} or {@code false}.
 *
 * @param value the value
 */
public record JsonBoolean(boolean value) implements JsonValue {

  /** {@code true}. */
  public static final JsonBoolean TRUE = new JsonBoolean(true);
  /** {@code false}. */
  public static final JsonBoolean FALSE = new JsonBoolean(false);

  /**
   * The shared instance of {@code value}.
   *
   * @param value the value
   * @return {@link #TRUE} or {@link #FALSE}
   */
  public static JsonBoolean of(boolean value) {
    return value ? TRUE : FALSE;
  }

  @Override
  public String describe() {
    return Boolean.toString(value);
  }
}
