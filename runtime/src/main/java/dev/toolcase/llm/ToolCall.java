package dev.toolcase.llm;

import dev.toolcase.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One tool call the model asked for.
 *
 * <p>The arguments stay text, exactly as the model produced them (Anthropic's {@code input} object
 * is written to compact JSON): they may be malformed, and deciding what to do about that is the
 * parser's job, not the client's.
 *
 * @param id the provider's call id, echoed back with the tool's result
 * @param name the tool's name
 * @param argumentsJson the arguments as JSON text
 */
public record ToolCall(String id, String name, String argumentsJson) {

  /** Validates that all parts are present and the id and name are not blank. */
  public ToolCall {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(argumentsJson, "argumentsJson");
    if (id.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException("a tool call needs a non-blank id and name");
    }
  }

  /**
   * Reads every call of one answer, in order, with a generated {@code fromToolCall}: all of them,
   * or none. When calls do not read, the one exception names each (its place, name and id) with
   * its problems, so the model can send the turn again whole.
   *
   * @param <S> the union of steps
   * @param calls the calls, in the order the model made them
   * @param reader reads one call from its name and arguments
   * @return the steps, one per call
   * @throws ParseException if any call does not read
   */
  public static <S> List<S> readAll(List<ToolCall> calls, BiFunction<String, String, S> reader) {
    List<S> steps = new ArrayList<>(calls.size());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      try {
        steps.add(reader.apply(call.name(), call.argumentsJson()));
      } catch (ParseException e) {
        problems.add("call " + (i + 1) + " of " + calls.size() + " (" + call.name() + ", id "
            + call.id() + "): " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ParseException(String.join("\n", problems)
          + (problems.size() < calls.size() ? "\nNone of the calls ran; send them again." : ""));
    }
    return steps;
  }
}
