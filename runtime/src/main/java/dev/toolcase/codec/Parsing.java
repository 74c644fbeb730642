package dev.toolcase.codec;

import dev.toolcase.ParseException;
import dev.toolcase.ParseException.Problem;
import dev.toolcase.Parsed;
import dev.toolcase.UnknownProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into one typed value for generated {@code parse}, {@code parseStrict} and
 * {@code fromToolCall} methods. Clean JSON goes through the generated fast reader; anything it
 * does not take exactly as it is goes through the tree: the candidate values found in the text,
 * each read by the generated reader, and the answer accepted only when the candidates that read
 * agree.
 */
public final class Parsing {

  private Parsing() {}

  /**
   * The value of type {@code T} in a model's output.
   *
   * @param <T> the value's type
   * @param text the output: JSON, possibly inside prose or a fenced block
   * @param fast the generated fast reader, or {@code null}
   * @param reader the generated reader of the type
   * @param unknownProperties what to do with properties that no component names
   * @return the value and the repairs it needed
   * @throws ParseException with every problem of the best candidate, or naming the candidates
   *     when several different values were found
   */
  public static <T> Parsed<T> parse(String text, FastReader<T> fast, Decoder.Reader<T> reader,
      UnknownProperties unknownProperties) {
    if (text == null) {
      throw new ParseException("expected JSON, got no output");
    }
    T quick = fast(text, fast);
    if (quick != null) {
      return new Parsed<>(quick, List.of());
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
      return new Parsed<>(values.getFirst(), repairs);
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
   * The value of type {@code T} in a model's output, as {@link #parse} reads it, without the
   * repairs: for the generated {@code parse}, so clean JSON costs no more than the value.
   *
   * @param <T> the value's type
   * @param text the output: JSON, possibly inside prose or a fenced block
   * @param fast the generated fast reader, or {@code null}
   * @param reader the generated reader of the type
   * @return the value
   * @throws ParseException as {@link #parse} does
   */
  public static <T> T value(String text, FastReader<T> fast, Decoder.Reader<T> reader) {
    T quick = text == null ? null : fast(text, fast);
    if (quick == null && text != null) {
      quick = fastInProse(text, fast);
    }
    return quick != null ? quick : parse(text, null, reader, UnknownProperties.IGNORE).value();
  }

  /**
   * The fast reader's value of the one JSON object in a chatty output (a fenced block, or an
   * object with prose around it that holds no bracket of its own), read leniently; {@code null}
   * when the text is not so plain. The search and the tree would find this object and no other,
   * and read it as the same value; they only say more about the repairs.
   */
  private static <T> T fastInProse(String text, FastReader<T> fast) {
    if (fast == null) {
      return null;
    }
    int from;
    int to;
    int fence = fenceAtLineStart(text, 0);
    if (fence >= 0) {
      from = fence + 3;
      while (from < text.length() && (Character.isLetterOrDigit(text.charAt(from))
          || "+-_.".indexOf(text.charAt(from)) >= 0)) {
        from++;
      }
      to = fenceAtLineStart(text, from);
      if (to < 0 || text.indexOf("```", to + 3) >= 0 || text.indexOf("```", from) != to) {
        return null;
      }
      if (!plain(text, 0, fence) || !plain(text, to + 3, text.length())) {
        return null;
      }
    } else {
      from = text.indexOf('{');
      to = text.lastIndexOf('}') + 1;
      if (from < 0 || to <= from || !plain(text, 0, from) || !plain(text, to, text.length())) {
        return null;
      }
    }
    if (thinkAt(text, from, to)) {
      return null;
    }
    try {
      JsonReader in = new JsonReader(text, from, to, true);
      T value = fast.read(in);
      in.end();
      return value;
    } catch (JsonReader.Bail e) {
      return null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Whether the first character after whitespace opens an object. */
  private static boolean startsObject(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return c == '{';
      }
    }
    return false;
  }

  /** Whether prose holds nothing the search would read as a candidate of its own. */
  private static boolean plain(String text, int from, int to) {
    // indexOf over a range is vectorised; prose is most of a chatty output.
    return text.indexOf('{', from, to) < 0 && text.indexOf('[', from, to) < 0
        && text.indexOf('`', from, to) < 0 && !thinkAt(text, from, to);
  }

  /** Whether a {@code <think} tag starts somewhere in the range. */
  private static boolean thinkAt(String text, int from, int to) {
    for (int i = text.indexOf('<', from, to); i >= 0; i = text.indexOf('<', i + 1, to)) {
      if (text.regionMatches(true, i + 1, "think", 0, 5)) {
        return true;
      }
    }
    return false;
  }

  /** The next three backticks at the start of a line, from {@code from}; -1 if none. */
  private static int fenceAtLineStart(String text, int from) {
    int at = text.indexOf("```", from);
    while (at >= 0) {
      int i = at - 1;
      while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i--;
      }
      if (i < 0 || text.charAt(i) == '\n') {
        return at;
      }
      at = text.indexOf("```", at + 3);
    }
    return -1;
  }

  /**
   * The value of type {@code T} in {@code json}, which must be exactly one well-formed JSON value:
   * no search through prose and no repairs of the text. Values are still converted as
   * {@link Decoder} does. For input a program wrote, such as a stored thread.
   *
   * @param <T> the value's type
   * @param json strict JSON
   * @param fast the generated fast reader, or {@code null}
   * @param reader the generated reader of the type
   * @return the value
   * @throws ParseException if the text is not strict JSON or the value does not fit
   */
  public static <T> T parseStrict(String json, FastReader<T> fast, Decoder.Reader<T> reader) {
    if (json == null) {
      throw new ParseException("expected JSON, got no output");
    }
    T quick = fast(json, fast);
    if (quick != null) {
      return quick;
    }
    Decoder decoder = Decoder.lenient();
    T value = reader.read(decoder, StrictJson.read(json));
    decoder.throwIfFailed();
    if (value == null) {
      throw new ParseException("expected a value, got nothing");
    }
    return value;
  }

  /**
   * The arguments of a native tool call: like {@link #parse}, but blank arguments are an empty
   * object, as providers send for tools without parameters.
   *
   * @param <T> the value's type
   * @param argumentsJson the arguments as the provider sent them
   * @param fast the generated fast reader, or {@code null}
   * @param reader the generated reader of the arguments
   * @return the value
   * @throws ParseException if the arguments do not fit
   */
  public static <T> T arguments(String argumentsJson, FastReader<T> fast, Decoder.Reader<T> reader) {
    String text = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    return parse(text, fast, reader, UnknownProperties.IGNORE).value();
  }

  /** The fast reader's value, or {@code null} when it gave up. */
  private static <T> T fast(String text, FastReader<T> fast) {
    if (fast == null || !startsObject(text)) {
      // Giving up is a throw, which costs more than this look: every fast reader reads an object.
      return null;
    }
    try {
      JsonReader in = new JsonReader(text);
      T value = fast.read(in);
      in.end();
      return value;
    } catch (JsonReader.Bail e) {
      return null;
    } catch (RuntimeException e) {
      // A record's own check refused the values: the slow path reports it as a problem.
      return null;
    }
  }
}
