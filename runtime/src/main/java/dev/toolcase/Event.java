package dev.toolcase;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a thread.
 *
 * <p>Types: {@code user_input} (text), a tool call (type = the intent, data = the typed step),
 * its result ({@code <intent>_result}, data = a JSON tree or text), {@code error} (text),
 * {@code human_response} (text), {@code approval} (a JSON tree {@code {"call_id", "approved",
 * "comment"}}), and any type a user adds.
 *
 * @param type the event type
 * @param data a typed step, a {@code tools.jackson.databind.JsonNode}, or a {@code String}
 * @param at when it happened
 */
public record Event(String type, Object data, Instant at) {

  /** Validates that all parts are present. */
  public Event {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(at, "at");
    if (type.isBlank()) {
      throw new IllegalArgumentException("an event type must not be blank");
    }
  }
}
