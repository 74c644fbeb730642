package dev.toolcase.example.codec;

import dev.toolcase.codec.JsonArray;
import dev.toolcase.codec.JsonBoolean;
import dev.toolcase.codec.JsonNull;
import dev.toolcase.codec.JsonNumber;
import dev.toolcase.codec.JsonObject;
import dev.toolcase.codec.JsonString;
import dev.toolcase.codec.JsonValue;
import dev.toolcase.codec.JsonWriter;
import dev.toolcase.codec.StrictJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The ways models damage the JSON of a step, drawn at random: a catalogue for the differential
 * oracle. Each damaged text says what reading it must give: the original step (the damage keeps
 * the meaning), an error (it makes the meaning conflict), or either (it cuts the text off).
 */
final class Damage {

  /** What reading a damaged text must give. */
  enum Expect {
    /** The original step. */
    SAME,
    /** The original step, or a {@code ParseException}; never another step. */
    SAME_OR_ERROR,
    /** A {@code ParseException}. */
    ERROR
  }

  /**
   * A damaged text.
   *
   * @param text the text
   * @param expect what reading it must give
   * @param what the damages applied, for a failure's message
   */
  record Damaged(String text, Expect expect, String what) {}

  private static final String[] PROSE_BEFORE = {
      "Sure! Here is the next step:\n", "Step [2/4]: deploying.\n", "Progress [2/4]: \"next\" ",
      "log: [\"ERROR\" connection refused] ", "I'll do it [now, as asked:\n",
      "The log said: error {code=7, msg=\"timeout\"} then\n", "- [x] read the thread\n- [ ] act\n",
      "Thinking about it... (see [1]) ", "He said \"use {braces}\" then ", "[WARN] \"disk 91% full\"\n",
      "error: {\"code\": 7, \"msg\": \"timeout\"\n", "Answer:", "",
  };
  private static final String[] PROSE_AFTER = {
      "", "\nLet me know if you need anything else.", " (this deploys the tag)", "\n[done]",
      "\nNext I will check the result.", " ;)",
  };

  private final Random random;
  private final List<String> intents;

  /**
   * @param random the source of every choice
   * @param intents the union's intents, to name another tool in a conflict
   */
  Damage(Random random, List<String> intents) {
    this.random = random;
    this.intents = intents;
  }

  /** A damaged form of {@code json}, the {@code toJson} of a step. */
  Damaged apply(String json) {
    JsonObject step = (JsonObject) StrictJson.read(json);
    int kind = random.nextInt(100);
    if (kind < 8) {
      return conflict(step);
    }
    if (kind < 16) {
      return truncated(render(step, style()));
    }
    Style style = style();
    String text = render(step, style);
    List<String> what = new ArrayList<>(List.of(style.toString()));
    if (random.nextInt(4) == 0) {
      text = duplicateMember(step, style);
      what.add("a member twice with the same value");
    }
    switch (random.nextInt(9)) {
      case 0 -> {
        text = "```" + (random.nextBoolean() ? "json" : "") + "\n" + text
            + (random.nextBoolean() ? "\n```" : "");
        what.add("fenced");
      }
      case 1 -> {
        text = JsonWriter.write(out -> out.value(json));
        what.add("as a JSON string");
      }
      case 2 -> {
        text = "{\"next_step\": " + text + "}";
        what.add("wrapped in next_step");
      }
      case 3 -> {
        text = envelope(step);
        what.add("as a function-call envelope");
      }
      case 4 -> {
        text = "<think>Which tool? {\"maybe\": 1} [a, b]</think>\n" + text;
        what.add("after a think block");
      }
      case 5 -> {
        text = text + "\n\nTo repeat: " + json;
        what.add("the same step twice");
      }
      case 6 -> {
        text = json.replace("\\", "\\\\").replace("\"", "\\\"");
        what.add("every quote escaped");
      }
      default -> { }
    }
    text = PROSE_BEFORE[random.nextInt(PROSE_BEFORE.length)] + text
        + PROSE_AFTER[random.nextInt(PROSE_AFTER.length)];
    return new Damaged(text, Expect.SAME, String.join(", ", what));
  }

  // ---------------------------------------------------------------- conflicts and cuts

  private Damaged conflict(JsonObject step) {
    List<Integer> scalars = new ArrayList<>();
    for (int i = 0; i < step.size(); i++) {
      JsonValue value = step.members().get(i).value();
      if (value instanceof JsonString || value instanceof JsonNumber || value instanceof JsonBoolean) {
        scalars.add(i);
      }
    }
    int choice = random.nextInt(3);
    if (choice == 0 && intents.size() > 1) {
      String intent = ((JsonString) step.get("intent")).value();
      String other = intents.get((intents.indexOf(intent) + 1 + random.nextInt(intents.size() - 1))
          % intents.size());
      List<JsonObject.Member> members = new ArrayList<>(step.members());
      members.add(random.nextInt(members.size() + 1), new JsonObject.Member("intent", new JsonString(other)));
      return new Damaged(new JsonObject(members).toJson(), Expect.ERROR, "intent twice, another tool's");
    }
    if (choice == 1 && scalars.size() > 1) {
      int index = scalars.get(1 + random.nextInt(scalars.size() - 1));
      JsonObject.Member member = step.members().get(index);
      List<JsonObject.Member> members = new ArrayList<>(step.members());
      String name = random.nextBoolean() ? member.name() : member.name().toUpperCase(Locale.ROOT);
      members.add(new JsonObject.Member(name, changed(member.value())));
      return new Damaged(new JsonObject(members).toJson(), Expect.ERROR,
          member.name() + " twice with different values");
    }
    if (scalars.size() > 1) {
      int index = scalars.get(1 + random.nextInt(scalars.size() - 1));
      JsonObject.Member member = step.members().get(index);
      String beside = new JsonObject(List.of(member.name().equals("next_step") ? member
          : new JsonObject.Member(member.name(), changed(member.value())))).toJson();
      String text = "{\"next_step\": " + step.toJson() + ", " + beside.substring(1, beside.length() - 1) + "}";
      return new Damaged(text, Expect.ERROR, "next_step and a different " + member.name() + " beside it");
    }
    String other = step.toJson().replace("}", ",\"extra_call\":1}");
    return new Damaged(step.toJson() + "\n" + other.replace("\"intent\"", "\"intent_x\""),
        Expect.SAME_OR_ERROR, "a second object that is no step");
  }

  private static JsonValue changed(JsonValue value) {
    return switch (value) {
      case JsonString s -> new JsonString(s.value() + "x");
      // Far enough off to stay different once rounded to a double.
      case JsonNumber n -> new JsonNumber(n.decimal().signum() == 0 ? "1"
          : n.decimal().multiply(java.math.BigDecimal.valueOf(-2)).toString());
      case JsonBoolean b -> JsonBoolean.of(!b.value());
      default -> throw new IllegalArgumentException("not a scalar: " + value);
    };
  }

  private Damaged truncated(String text) {
    int cut = 1 + random.nextInt(Math.max(1, text.length() - 1));
    return new Damaged(text.substring(0, cut), Expect.SAME_OR_ERROR, "cut off at " + cut);
  }

  private String duplicateMember(JsonObject step, Style style) {
    List<JsonObject.Member> members = new ArrayList<>(step.members());
    JsonObject.Member copy = members.get(random.nextInt(members.size()));
    members.add(random.nextInt(members.size() + 1), copy);
    return render(new JsonObject(members), style);
  }

  private String envelope(JsonObject step) {
    String intent = ((JsonString) step.get("intent")).value();
    List<JsonObject.Member> arguments = new ArrayList<>();
    for (JsonObject.Member member : step.members()) {
      if (!member.name().equals("intent")) {
        arguments.add(member);
      }
    }
    String args = new JsonObject(arguments).toJson();
    return "{\"name\": \"" + intent + "\", \"arguments\": "
        + (random.nextBoolean() ? args : JsonWriter.write(out -> out.value(args))) + "}";
  }

  // ---------------------------------------------------------------- rendering with repairs

  /** How to write JSON as a careless model does, each choice one the lenient reader repairs. */
  private record Style(boolean pretty, boolean trailingCommas, boolean comments,
      boolean unquotedKeys, boolean singleQuotes, boolean pythonLiterals, boolean missingCommas,
      boolean keyCase, boolean numbersAsStrings) {}

  private Style style() {
    boolean pretty = random.nextBoolean();
    return new Style(pretty, random.nextInt(4) == 0, random.nextInt(4) == 0,
        random.nextInt(4) == 0, random.nextInt(4) == 0, random.nextInt(6) == 0,
        pretty && random.nextInt(5) == 0, random.nextInt(5) == 0, random.nextInt(6) == 0);
  }

  private String render(JsonValue value, Style style) {
    StringBuilder out = new StringBuilder();
    render(value, style, 0, out, false);
    return out.toString();
  }

  private void render(JsonValue value, Style style, int depth, StringBuilder out, boolean key) {
    switch (value) {
      case JsonObject object -> {
        out.append('{');
        for (int i = 0; i < object.size(); i++) {
          JsonObject.Member member = object.members().get(i);
          if (i > 0 && !(style.missingCommas() && random.nextInt(3) == 0)) {
            out.append(',');
          }
          if (i > 0 && style.comments() && style.pretty() && random.nextInt(3) == 0) {
            out.append(" // about ").append(member.name());
          }
          newline(style, depth + 1, out);
          if (style.comments() && random.nextInt(5) == 0) {
            out.append("/* note */ ");
          }
          String name = style.keyCase() && !member.name().equals("key") && !member.name().equals("value")
              ? flipCase(member.name()) : member.name();
          if (style.unquotedKeys() && name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            out.append(name);
          } else {
            string(name, style, out);
          }
          out.append(style.pretty() ? ": " : ":");
          render(member.value(), style, depth + 1, out, false);
        }
        if (style.trailingCommas() && object.size() > 0) {
          out.append(',');
        }
        newline(style, depth, out);
        out.append('}');
      }
      case JsonArray array -> {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
          if (i > 0) {
            out.append(style.pretty() ? ", " : ",");
          }
          render(array.get(i), style, depth + 1, out, false);
        }
        if (style.trailingCommas() && array.size() > 0) {
          out.append(',');
        }
        out.append(']');
      }
      case JsonString string -> string(string.value(), style, out);
      case JsonNumber number -> {
        if (style.numbersAsStrings() && random.nextBoolean()) {
          out.append('"').append(number.text()).append('"');
        } else {
          out.append(number.text());
        }
      }
      case JsonBoolean bool -> out.append(style.pythonLiterals()
          ? (bool.value() ? "True" : "False") : Boolean.toString(bool.value()));
      case JsonNull n -> out.append(style.pythonLiterals() ? "None" : "null");
    }
  }

  /** Changes the case of a name: the reader matches names ignoring case. */
  private String flipCase(String name) {
    return random.nextBoolean() ? name.toUpperCase(Locale.ROOT)
        : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private void string(String text, Style style, StringBuilder out) {
    boolean plain = !text.isEmpty() && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f
        && c != '\'' && c != '"' && c != '\\');
    if (style.singleQuotes() && plain && random.nextBoolean()) {
      out.append('\'').append(text).append('\'');
      return;
    }
    out.append(JsonWriter.write(o -> o.value(text)));
  }

  private static void newline(Style style, int depth, StringBuilder out) {
    if (style.pretty()) {
      out.append('\n').append("  ".repeat(depth));
    }
  }
}
