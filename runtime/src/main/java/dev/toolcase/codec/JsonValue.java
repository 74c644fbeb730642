package dev.toolcase.codec;

/**
 * A JSON value as read, before it is converted to a Java type: what {@link Decoder} reads. Unlike
 * a general JSON tree it keeps what a model wrote that a conversion must see: every member of an
 * object in order (a repeated name stays repeated), and each number's text exactly as written.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /**
   * The value as compact JSON text.
   *
   * @return the text
   */
  default String toJson() {
    JsonWriter out = new JsonWriter();
    out.value(this);
    return out.toString();
  }

  /**
   * A short description for messages: the kind and, for scalars, the value.
   *
   * @return such as {@code an object}, {@code "staging"} or {@code 2.5}
   */
  String describe();
}
