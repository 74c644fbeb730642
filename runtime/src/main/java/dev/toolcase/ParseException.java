package dev.toolcase;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The model's output could not be read as the expected type.
 *
 * <p>The message is written for the model: it goes back into the thread as an error event, so it
 * lists every problem with its JSON path, what was expected and what was found, in a few lines.
 * {@link #problems()} gives the same problems as data, and {@link #repairs()} the repairs and
 * coercions that were applied before the problems were found.
 *
 * <p>Unchecked, like Jackson 3's exceptions: callers that feed errors back to the model catch it
 * where they decide what to do next.
 */
public final class ParseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** At most this many problems are spelled out in the message; the rest are counted. */
  private static final int MESSAGE_PROBLEMS = 5;

  /** Every problem found, in document order. */
  @SuppressWarnings("serial") // immutable List.copyOf lists of records
  private final List<Problem> problems;
  /** The repairs and coercions applied before the problems were found. */
  @SuppressWarnings("serial")
  private final List<String> repairs;

  /**
   * A parse failure with the given problems (at least one) and the repairs applied before them.
   *
   * @param problems the problems, in document order; at least one
   * @param repairs the repairs and coercions applied to the text before the problems were found
   */
  public ParseException(List<Problem> problems, List<String> repairs) {
    super(messageOf(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ParseException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
    this.repairs = List.copyOf(repairs);
  }

  /**
   * A parse failure with one problem at the root of the value.
   *
   * @param message what was expected and what was found
   */
  public ParseException(String message) {
    this(List.of(new Problem("", message)), List.of());
  }

  /**
   * Every problem found, in document order.
   *
   * @return the problems, at least one
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * The repairs and coercions applied to the text before the problems were found.
   *
   * @return the repairs, possibly none
   */
  public List<String> repairs() {
    return repairs;
  }

  private static String messageOf(List<Problem> problems) {
    String shown =
        problems.stream()
            .limit(MESSAGE_PROBLEMS)
            .map(Problem::toString)
            .collect(Collectors.joining("\n"));
    int hidden = problems.size() - MESSAGE_PROBLEMS;
    return hidden > 0 ? shown + "\n(and " + hidden + " more)" : shown;
  }

  /**
   * One problem: where it is and what is wrong.
   *
   * @param path the JSON path of the value, such as {@code environment} or {@code items[2].name};
   *     empty for the whole value
   * @param message what was expected and what was found
   */
  public record Problem(String path, String message) {

    /** Validates that both parts are present. */
    public Problem {
      if (path == null || message == null) {
        throw new NullPointerException("path and message are required");
      }
    }

    @Override
    public String toString() {
      return path.isEmpty() ? message : path + ": " + message;
    }
  }
}
