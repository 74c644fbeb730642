package dev.toolcase.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Which member of a union an object is, for generated readers: the tools of a prompt (told apart
 * by {@code intent}) and nested sealed interfaces (by {@code type}).
 *
 * <p>The discriminator names a member exactly, or in its loose form when that names one member
 * ({@link Names}); given twice with different values it is a problem, since either could run.
 * Without a discriminator, a member is inferred only when it is the one whose required
 * properties are all present. A top-level step may also come wrapped as the union schema wraps
 * it ({@code {"next_step": {...}}}) or as a function call ({@code {"name", "arguments"}}); when
 * the wrapper and the step inside it disagree, that is a problem too.
 */
public final class Unions {

  private Unions() {}

  /**
   * What the generated code knows of one member, for inferring a missing discriminator.
   *
   * @param name the discriminator value
   * @param required the properties that must be present
   * @param all every property
   */
  public record Shape(String name, List<String> required, List<String> all) {
    /** Copies the lists. */
    public Shape {
      required = List.copyOf(required);
      all = List.copyOf(all);
    }
  }

  /**
   * A member's object and which member it is.
   *
   * @param index the member's index among the union's names
   * @param object the member's object
   */
  public record Tagged(int index, JsonObject object) {}

  /**
   * Reads a top-level step: unwraps the union schema's {@code wrapper} object and a function-call
   * envelope, then tells the member as {@link #tagged} does.
   *
   * @param d the read's state
   * @param value the value
   * @param wrapper the union schema's wrapping property, {@code next_step}
   * @param key the discriminator, {@code intent}
   * @param shapes the members, in order
   * @return the member, or {@code null} after a problem
   */
  public static Tagged step(Decoder d, JsonValue value, String wrapper, String key,
      List<Shape> shapes) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    JsonValue inner = d.property(object, wrapper);
    if (d.failedSince(mark)) {
      return null;
    }
    if (inner != null && !(inner instanceof JsonNull)) {
      JsonObject step = d.at(wrapper, inner, Decoder::object);
      if (step == null || !besideAgrees(d, object, step, wrapper)) {
        return null;
      }
      object = step;
    } else if (d.property(object, key) == null) {
      object = envelope(d, object, key);
      if (object == null) {
        return null;
      }
    }
    return tagged(d, object, key, shapes);
  }

  /** The members beside the wrapper that the step inside it also has must say the same. */
  private static boolean besideAgrees(Decoder d, JsonObject outer, JsonObject step, String wrapper) {
    boolean agrees = true;
    for (JsonObject.Member beside : outer.members()) {
      if (Names.looseEquals(beside.name(), wrapper)) {
        continue;
      }
      JsonValue inside = null;
      for (JsonObject.Member member : step.members()) {
        if (Names.looseEquals(member.name(), beside.name())) {
          inside = member.value();
        }
      }
      if (inside != null && !inside.equals(beside.value())) {
        d.failAt(beside.name(), "the step is given inside \"" + wrapper + "\" and beside it,"
            + " and they differ: " + inside.toJson() + " inside, " + beside.value().toJson()
            + " beside; give the step once");
        agrees = false;
      } else {
        d.repaired("ignored \"" + beside.name() + "\" beside \"" + wrapper + "\"");
      }
    }
    return agrees;
  }

  /**
   * {@code {"name": ..., "arguments": ...}} (or {@code parameters}, {@code input}) as the step it
   * calls, with {@code key} set to the name; other objects as they are.
   */
  private static JsonObject envelope(Decoder d, JsonObject object, String key) {
    if (object.size() != 2 || !(object.get("name") instanceof JsonString name)) {
      return object;
    }
    JsonValue arguments = object.get("arguments");
    if (arguments == null) {
      arguments = object.get("parameters");
    }
    if (arguments == null) {
      arguments = object.get("input");
    }
    JsonValue fields = arguments instanceof JsonString string
        ? Scalars.embeddedJson(string.value()) : arguments;
    if (!(fields instanceof JsonObject call)) {
      return object;
    }
    d.repaired("function-call envelope read as " + key + " \"" + name.value() + "\"");
    JsonValue inner = call.get(key);
    if (inner != null) {
      if (!(inner instanceof JsonString said) || !Names.looseEquals(said.value(), name.value())) {
        return d.failAt(key, "the call names \"" + name.value() + "\", but its arguments say "
            + key + " " + inner.toJson() + "; give one");
      }
      return call;
    }
    List<JsonObject.Member> members = new ArrayList<>(call.members());
    members.addFirst(new JsonObject.Member(key, name));
    return new JsonObject(members);
  }

  /**
   * Reads the object of a member and tells which member it is: by the discriminator {@code key}
   * when present, else by inference from its properties.
   *
   * @param d the read's state
   * @param value the value
   * @param key the discriminator
   * @param shapes the members, in order
   * @return the member, or {@code null} after a problem
   */
  public static Tagged tagged(Decoder d, JsonValue value, String key, List<Shape> shapes) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    JsonValue tag = d.property(object, key);
    if (d.failedSince(mark)) {
      return null;
    }
    int index;
    if (tag == null || tag instanceof JsonNull) {
      index = infer(d, object, key, shapes);
    } else if (tag instanceof JsonString name) {
      index = member(d, name.value(), key, shapes);
    } else {
      return d.failAt(key, "expected a string naming the " + key + ", got " + tag.describe());
    }
    return index < 0 ? null : new Tagged(index, object);
  }

  /**
   * The member {@code name} names: exactly, else in its loose form (a repair).
   *
   * @param d the read's state
   * @param name the name a model wrote
   * @param key the discriminator, for messages
   * @param shapes the members, in order
   * @return the index, or -1 after a problem
   */
  public static int member(Decoder d, String name, String key, List<Shape> shapes) {
    int index = indexOf(name, shapes);
    if (index >= 0) {
      if (!shapes.get(index).name().equals(name)) {
        d.repaired(key + " \"" + name + "\" read as \"" + shapes.get(index).name() + "\"");
      }
      return index;
    }
    List<String> all = shapes.stream().map(Shape::name).toList();
    if (index == -2) {
      d.failAt(key, "\"" + name + "\" could be several of " + all + "; give one of them exactly");
    } else {
      d.failAt(key, "expected one of " + all + ", got \"" + name + "\"");
    }
    return -1;
  }

  /**
   * Checks that a discriminator inside a tool call's arguments, if there is one, names the tool
   * the call names.
   *
   * @param d the read's state
   * @param object the arguments
   * @param key the discriminator
   * @param shapes the members, in order
   * @param index the member the call names
   */
  public static void agrees(Decoder d, JsonObject object, String key, List<Shape> shapes, int index) {
    JsonValue inner = d.property(object, key);
    if (inner == null || inner instanceof JsonNull) {
      return;
    }
    String called = shapes.get(index).name();
    if (!(inner instanceof JsonString said) || !Names.looseEquals(said.value(), called)) {
      d.failAt(key, "the call is of \"" + called + "\", but its arguments say " + key + " "
          + inner.toJson() + "; give one");
    }
  }

  /**
   * Infers the member of an object without a discriminator: the one member whose required
   * properties are all present and that has at least one property present.
   *
   * @return the index, or -1 with a problem when no member or several fit
   */
  private static int infer(Decoder d, JsonObject object, String key, List<Shape> shapes) {
    List<Integer> fitting = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      if (fits(d, object, shapes.get(i))) {
        fitting.add(i);
      }
    }
    if (fitting.size() == 1) {
      d.repaired("missing " + key + " inferred as \"" + shapes.get(fitting.getFirst()).name() + "\"");
      return fitting.getFirst();
    }
    List<String> names = shapes.stream().map(Shape::name).toList();
    if (fitting.isEmpty()) {
      d.fail("missing \"" + key + "\"; expected one of " + names);
    } else {
      d.fail("missing \"" + key + "\", and the fields fit several of "
          + fitting.stream().map(i -> shapes.get(i).name()).toList() + "; add \"" + key + "\"");
    }
    return -1;
  }

  private static boolean fits(Decoder d, JsonObject object, Shape shape) {
    for (String name : shape.required()) {
      if (!d.has(object, name)) {
        return false;
      }
    }
    for (String name : shape.all()) {
      if (d.has(object, name)) {
        return true;
      }
    }
    return false;
  }

  /** As {@link Names#indexOf}, over the members' names. */
  private static int indexOf(String name, List<Shape> shapes) {
    for (int i = 0; i < shapes.size(); i++) {
      if (shapes.get(i).name().equals(name)) {
        return i;
      }
    }
    int found = -1;
    for (int i = 0; i < shapes.size(); i++) {
      if (Names.looseEquals(shapes.get(i).name(), name)) {
        if (found >= 0) {
          return -2;
        }
        found = i;
      }
    }
    return found;
  }

  /**
   * Several steps in one answer: a JSON array of steps, an object whose {@code wrapper} property
   * holds them (the schema's form), or one step alone.
   *
   * @param <T> the union of steps
   * @param d the read's state
   * @param value the value
   * @param wrapper the property that holds the steps in the schema's form
   * @param step the generated reader of one step
   * @return the steps, at least one; {@code null} after a problem
   */
  public static <T> List<T> steps(Decoder d, JsonValue value, String wrapper,
      Decoder.Reader<T> step) {
    JsonValue steps = value;
    if (value instanceof JsonObject object && object.members().size() == 1
        && d.property(object, wrapper) instanceof JsonArray array) {
      steps = array;
    }
    if (steps instanceof JsonArray array) {
      if (array.size() == 0) {
        return d.fail("expected at least one step, got an empty array");
      }
      List<T> read = Containers.list(d, array, step);
      return d.failed() ? null : read;
    }
    T one = step.read(d, value);
    return one == null ? null : List.of(one);
  }
}
