package dev.toolcase.server;

import dev.toolcase.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The request plumbing of the server: bodies read within their limit and decoded as strict UTF-8,
 * JSON read with duplicate names refused, every field checked before anything is written, and
 * every answer, errors included, sent as JSON.
 */
final class Requests {

  /** Keys a client may send to make a write idempotent: visible ASCII, at most 200. */
  static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
  /** The ids of pending calls. */
  static final Pattern CALL_ID = Pattern.compile("call_[0-9]{1,9}");
  /** The longest agent name a request may give. */
  static final int MAX_NAME = 100;

  /** Request bodies are read strictly: a name given twice is an error, not "the last wins". */
  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Requests() {}

  /** The body as text: within {@code maxBytes}, and valid UTF-8. */
  static String body(Exchange exchange, int maxBytes) throws IOException {
    String length = exchange.header("Content-Length");
    if (length != null) {
      long declared;
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw HttpError.badRequest("Content-Length is not a number");
      }
      if (declared > maxBytes) {
        drain(exchange, declared, maxBytes);
        throw tooLarge(maxBytes);
      }
    }
    byte[] bytes;
    try (InputStream in = exchange.body()) {
      bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        drain(in, maxBytes);
        throw tooLarge(maxBytes);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new HttpError(400, "invalid_utf8", "the body is not valid UTF-8");
    }
  }

  /**
   * Reads and drops the rest of an oversized body, up to a few times the limit, so the client,
   * still sending it, reads the 413 instead of a reset connection; a larger one is cut off.
   */
  private static void drain(Exchange exchange, long declared, int maxBytes) throws IOException {
    if (declared <= (long) maxBytes * DRAIN_FACTOR) {
      try (InputStream in = exchange.body()) {
        drain(in, maxBytes);
      }
    }
  }

  private static void drain(InputStream in, int maxBytes) throws IOException {
    long left = (long) maxBytes * DRAIN_FACTOR;
    byte[] buffer = new byte[8192];
    for (int read = in.read(buffer); read > 0 && left > 0; read = in.read(buffer)) {
      left -= read;
    }
  }

  /**
   * Reads and drops what is left of the request's body, up to {@link #UNREAD_LIMIT} bytes, so that
   * an error answered before the body was read (a bad token, a wrong content type) leaves the
   * connection ready for the client's next request instead of closing it under a client that has
   * already pooled it.
   *
   * @return whether the body was read to its end
   */
  private static boolean readRest(Exchange exchange) {
    try (InputStream in = exchange.body()) {
      byte[] buffer = new byte[8192];
      long left = UNREAD_LIMIT;
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        left -= read;
        if (left < 0) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The most of an unread body {@link #readRest} reads before giving up on the connection. */
  private static final long UNREAD_LIMIT = 64 * 1024;

  /** How many times the limit of an oversized body is read and dropped before answering 413. */
  private static final int DRAIN_FACTOR = 4;

  private static HttpError tooLarge(int maxBytes) {
    return new HttpError(413, "body_too_large", "the body is over " + maxBytes + " bytes");
  }

  /** The body as a JSON object, after checking it is sent as JSON. */
  static JsonNode json(Exchange exchange, int maxBytes) throws IOException {
    String contentType = exchange.header("Content-Type");
    String mediaType = contentType == null ? ""
        : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new HttpError(415, "unsupported_media_type", "send the body as application/json, not "
          + (contentType == null ? "without a Content-Type" : contentType));
    }
    return object(body(exchange, maxBytes));
  }

  /** Text that must be one JSON object, names given once. */
  static JsonNode object(String raw) {
    JsonNode node;
    try {
      node = STRICT.readTree(raw);
    } catch (JacksonException e) {
      String message = e.getOriginalMessage();
      if (message != null && message.startsWith("Duplicate")) {
        throw new HttpError(400, "duplicate_key", "the body gives a name twice: " + message);
      }
      throw new HttpError(400, "malformed_json", "the body is not JSON: " + message);
    } catch (NumberFormatException e) {
      throw new HttpError(400, "malformed_json", "the body is not JSON: a number is out of range");
    }
    if (node == null || !node.isObject()) {
      throw new HttpError(400, "malformed_json", "the body must be a JSON object");
    }
    return node;
  }

  /** A required text field, at most {@code maxLength} characters. */
  static String requiredText(JsonNode body, String field, int maxLength) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw HttpError.badRequest("\"" + field + "\" is missing");
    }
    if (!value.isString() || value.stringValue().isBlank()) {
      throw HttpError.badRequest("\"" + field + "\" must be non-empty text");
    }
    return checkedLength(field, value.stringValue(), maxLength);
  }

  /** An optional text field, at most {@code maxLength} characters; {@code null} when absent. */
  static String optionalText(JsonNode body, String field, int maxLength) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw HttpError.badRequest("\"" + field + "\" must be text");
    }
    return checkedLength(field, value.stringValue(), maxLength);
  }

  private static String checkedLength(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw HttpError.badRequest("\"" + field + "\" is " + value.length()
          + " characters long; at most " + maxLength + " are taken");
    }
    return value;
  }

  /** A field that must match {@code pattern}, or be absent when not {@code required}. */
  static String matching(JsonNode body, String field, Pattern pattern, String what,
      boolean required) {
    String value = required ? requiredText(body, field, Integer.MAX_VALUE)
        : optionalText(body, field, Integer.MAX_VALUE);
    if (value != null && !pattern.matcher(value).matches()) {
      throw HttpError.badRequest("\"" + field + "\" must be " + what + "; got "
          + (value.length() > 40 ? value.length() + " characters" : "\"" + printable(value) + "\""));
    }
    return value;
  }

  /** What a thread id may hold; the stores make {@code th_} and 26 base32 letters. */
  static final Pattern THREAD_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  /** A thread id from a path: one a store could have made, else there is no such thread. */
  static String threadId(String segment) {
    if (!THREAD_ID.matcher(segment).matches()) {
      throw HttpError.notFound("no thread " + printable(segment));
    }
    return segment;
  }

  /** A client's text in a message, made safe to echo: printable, and not too long. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 80; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7F ? '?' : c);
    }
    return text.length() > 80 ? out + "..." : out.toString();
  }

  /** The query parameters, decoded. */
  static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        query.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("the query is not well formed: " + e.getMessage());
      }
    }
    return query;
  }

  /** Sends {@code body} with {@code status}. */
  static void send(Exchange exchange, int status, JsonNode body) throws IOException {
    exchange.send(status, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code error} in the JSON error shape. */
  static void sendError(Exchange exchange, HttpError error) throws IOException {
    if (!readRest(exchange)) {
      // Unread body left: the connection cannot carry another request, and the client is told.
      exchange.respondHeader("Connection", "close");
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("error").put("code", error.code()).put("message", error.getMessage());
    if (error.retryAfterSeconds() > 0) {
      exchange.respondHeader("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }
    send(exchange, error.status(), body);
  }
}
