package dev.toolcase.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists, sets and maps for generated readers. A single value reads as a list of one, and a list
 * held in a string as the list (each a repair). A map reads from an object or from an array of
 * {@code {"key", "value"}} entries, the shape strict schemas allow; its keys are data and stay as
 * written, and a key given twice with different values is a problem.
 */
public final class Containers {

  private Containers() {}

  /**
   * A list.
   *
   * @param <T> the elements' type
   * @param d the read's state
   * @param value the value
   * @param element what reads one element
   * @return the list, or {@code null} after a problem
   */
  public static <T> List<T> list(Decoder d, JsonValue value, Decoder.Reader<T> element) {
    JsonArray array = array(d, value);
    if (array == null) {
      d.repaired("single value read as a list of one");
      List<T> single = new ArrayList<>(1);
      single.add(d.at("[0]", value, element));
      return single;
    }
    List<T> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonValue item = array.get(i);
      values.add(item instanceof JsonNull
          ? d.failAt("[" + i + "]", "expected a value, got null")
          : d.at("[" + i + "]", item, element));
    }
    return values;
  }

  /**
   * A set, read as a list; duplicates collapse. Iteration keeps the JSON order.
   *
   * @param <T> the elements' type
   * @param d the read's state
   * @param value the value
   * @param element what reads one element
   * @return the set, or {@code null} after a problem
   */
  public static <T> Set<T> set(Decoder d, JsonValue value, Decoder.Reader<T> element) {
    List<T> values = list(d, value, element);
    return values == null ? null : new LinkedHashSet<>(values);
  }

  /**
   * A map with string keys: an object, or an array of {@code {"key", "value"}} entries.
   *
   * @param <T> the values' type
   * @param d the read's state
   * @param value the value
   * @param reader what reads one value
   * @return the map, or {@code null} after a problem
   */
  public static <T> Map<String, T> map(Decoder d, JsonValue value, Decoder.Reader<T> reader) {
    JsonValue container = value instanceof JsonObject || value instanceof JsonArray
        ? value : Scalars.unwrap(d, value, true);
    Map<String, T> values = new LinkedHashMap<>();
    Map<String, JsonValue> seen = new LinkedHashMap<>();
    if (container instanceof JsonObject object) {
      for (JsonObject.Member member : object.members()) {
        if (fresh(d, seen, member.name(), member.value(), member.name())) {
          values.put(member.name(), d.at(member.name(), member.value(), reader));
        }
      }
      return values;
    }
    if (!(container instanceof JsonArray array)) {
      return d.fail("expected an object or an array of {\"key\", \"value\"} entries, got "
          + value.describe());
    }
    for (int i = 0; i < array.size(); i++) {
      d.at("[" + i + "]", array.get(i), (d1, item) -> {
        JsonObject entry = d1.object(item);
        if (entry == null) {
          return null;
        }
        String key = d1.required(entry, "key", Scalars::string);
        JsonValue entryValue = d1.property(entry, "value");
        if (key == null) {
          return null;
        }
        if (entryValue == null || entryValue instanceof JsonNull) {
          return d1.failAt("value", "required, but " + (entryValue == null ? "missing" : "null"));
        }
        if (fresh(d1, seen, key, entryValue, "key")) {
          values.put(key, d1.at("value", entryValue, reader));
        }
        return null;
      });
    }
    return values;
  }

  /**
   * Whether the value of {@code key} is to be read: not a second copy of a key (the same value is
   * read once, a different one is a problem) and not {@code null} (a problem).
   */
  private static boolean fresh(Decoder d, Map<String, JsonValue> seen, String key,
      JsonValue value, String segment) {
    JsonValue earlier = seen.putIfAbsent(key, value);
    if (earlier != null) {
      if (!earlier.equals(value)) {
        d.failAt(segment, "key " + Texts.quote(key) + " given twice with different values: "
            + earlier.toJson() + ", " + value.toJson() + "; give it once");
      } else {
        d.repaired("key " + Texts.quote(key) + " given twice with the same value, read once");
      }
      return false;
    }
    if (value instanceof JsonNull) {
      d.failAt(segment, "expected a value, got null");
      return false;
    }
    return true;
  }

  /** The value as an array, or a string holding a JSON array parsed; {@code null} otherwise. */
  private static JsonArray array(Decoder d, JsonValue value) {
    if (value instanceof JsonArray array) {
      return array;
    }
    if (value instanceof JsonString string
        && Scalars.embeddedJson(string.value()) instanceof JsonArray parsed) {
      d.repaired("string holding a JSON array read as the array");
      return parsed;
    }
    return null;
  }
}
