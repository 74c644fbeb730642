package dev.toolcase.llm;

import dev.toolcase.ParseException;
import dev.toolcase.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The type and message of a provider's error body. OpenAI sends {@code {"error": {message, type,
 * param, code}}} and Anthropic {@code {"type": "error", "error": {type, message}}}, so one reader
 * serves both; a body that is not such JSON (a proxy's HTML page) is quoted, shortened.
 *
 * @param type the error type, or the code when there is no type, or {@code null}
 * @param message the provider's message
 */
record ProviderError(String type, String message) {

  private static final int MAX_QUOTED = 300;

  /** Reads an error body. */
  static ProviderError of(String body) {
    try {
      JsonNode error = Json.readTree(body).path("error");
      if (error.isObject() && error.path("message").isString()) {
        String type = text(error.path("type"));
        return new ProviderError(
            type != null ? type : text(error.path("code")), error.path("message").stringValue());
      }
      if (error.isString()) { // some OpenAI-compatible servers: {"error": "model not found"}
        return new ProviderError(null, error.stringValue());
      }
    } catch (ParseException e) {
      // Not JSON: quote the body below.
    }
    String trimmed = body.strip();
    return new ProviderError(
        null,
        trimmed.isEmpty()
            ? "(empty body)"
            : trimmed.length() > MAX_QUOTED ? trimmed.substring(0, MAX_QUOTED) + "…" : trimmed);
  }

  private static String text(JsonNode node) {
    return node.isString() || node.isNumber() ? node.asString() : null;
  }
}
