package dev.toolcase.store;

import dev.toolcase.Event;

/**
 * How a store writes events: one event to one JSON object and back, exactly (a thread read back
 * writes the same bytes). The runtime's implementation uses the generated codecs for typed steps.
 */
public interface EventFormat {

  /**
   * The event as a compact JSON object {@code {"type", "data", "at"}}.
   *
   * @param event the event
   * @return the JSON object
   */
  String write(Event event);

  /**
   * Reads an event written by {@link #write}.
   *
   * @param json the event's JSON
   * @return the event
   * @throws dev.toolcase.ParseException if the text is not such an event
   */
  Event read(String json);
}
