package dev.toolcase.json;

import dev.toolcase.ParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper of the runtime, used only for its tree model and streaming API: no data
 * binding to records. Immutable, so sharing it is safe.
 */
public final class Json {

  /** Nesting deeper than this is refused instead of recursing into a stack overflow. */
  public static final int MAX_DEPTH = dev.toolcase.codec.StrictJson.MAX_DEPTH;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          // Numbers keep every digit: a BigDecimal argument must not pass through a double.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private Json() {}

  /**
   * The shared mapper (tree model and streaming only).
   *
   * @return the mapper
   */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads strict JSON text into a tree.
   *
   * @param text the JSON text
   * @return the tree
   * @throws ParseException if the text is not one well-formed JSON value
   */
  public static JsonNode readTree(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new ParseException("expected a JSON value, got nothing");
      }
      return node;
    } catch (JacksonException e) {
      throw new ParseException("invalid JSON: " + e.getOriginalMessage());
    } catch (NumberFormatException e) {
      // Jackson's number parser throws this for numbers beyond its limits.
      throw new ParseException("invalid JSON: a number is out of range");
    }
  }

  /**
   * Writes a tree as compact JSON text.
   *
   * @param node the tree
   * @return the text
   */
  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }
}
