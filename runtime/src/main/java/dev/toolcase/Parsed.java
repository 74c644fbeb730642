package dev.toolcase;

import java.util.List;

/**
 * A value read from a model's output, and what reading it took.
 *
 * @param <T> the value's type
 * @param value the value
 * @param repairs the repairs and coercions that were needed, empty for clean JSON
 */
public record Parsed<T>(T value, List<String> repairs) {
  /** Copies the repairs. */
  public Parsed {
    repairs = List.copyOf(repairs);
  }
}
