package dev.toolcase;

import dev.toolcase.json.Json;
import dev.toolcase.json.JsonOutput;
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
 * (the type is its intent); text is a JSON string; any other data is the JSON value itself. So a
 * JSON string read back is text: an agent's results are text or non-string JSON.
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
    return JsonOutput.write(out -> writeEvent(out, event));
  }

  /**
   * The thread as {@code {"events": [...]}}.
   *
   * @param thread the thread to write
   * @return the thread's JSON
   */
  public String write(AgentThread thread) {
    return JsonOutput.write(out -> {
      out.beginObject().name("events").beginArray();
      thread.events().forEach(event -> writeEvent(out, event));
      out.endArray().endObject();
    });
  }

  private void writeEvent(JsonOutput out, Event event) {
    out.beginObject().name("type").value(event.type()).name("data");
    writeData(out, event.data());
    out.name("at").value(event.at()).endObject();
  }

  /**
   * Writes event data: a step's arguments, text as a string, JSON as itself.
   *
   * @param out where to write the value
   * @param data the event's data
   */
  public void writeData(JsonOutput out, Object data) {
    switch (data) {
      case String text -> out.value(text);
      case JsonNode node -> out.tree(node);
      default -> out.tree(Json.readTree(argumentsOf(data)));
    }
  }

  private String argumentsOf(Object data) {
    return arguments(codec, data);
  }

  private static <S> String arguments(StepCodec<S> codec, Object data) {
    if (!codec.stepType().isInstance(data)) {
      throw new IllegalArgumentException("event data must be text, a JsonNode or a "
          + codec.stepType().getSimpleName() + ", not " + data.getClass().getName());
    }
    return codec.argumentsJson(codec.stepType().cast(data));
  }

  @Override
  public Event read(String json) {
    return readEvent(Json.readTree(json), "");
  }

  /**
   * Reads a thread written by {@link #write(AgentThread)}.
   *
   * @param json the thread's JSON
   * @return the thread
   * @throws ParseException if it is not such a thread
   */
  public AgentThread readThread(String json) {
    JsonNode root = Json.readTree(json);
    JsonNode events = root.path("events");
    if (!events.isArray()) {
      throw new ParseException("a thread is {\"events\": [...]}; no events array found");
    }
    List<Event> read = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      read.add(readEvent(events.get(i), "events[" + i + "]."));
    }
    return new AgentThread(read);
  }

  private Event readEvent(JsonNode node, String path) {
    JsonNode type = node.path("type");
    JsonNode data = node.get("data");
    JsonNode at = node.path("at");
    if (!type.isString() || type.stringValue().isBlank()) {
      throw new ParseException(path + "type: expected the event type as a string");
    }
    if (data == null) {
      throw new ParseException(path + "data: missing");
    }
    Instant when;
    try {
      when = Instant.parse(at.asString(""));
    } catch (DateTimeException e) {
      throw new ParseException(path + "at: expected an ISO-8601 instant, got " + at);
    }
    return new Event(type.stringValue(), dataOf(type.stringValue(), data), when);
  }

  private Object dataOf(String type, JsonNode data) {
    if (codec.intents().contains(type) && data.isObject()) {
      return codec.fromToolCall(type, Json.write(data));
    }
    return data.isString() ? data.stringValue() : data;
  }
}
