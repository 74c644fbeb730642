package dev.toolcase.codec;

/** JSON's {@code null}. */
public record JsonNull() implements JsonValue {

  /** The one instance. */
  public static final JsonNull INSTANCE = new JsonNull();

  @Override
  public String describe() {
    return "null";
  }
}
