package dev.toolcase.store;

import dev.toolcase.Event;
import dev.toolcase.ParseException;
import dev.toolcase.json.Json;
import dev.toolcase.codec.JsonWriter;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** An event format for store tests: events whose data is text or a JSON tree. */
final class TextEvents implements EventFormat {

  static final TextEvents FORMAT = new TextEvents();

  @Override
  public String write(Event event) {
    return JsonWriter.write(out -> {
      out.beginObject();
      out.name("type").value(event.type());
      out.name("data");
      if (event.data() instanceof JsonNode node) {
        out.tree(node);
      } else {
        out.value(String.valueOf(event.data()));
      }
      out.name("at").value(event.at());
      out.endObject();
    });
  }

  @Override
  public Event read(String json) {
    JsonNode node = Json.readTree(json);
    if (!node.path("type").isString() || !node.has("data")) {
      throw new ParseException("not an event: " + json);
    }
    JsonNode data = node.get("data");
    return new Event(node.get("type").stringValue(), data.isString() ? data.stringValue() : data,
        Instant.parse(node.path("at").asString()));
  }
}
