package dev.toolcase.example.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.toolcase.ParseException;
import dev.toolcase.example.types.KindsNextStep;
import dev.toolcase.example.types.KindsTools;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Whatever the model writes, {@code parse} gives a value or a {@link ParseException}: never another
 * exception, never a stack overflow, never unbounded work. 100,000 inputs per run: mutations of
 * real outputs, and random text over the characters that matter to the reader.
 */
class ParseFuzzTest {

  private static final String[] WRAPPERS = {
    "%s",
    "```json\n%s\n```",
    "Sure! Here is the call:\n```\n%s",
    "<think>The user wants {\"intent\": \"nothing\"}?</think>\n%s",
    "I'll do this: %s and then report back.",
    "\"%s\"",
  };

  /** Pieces the random text is built of: structure, quotes, comments, literals, fences. */
  private static final String[] PIECES = {
    "{", "}", "[", "]", "\"", "'", ":", ",", "\n", " ", "//", "/*", "*/", "#", "\\", "\\\"",
    "\u201c", "\u201d", "```", "```json\n", "<think>", "</think>", "True", "None", "null", "1",
    "-2.5e3", "\"intent\"", "\"shapes\"", "intent", "boxes", "\"count\"", "{\"type\": \"circle\"",
    "\\u00e9", "\\u12", "x", "\u00e9", "\ud83d\ude80", "\ud83d",
  };

  @Property(tries = 60_000)
  void mutatedOutputsGiveAValueOrAParseException(@ForAll long seed) {
    Random random = new Random(seed);
    KindsNextStep step = new KindsSamples(random, false).any();
    String wrapper = WRAPPERS[random.nextInt(WRAPPERS.length)];
    StringBuilder text = new StringBuilder(String.format(wrapper, KindsTools.toJson(step)));
    for (int mutations = random.nextInt(4); mutations > 0 && !text.isEmpty(); mutations--) {
      mutate(random, text);
    }
    check(text.toString());
  }

  @Property(tries = 40_000)
  void randomTextGivesAValueOrAParseException(@ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    for (int pieces = random.nextInt(40); pieces > 0; pieces--) {
      text.append(PIECES[random.nextInt(PIECES.length)]);
    }
    check(text.toString());
  }

  @Test
  void aMegabyteOfPathologicalInputIsReadInBoundedTime() {
    // Not a benchmark: a guard against quadratic work, which would take hours on these inputs.
    int size = 1 << 20;
    List<Supplier<String>> inputs = List.of(
        () -> "[".repeat(size),
        () -> "{\"a\":".repeat(size / 5),
        () -> "\"{".repeat(size / 2),
        () -> "{x} ".repeat(size / 4),
        () -> "<think".repeat(size / 6),
        () -> "<think><think".repeat(size / 13),
        () -> "``` ".repeat(size / 4),
        () -> "{\"message\": \"" + "\" ".repeat(size / 2),
        () -> "[1] ".repeat(size / 4),
        () -> "{\"intent\": \"boxes\", " + "\"count\": 1, ".repeat(size / 12) + "}",
        () -> "prose ".repeat(size / 6));
    for (Supplier<String> input : inputs) {
      String text = input.get();
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(text),
          () -> "input starting " + text.substring(0, 40));
    }
  }

  @Test
  void tooManyValuesAreRefused() {
    assertThatThrownBy(() -> KindsTools.parse("{\"intent\": \"nothing\"} ".repeat(101)))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("more than 100 JSON values");
  }

  /** A value that re-reads as itself, or a ParseException with a message. */
  private static void check(String text) {
    KindsNextStep value;
    try {
      value = KindsTools.parse(text);
    } catch (ParseException e) {
      assertThat(e.getMessage()).as(text).isNotBlank();
      return;
    }
    assertThat(value).as(text).isNotNull();
    assertThat(KindsTools.parse(KindsTools.toJson(value))).as(text).isEqualTo(value);
  }

  private static void mutate(Random random, StringBuilder text) {
    int at = random.nextInt(text.length());
    switch (random.nextInt(5)) {
      case 0 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
      case 1 -> text.deleteCharAt(at);
      case 2 -> text.setLength(at);
      case 3 -> text.setCharAt(at, "{}[]\",:' \n".charAt(random.nextInt(10)));
      default -> {
        int end = Math.min(text.length(), at + random.nextInt(20));
        text.insert(at, text.substring(at, end));
      }
    }
  }
}
