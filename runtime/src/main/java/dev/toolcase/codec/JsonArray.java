package dev.toolcase.codec;

import java.util.List;

/**
 * A JSON array.
 *
 * @param elements the elements, in order
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {

  /** Copies the elements. */
  public JsonArray {
    elements = List.copyOf(elements);
  }

  /**
   * The number of elements.
   *
   * @return the number of elements
   */
  public int size() {
    return elements.size();
  }

  /**
   * The element at {@code index}.
   *
   * @param index from 0
   * @return the element
   */
  public JsonValue get(int index) {
    return elements.get(index);
  }

  @Override
  public String describe() {
    return "an array of " + elements.size();
  }
}
