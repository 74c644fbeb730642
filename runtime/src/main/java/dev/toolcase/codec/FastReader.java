package dev.toolcase.codec;

/**
 * A generated fast reader: strict JSON straight into {@code T}, with {@link JsonReader}.
 *
 * @param <T> the value's type
 */
@FunctionalInterface
public interface FastReader<T> {
  /**
   * Reads the value at the reader's position.
   *
   * @param in the reader
   * @return the value
   * @throws JsonReader.Bail when the value needs the slow path
   */
  T read(JsonReader in);
}
