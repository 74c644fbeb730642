package dev.toolcase.codec;

import dev.toolcase.ParseException;
import dev.toolcase.ParseException.Problem;
import dev.toolcase.UnknownProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads a {@link JsonValue} into typed values for generated readers, coercing what the model
 * meant and recording every problem with its path instead of stopping at the first. This class
 * holds the state of one read (problems, repairs, the path) and reads objects and their
 * properties; {@link Scalars}, {@link Containers} and {@link Unions} read the rest.
 *
 * <p>Properties are matched exactly, else in their loose form ({@link Names#loose}, a repair). A
 * property given more than once (the same name twice, or {@code environment} beside
 * {@code Environment}) reads once when every copy is the same, and is a problem naming the values
 * when they differ: a guess could run the wrong thing.
 *
 * <p>One decoder reads one candidate value; it is not thread-safe and not reused.
 */
public final class Decoder {

  /**
   * Reads one value of type {@code T}; returns {@code null} after recording a problem.
   *
   * @param <T> the value's type
   */
  @FunctionalInterface
  public interface Reader<T> {
    /**
     * Reads {@code value}.
     *
     * @param decoder the read's state
     * @param value the value, never {@code null} (the caller handles absent values)
     * @return the value, or {@code null} after recording a problem
     */
    T read(Decoder decoder, JsonValue value);
  }

  private final boolean rejectUnknown;
  /**
   * Whether the text stopped after a complete member and its brackets were closed: then a missing
   * optional property may have been cut off rather than left out, and reading it as empty could
   * run a call the model never finished.
   */
  private final boolean cutShort;
  private final List<Problem> problems = new ArrayList<>();
  private final List<String> repairs;
  private final List<String> path = new ArrayList<>();

  private Decoder(boolean rejectUnknown, List<String> repairs) {
    this.rejectUnknown = rejectUnknown;
    this.repairs = new ArrayList<>(repairs);
    this.cutShort = repairs.contains(LenientJson.CLOSED_BRACKETS);
  }

  /**
   * A decoder that ignores unknown properties, noting them as repairs.
   *
   * @return the decoder
   */
  public static Decoder lenient() {
    return new Decoder(false, List.of());
  }

  /**
   * A decoder that starts with the repairs the text needed already recorded.
   *
   * @param unknown what to do with properties that no component names
   * @param textRepairs the repairs of the text
   * @return the decoder
   */
  static Decoder of(UnknownProperties unknown, List<String> textRepairs) {
    return new Decoder(unknown == UnknownProperties.REJECT, textRepairs);
  }

  // ---------------------------------------------------------------- problems and repairs

  /**
   * A position to compare against with {@link #failedSince(int)}.
   *
   * @return the number of problems so far
   */
  public int mark() {
    return problems.size();
  }

  /**
   * Whether a problem was recorded after {@code mark}.
   *
   * @param mark what {@link #mark()} returned
   * @return whether there is a new problem
   */
  public boolean failedSince(int mark) {
    return problems.size() > mark;
  }

  /**
   * Whether any problem was recorded.
   *
   * @return whether there is a problem
   */
  public boolean failed() {
    return !problems.isEmpty();
  }

  /**
   * The problems recorded so far.
   *
   * @return the problems, in document order
   */
  public List<Problem> problems() {
    return Collections.unmodifiableList(problems);
  }

  /**
   * The repairs and coercions applied so far.
   *
   * @return the repairs
   */
  public List<String> repairs() {
    return Collections.unmodifiableList(repairs);
  }

  /**
   * Throws the recorded problems, if any, as one {@link ParseException}.
   *
   * @throws ParseException if a problem was recorded
   */
  public void throwIfFailed() {
    if (!problems.isEmpty()) {
      throw new ParseException(problems, repairs);
    }
  }

  /**
   * Records a problem at the current path.
   *
   * @param <T> what the caller returns
   * @param message what was expected and what was found
   * @return {@code null}, for {@code return d.fail(...)}
   */
  public <T> T fail(String message) {
    problems.add(new Problem(currentPath(), message));
    return null;
  }

  /**
   * Records a repair or coercion at the current path.
   *
   * @param what what was repaired
   */
  public void repaired(String what) {
    String at = currentPath();
    String repair = at.isEmpty() ? what : at + ": " + what;
    if (!repairs.contains(repair)) {
      repairs.add(repair);
    }
  }

  /**
   * Reads {@code value} with {@code reader} one level down the path, at {@code segment}: a
   * property name, or {@code [i]} for an element.
   *
   * @param <T> the value's type
   * @param segment the path segment
   * @param value the value
   * @param reader what reads it
   * @return the value, or {@code null} after a problem
   */
  public <T> T at(String segment, JsonValue value, Reader<T> reader) {
    path.add(segment);
    try {
      return reader.read(this, value);
    } finally {
      path.removeLast();
    }
  }

  /**
   * Records a problem one level down the path.
   *
   * @param <T> what the caller returns
   * @param segment the path segment
   * @param message the problem
   * @return {@code null}
   */
  <T> T failAt(String segment, String message) {
    path.add(segment);
    try {
      return fail(message);
    } finally {
      path.removeLast();
    }
  }

  private String currentPath() {
    if (path.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (String segment : path) {
      if (!segment.startsWith("[") && !text.isEmpty()) {
        text.append('.');
      }
      text.append(segment);
    }
    return text.toString();
  }

  /**
   * Builds a record from values read without problems; an exception its constructor throws
   * (a record's own check of its values) is a problem at the current path, not a crash.
   *
   * @param <T> the record
   * @param constructor what builds it
   * @return the record, or {@code null} after a problem
   */
  public <T> T built(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (RuntimeException e) {
      return fail("not accepted: " + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()));
    }
  }

  // ---------------------------------------------------------------- objects and properties

  /**
   * The value as an object: an object as it is, a string holding a JSON object parsed, a
   * one-element array unwrapped (each a repair). Otherwise a problem.
   *
   * @param value the value
   * @return the object, or {@code null} after a problem
   */
  public JsonObject object(JsonValue value) {
    if (value instanceof JsonObject object) {
      return object;
    }
    JsonValue unwrapped = Scalars.unwrap(this, value, true);
    if (unwrapped instanceof JsonObject object) {
      return object;
    }
    return fail("expected an object, got " + value.describe());
  }

  /**
   * Reads a required property: missing or {@code null} is a problem.
   *
   * @param <T> the value's type
   * @param object the object
   * @param name the property's JSON name
   * @param reader what reads the value
   * @return the value, or {@code null} after a problem
   */
  public <T> T required(JsonObject object, String name, Reader<T> reader) {
    List<JsonObject.Member> matches = matches(object, name);
    if (matches.isEmpty() || allNull(matches)) {
      return failAt(name, "required, but " + (matches.isEmpty() ? "missing" : "null"));
    }
    return readOnce(matches, name, reader);
  }

  /** A property given {@code times} times, as {@code names}, with different {@code values}. */
  private <T> T givenDifferently(String name, int times, Set<String> names, Set<JsonValue> values) {
    List<String> shown = new ArrayList<>();
    values.forEach(value -> shown.add(value.toJson()));
    return failAt(name, "given " + times + " times" + (names.size() > 1
        ? " (as " + String.join(", ", quoted(names)) + ")" : "")
        + " with different values: " + String.join(", ", shown) + "; give it once");
  }

  /**
   * Reads a property found once, or given several times with values that read the same (a
   * repair); values that read differently are a problem naming them.
   */
  private <T> T readOnce(List<JsonObject.Member> matches, String name, Reader<T> reader) {
    JsonObject.Member first = matches.getFirst();
    if (!first.name().equals(name)) {
      repaired("property \"" + first.name() + "\" read as \"" + name + "\"");
    }
    if (matches.size() > 1) {
      Set<JsonValue> values = new LinkedHashSet<>();
      Set<String> names = new LinkedHashSet<>();
      for (JsonObject.Member member : matches) {
        values.add(member.value());
        names.add(member.name());
      }
      if (values.size() > 1 && !readTheSame(values, reader)) {
        return givenDifferently(name, matches.size(), names, values);
      }
      repaired("property \"" + name + "\" given " + matches.size()
          + " times with the same value, read once");
    }
    return at(name, first.value(), reader);
  }

  /** Whether every value reads, and reads as the same Java value ({@code 5} and {@code "5"}). */
  private <T> boolean readTheSame(Set<JsonValue> values, Reader<T> reader) {
    Object seen = null;
    for (JsonValue value : values) {
      if (value instanceof JsonNull) {
        return false;
      }
      Decoder scratch = new Decoder(rejectUnknown, List.of());
      T read = reader.read(scratch, value);
      if (scratch.failed() || read == null || (seen != null && !seen.equals(read))) {
        return false;
      }
      seen = read;
    }
    return true;
  }

  /**
   * Reads a required property that has a default: missing or {@code null} gives the default.
   *
   * @param <T> the value's type
   * @param object the object
   * @param name the property's JSON name
   * @param reader what reads the value
   * @param fallback the default
   * @return the value, or {@code null} after a problem
   */
  public <T> T withDefault(JsonObject object, String name, Reader<T> reader, T fallback) {
    List<JsonObject.Member> matches = matches(object, name);
    if (matches.isEmpty() && cutShort) {
      return failAt(name, "missing, and the output stopped before its closing brackets, so it"
          + " may have been cut off here; send the complete JSON value, with null for the default");
    }
    if (matches.isEmpty() || allNull(matches)) {
      return fallback;
    }
    return readOnce(matches, name, reader);
  }

  /**
   * Reads an optional property: missing or {@code null} is empty.
   *
   * @param <T> the value's type
   * @param object the object
   * @param name the property's JSON name
   * @param reader what reads the value
   * @return the value, empty also after a problem
   */
  public <T> Optional<T> optional(JsonObject object, String name, Reader<T> reader) {
    List<JsonObject.Member> matches = matches(object, name);
    if (matches.isEmpty() && cutShort) {
      return Optional.ofNullable(failAt(name, "missing, and the output stopped before its closing"
          + " brackets, so it may have been cut off here; send the complete JSON value, with"
          + " null for an empty value"));
    }
    if (matches.isEmpty() || allNull(matches)) {
      return Optional.empty();
    }
    return Optional.ofNullable(readOnce(matches, name, reader));
  }

  /**
   * Reads the only component of a record, itself a record: from its property, or, when the
   * property is missing, from the object itself, as a model writes the inner record's fields
   * without their wrapper (a repair).
   *
   * @param <T> the value's type
   * @param object the object
   * @param name the property's JSON name
   * @param reader what reads the inner record
   * @param tags the discriminators the object may carry beside the fields, which the inner
   *     record does not have
   * @param shape the inner record's properties, to tell whether the object holds them
   * @return the value, or {@code null} after a problem
   */
  public <T> T single(JsonObject object, String name, Reader<T> reader, Set<String> tags,
      Set<String> shape) {
    if (matches(object, name).isEmpty()) {
      List<JsonObject.Member> fields = new ArrayList<>();
      boolean holdsField = false;
      for (JsonObject.Member member : object.members()) {
        if (!tags.contains(member.name())) {
          fields.add(member);
          holdsField |= shape.contains(member.name());
        }
      }
      if (holdsField) {
        repaired("read the fields of \"" + name + "\" without their wrapper object");
        return at(name, new JsonObject(fields), reader);
      }
    }
    return required(object, name, reader);
  }

  /**
   * Whether the object has a non-null property of this name (matched as in {@link #property}).
   *
   * @param object the object
   * @param name the property's JSON name
   * @return whether it does
   */
  public boolean has(JsonObject object, String name) {
    for (JsonObject.Member member : object.members()) {
      if (member.name().equals(name) || Names.looseEquals(member.name(), name)) {
        if (!(member.value() instanceof JsonNull)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The property {@code name} of {@code object}: matched exactly, else in its loose form (a
   * repair). Given more than once, the same value reads once and different ones are a problem.
   *
   * @param object the object
   * @param name the property's JSON name
   * @return the value, or {@code null} when absent or after a problem
   */
  public JsonValue property(JsonObject object, String name) {
    List<JsonObject.Member> matches = matches(object, name);
    if (matches.isEmpty()) {
      return null;
    }
    JsonObject.Member first = matches.getFirst();
    if (matches.size() > 1) {
      Set<JsonValue> values = new LinkedHashSet<>();
      Set<String> names = new LinkedHashSet<>();
      for (JsonObject.Member member : matches) {
        values.add(member.value());
        names.add(member.name());
      }
      if (values.size() > 1) {
        return givenDifferently(name, matches.size(), names, values);
      }
      repaired("property \"" + name + "\" given " + matches.size()
          + " times with the same value, read once");
    }
    if (!first.name().equals(name)) {
      repaired("property \"" + first.name() + "\" read as \"" + name + "\"");
    }
    return first.value();
  }

  /** Whether every one of the (one or more) members is {@code null}. */
  private static boolean allNull(List<JsonObject.Member> members) {
    for (JsonObject.Member member : members) {
      if (!(member.value() instanceof JsonNull)) {
        return false;
      }
    }
    return true;
  }

  /** The members named {@code name} exactly or in its loose form, in order. */
  List<JsonObject.Member> matches(JsonObject object, String name) {
    List<JsonObject.Member> matches = List.of();
    for (JsonObject.Member member : object.members()) {
      if (member.name().equals(name) || Names.looseEquals(member.name(), name)) {
        if (matches.isEmpty()) {
          matches = List.of(member);
        } else {
          if (matches.size() == 1) {
            matches = new ArrayList<>(matches);
          }
          matches.add(member);
        }
      }
    }
    return matches;
  }

  private static List<String> quoted(Set<String> names) {
    List<String> quoted = new ArrayList<>();
    names.forEach(name -> quoted.add("\"" + name + "\""));
    return quoted;
  }

  /**
   * Checks an object for properties that are none of {@code known}: problems when rejecting
   * unknown properties, otherwise ignored and noted as repairs.
   *
   * @param object the object
   * @param known the JSON names the object may have
   */
  public void unknownProperties(JsonObject object, Set<String> known) {
    boolean allKnown = true;
    for (JsonObject.Member member : object.members()) {
      if (!known.contains(member.name())) {
        allKnown = false;
        break;
      }
    }
    if (allKnown) {
      return;
    }
    Set<String> reported = new LinkedHashSet<>();
    for (JsonObject.Member member : object.members()) {
      String name = member.name();
      if (!known.contains(name) && !looselyKnown(name, known) && reported.add(name)) {
        if (rejectUnknown) {
          fail("unknown property \"" + name + "\"; expected only " + new TreeSet<>(known));
        } else {
          repaired("ignored unknown property \"" + name + "\"");
        }
      }
    }
  }

  private static boolean looselyKnown(String name, Set<String> known) {
    for (String candidate : known) {
      if (Names.looseEquals(candidate, name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A value that a strict root schema wraps in an object: the property {@code key} when the value
   * is an object that has it, else the value itself (a model may answer the bare value).
   *
   * @param <T> the value's type
   * @param value the value
   * @param key the wrapping property
   * @param reader what reads the wrapped value
   * @return the value, or {@code null} after a problem
   */
  public <T> T wrapped(JsonValue value, String key, Reader<T> reader) {
    if (value instanceof JsonObject object && property(object, key) != null) {
      return required(object, key, reader);
    }
    return reader.read(this, value);
  }
}
