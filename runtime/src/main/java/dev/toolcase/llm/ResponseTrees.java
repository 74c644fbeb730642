package dev.toolcase.llm;

import dev.toolcase.ParseException;
import dev.toolcase.json.Json;
import tools.jackson.databind.JsonNode;

/** Small readers shared by the response parsers. */
final class ResponseTrees {

  private ResponseTrees() {}

  /** The body as a JSON object. */
  static JsonNode object(String body) {
    JsonNode root;
    try {
      root = Json.readTree(body);
    } catch (ParseException e) {
      throw new MalformedResponse("the body is not JSON (" + e.getMessage() + ")");
    }
    if (!root.isObject()) {
      throw new MalformedResponse("the body is not a JSON object but " + root.getNodeType());
    }
    return root;
  }

  /** The text of a string node, or {@code null} for anything else. */
  static String textOrNull(JsonNode node) {
    return node.isString() ? node.stringValue() : null;
  }

  /** A non-negative token count, 0 when absent. */
  static long count(JsonNode node) {
    return node.canConvertToLong() && node.asLong() > 0 ? node.asLong() : 0;
  }

  /**
   * The failure for a body that lacks the expected part, quoting the provider's error when a
   * success status came with an error body (some compatible servers do that).
   */
  static MalformedResponse missing(JsonNode root, String expected) {
    if (root.has("error")) {
      ProviderError error = ProviderError.of(Json.write(root));
      return new MalformedResponse(
          "expected " + expected + " but the body carries an error"
              + (error.type() == null ? "" : " " + error.type()) + ": " + error.message());
    }
    return new MalformedResponse("expected " + expected + ", which the body lacks");
  }
}
