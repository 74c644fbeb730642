package dev.toolcase;

import dev.toolcase.codec.JsonArray;
import dev.toolcase.codec.JsonObject;
import dev.toolcase.codec.JsonString;
import dev.toolcase.codec.JsonValue;
import dev.toolcase.codec.JsonWriter;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.codec.StrictJson;
import dev.toolcase.json.Json;
import dev.toolcase.store.EventFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Threads and events as JSON, through the generated codec of their union, so a thread survives a
 * restart exactly: reading what was written and writing it again gives the same bytes.
 *
 * <p>An event is {@code {"type", "data", "at"}}. A tool call's data is its arguments object
 * (the type is its intent), written once by the codec and read back with its strict reader; text
 * is a JSON string; any other data is the JSON value itself. So a JSON string read back is text:
 * an agent's results are text or non-string JSON.
 *
 * @param codec the codec of the union whose steps the thread holds
 */
public record ThreadJson(StepCodec<?> codec) implements EventFormat {

  /** Validates the codec. */
  public ThreadJson {
    Objects.requireNonNull(codec, "codec");
  }

  @Override
  public String write(Event event) {
    return JsonWriter.write(out -> writeEvent(out, event));
  }

  /**
   * The thread as {@code {"events": [...]}}.
   *
   * @param thread the thread
   * @return the JSON text
   */
  public String write(AgentThread thread) {
    return JsonWriter.write(out -> {
      out.beginObject().name("events").beginArray();
      thread.events().forEach(event -> writeEvent(out, event));
      out.endArray().endObject();
    });
  }

  private void writeEvent(JsonWriter out, Event event) {
    out.beginObject().name("type").value(event.type()).name("data");
    writeData(out, event.data());
    out.name("at").value(event.at()).endObject();
  }

  /**
   * Writes event data: a step's arguments, text as a string, JSON as itself.
   *
   * @param out where to
   * @param data the data
   */
  public void writeData(JsonWriter out, Object data) {
    switch (data) {
      case String text -> out.value(text);
      case JsonNode node -> out.tree(node);
      default -> writeArguments(codec, out, data);
    }
  }

  private static <S> void writeArguments(StepCodec<S> codec, JsonWriter out, Object data) {
    if (!codec.stepType().isInstance(data)) {
      throw new IllegalArgumentException("event data must be text, a JsonNode or a "
          + codec.stepType().getSimpleName() + ", not " + data.getClass().getName());
    }
    codec.writeArguments(out, codec.stepType().cast(data));
  }

  @Override
  public Event read(String json) {
    return readEvent(StrictJson.read(json), "");
  }

  /**
   * Reads a thread written by {@link #write(AgentThread)}.
   *
   * @param json the JSON text
   * @return the thread
   * @throws ParseException if it is not such a thread
   */
  public AgentThread readThread(String json) {
    JsonValue root = StrictJson.read(json);
    if (!(root instanceof JsonObject object) || !(object.get("events") instanceof JsonArray events)) {
      throw new ParseException("a thread is {\"events\": [...]}; no events array found");
    }
    List<Event> read = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      read.add(readEvent(events.get(i), "events[" + i + "]."));
    }
    return new AgentThread(read);
  }

  private Event readEvent(JsonValue value, String path) {
    if (!(value instanceof JsonObject node)) {
      throw new ParseException(path + ": expected an event object");
    }
    JsonValue data = node.get("data");
    if (!(node.get("type") instanceof JsonString type) || type.value().isBlank()) {
      throw new ParseException(path + "type: expected the event type as a string");
    }
    if (data == null) {
      throw new ParseException(path + "data: missing");
    }
    Instant when;
    try {
      when = node.get("at") instanceof JsonString at ? Instant.parse(at.value()) : null;
    } catch (DateTimeException e) {
      when = null;
    }
    if (when == null) {
      throw new ParseException(path + "at: expected an ISO-8601 instant, got "
          + (node.get("at") == null ? "nothing" : node.get("at").toJson()));
    }
    return new Event(type.value(), dataOf(type.value(), data), when);
  }

  private Object dataOf(String type, JsonValue data) {
    if (data instanceof JsonObject && codec.intents().contains(type)) {
      return codec.readArguments(type, data.toJson());
    }
    return data instanceof JsonString text ? text.value() : Json.readTree(data.toJson());
  }
}
