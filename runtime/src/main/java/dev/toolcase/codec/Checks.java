package dev.toolcase.codec;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a value must be, as the processor read it from Jakarta Bean Validation's annotations on a
 * component ({@code @Min}, {@code @Size}, {@code @Pattern}, {@code @NotBlank} and the like): the
 * readers check each value read and say, for the model, what was wrong with it and where.
 */
public final class Checks {

  private Checks() {}

  /**
   * The range a number must be in.
   *
   * @param min the least, or {@code null}
   * @param minInclusive whether {@code min} itself is allowed
   * @param max the greatest, or {@code null}
   * @param maxInclusive whether {@code max} itself is allowed
   */
  public record Range(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive) {

    /**
     * What is wrong with {@code value}, or {@code null} when it is in range.
     *
     * @param value the number
     * @return the problem, or {@code null}
     */
    public String problem(Number value) {
      BigDecimal number = value instanceof BigDecimal decimal ? decimal
          : value instanceof Double || value instanceof Float
              ? BigDecimal.valueOf(value.doubleValue())
              : new BigDecimal(value.toString());
      if (min != null && (minInclusive ? number.compareTo(min) < 0 : number.compareTo(min) <= 0)) {
        return "must be " + (minInclusive ? "at least " : "more than ") + min.toPlainString()
            + ", got " + value;
      }
      if (max != null && (maxInclusive ? number.compareTo(max) > 0 : number.compareTo(max) >= 0)) {
        return "must be " + (maxInclusive ? "at most " : "less than ") + max.toPlainString()
            + ", got " + value;
      }
      return null;
    }
  }

  /**
   * What a string must be.
   *
   * @param minLength the least length
   * @param maxLength the greatest length
   * @param pattern what it must match as a whole, or {@code null}
   * @param notBlank whether it must hold more than whitespace
   */
  public record Text(int minLength, int maxLength, Pattern pattern, boolean notBlank) {

    /**
     * What is wrong with {@code value}, or {@code null} when it is fine.
     *
     * @param value the string
     * @return the problem, or {@code null}
     */
    public String problem(String value) {
      if (notBlank && value.isBlank()) {
        return "must not be blank";
      }
      int length = value.codePointCount(0, value.length());
      if (length < minLength) {
        return "must be at least " + minLength + " characters, got " + length;
      }
      if (length > maxLength) {
        return "must be at most " + maxLength + " characters, got " + length;
      }
      if (pattern != null && !pattern.matcher(value).matches()) {
        return "must match " + pattern.pattern() + ", got " + Texts.quote(value);
      }
      return null;
    }
  }

  /**
   * How many elements a list, set or map must have.
   *
   * @param min the least
   * @param max the greatest
   */
  public record Size(int min, int max) {

    /**
     * What is wrong with a collection of {@code size} elements, or {@code null} when it is fine.
     *
     * @param size the number of elements
     * @return the problem, or {@code null}
     */
    public String problem(int size) {
      if (size < min) {
        return "must have at least " + min + (min == 1 ? " element" : " elements") + ", got " + size;
      }
      if (size > max) {
        return "must have at most " + max + (max == 1 ? " element" : " elements") + ", got " + size;
      }
      return null;
    }
  }

  /**
   * A number read, checked against its range.
   *
   * @param <T> the number's type
   * @param d the read's state
   * @param value the number, or {@code null} after a problem
   * @param range its range
   * @return the number, or {@code null} after a problem
   */
  public static <T extends Number> T check(Decoder d, T value, Range range) {
    return value == null ? null : fail(d, value, range.problem(value));
  }

  /**
   * A string read, checked.
   *
   * @param d the read's state
   * @param value the string, or {@code null} after a problem
   * @param text what it must be
   * @return the string, or {@code null} after a problem
   */
  public static String check(Decoder d, String value, Text text) {
    return value == null ? null : fail(d, value, text.problem(value));
  }

  /**
   * A collection read, checked.
   *
   * @param <T> the collection's type
   * @param d the read's state
   * @param value the collection, or {@code null} after a problem
   * @param size how many elements it must have
   * @return the collection, or {@code null} after a problem
   */
  public static <T extends Collection<?>> T check(Decoder d, T value, Size size) {
    return value == null ? null : fail(d, value, size.problem(value.size()));
  }

  /**
   * A map read, checked.
   *
   * @param <T> the map's type
   * @param d the read's state
   * @param value the map, or {@code null} after a problem
   * @param size how many entries it must have
   * @return the map, or {@code null} after a problem
   */
  public static <T extends Map<?, ?>> T checkMap(Decoder d, T value, Size size) {
    return value == null ? null : fail(d, value, size.problem(value.size()));
  }

  /**
   * A number the fast path read, checked: it gives up when the number is out of range, and the
   * tree reader then says why.
   *
   * @param <T> the number's type
   * @param value the number
   * @param range its range
   * @return the number
   * @throws JsonReader.Bail when it is out of range
   */
  public static <T extends Number> T passed(T value, Range range) {
    return passing(value, range.problem(value));
  }

  /**
   * A string the fast path read, checked.
   *
   * @param value the string
   * @param text what it must be
   * @return the string
   * @throws JsonReader.Bail when it is not
   */
  public static String passed(String value, Text text) {
    return passing(value, text.problem(value));
  }

  /**
   * A collection the fast path read, checked.
   *
   * @param <T> the collection's type
   * @param value the collection
   * @param size how many elements it must have
   * @return the collection
   * @throws JsonReader.Bail when it has too few or too many
   */
  public static <T extends Collection<?>> T passed(T value, Size size) {
    return passing(value, size.problem(value.size()));
  }

  /**
   * A map the fast path read, checked.
   *
   * @param <T> the map's type
   * @param value the map
   * @param size how many entries it must have
   * @return the map
   * @throws JsonReader.Bail when it has too few or too many
   */
  public static <T extends Map<?, ?>> T passedMap(T value, Size size) {
    return passing(value, size.problem(value.size()));
  }

  private static <T> T passing(T value, String problem) {
    if (problem != null) {
      throw JsonReader.bail();
    }
    return value;
  }

  private static <T> T fail(Decoder d, T value, String problem) {
    return problem == null ? value : d.fail(problem);
  }
}
