package dev.toolcase.json;

import dev.toolcase.ParseException;
import dev.toolcase.ParseException.Problem;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Turns a model's output into one typed value: finds the candidate JSON values in the text, reads
 * each with the generated reader, and accepts the answer only when the candidates that read
 * agree. Used by generated {@code parse} and {@code fromToolCall} methods.
 */
public final class Parsing {

  private Parsing() {}

  /**
   * The value of type {@code T} in {@code text}.
   *
   * @param text the model's output: JSON, possibly inside prose or a fenced block
   * @param reader the generated reader of the type
   * @throws ParseException with every problem of the best candidate, or naming the candidates
   *     when several different values were found
   */
  public static <T> Parsed<T> parse(String text, Decoder.Reader<T> reader) {
    return parse(text, reader, UnknownProperties.IGNORE);
  }

  /**
   * Like {@link #parse(String, Decoder.Reader)}, with a choice of what to do with properties that
   * no component names.
   */
  public static <T> Parsed<T> parse(
      String text, Decoder.Reader<T> reader, UnknownProperties unknownProperties) {
    if (text == null) {
      throw new ParseException("expected JSON, got no output");
    }
    Candidates candidates = Candidates.in(text);
    if (candidates.values().size() == 1) {
      Candidates.Candidate only = candidates.values().getFirst();
      Decoder decoder = Decoder.of(unknownProperties, only.repairs());
      T value = reader.read(decoder, only.value());
      decoder.throwIfFailed();
      if (value == null) {
        throw new ParseException("expected a value, got nothing");
      }
      return new Parsed<>(value, decoder.repairs());
    }
    List<T> values = new ArrayList<>();
    List<String> repairs = new ArrayList<>();
    ParseException best = null;
    int bestLength = -1;
    for (Candidates.Candidate candidate : candidates.values()) {
      Decoder decoder = Decoder.of(unknownProperties, candidate.repairs());
      T value = reader.read(decoder, candidate.value());
      if (decoder.failed() || value == null) {
        ParseException failure =
            decoder.failed()
                ? new ParseException(decoder.problems(), decoder.repairs())
                : new ParseException("expected a value, got nothing");
        // The longest value is most likely the answer; of equals, the one closest to fitting.
        if (candidate.length() > bestLength
            || (candidate.length() == bestLength
                && failure.problems().size() < best.problems().size())) {
          best = failure;
          bestLength = candidate.length();
        }
        continue;
      }
      if (!values.contains(value)) {
        values.add(value);
        for (String repair : decoder.repairs()) {
          if (!repairs.contains(repair)) {
            repairs.add(repair);
          }
        }
      }
    }
    if (values.size() == 1) {
      return new Parsed<>(values.getFirst(), List.copyOf(repairs));
    }
    if (values.size() > 1) {
      List<Problem> problems = new ArrayList<>();
      problems.add(new Problem("", "found " + values.size()
          + " different answers in the output; give exactly one:"));
      for (T value : values) {
        problems.add(new Problem("", "- " + value));
      }
      throw new ParseException(problems, repairs);
    }
    if (best != null) {
      throw best;
    }
    throw new ParseException(candidates.failure());
  }

  /**
   * The value of type {@code T} in {@code json}, which must be exactly one well-formed JSON value:
   * no search through prose and no repairs of the text. Values are still read as in
   * {@link Decoder}. For input a program wrote, such as a stored thread.
   *
   * @throws ParseException if the text is not strict JSON or the value does not fit
   */
  public static <T> T parseStrict(String json, Decoder.Reader<T> reader) {
    if (json == null) {
      throw new ParseException("expected JSON, got no output");
    }
    Decoder decoder = Decoder.lenient();
    T value = reader.read(decoder, Json.readTree(json));
    decoder.throwIfFailed();
    if (value == null) {
      throw new ParseException("expected a value, got nothing");
    }
    return value;
  }

  /**
   * The arguments of a native tool call: like {@link #parse}, but blank arguments are an empty
   * object, as providers send for tools without parameters.
   */
  public static <T> Parsed<T> parseArguments(String argumentsJson, Decoder.Reader<T> reader) {
    return parse(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson, reader);
  }

  /**
   * A value parsed from a model's output.
   *
   * @param value the value
   * @param repairs the repairs and coercions that were needed, empty for clean JSON
   */
  public record Parsed<T>(T value, List<String> repairs) {
    /** Copies the repairs. */
    public Parsed {
      repairs = List.copyOf(repairs);
    }
  }
}
