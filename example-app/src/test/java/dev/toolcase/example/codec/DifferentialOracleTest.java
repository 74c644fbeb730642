package dev.toolcase.example.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.ParseException;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.example.calculator.Add;
import dev.toolcase.example.calculator.CalculatorNextStep;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.calculator.Divide;
import dev.toolcase.example.calculator.Multiply;
import dev.toolcase.example.calculator.Subtract;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployFrontend;
import dev.toolcase.example.deploy.Environment;
import dev.toolcase.example.deploy.ListGitTags;
import dev.toolcase.example.deploy.RequestMoreInformation;
import dev.toolcase.example.types.KindsTools;
import dev.toolcase.example.types.Tricky;
import dev.toolcase.example.types.TrickyNextStep;
import dev.toolcase.example.types.TrickyTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The differential oracle: a valid step of every tool of the test catalogues, written as JSON,
 * damaged the ways models damage JSON ({@link Damage}), and parsed. The answer is the original
 * step, or a {@code ParseException}; never a different step, which could run the wrong thing.
 *
 * <p>Fixed seed and budget, so a failure reproduces: {@code -Dtoolcase.oracle.seed} and
 * {@code -Dtoolcase.oracle.inputs} (200,000 by default).
 */
class DifferentialOracleTest {

  private static final long SEED = Long.getLong("toolcase.oracle.seed", 20261201L);
  private static final int INPUTS = Integer.getInteger("toolcase.oracle.inputs", 200_000);

  /** One catalogue: its codec and a source of random valid steps. */
  private record Catalogue<S>(StepCodec<S> codec, Function<Random, S> steps) {}

  @Test
  void aDamagedStepReadsAsItselfOrIsRefusedNeverAsAnotherStep() {
    List<Catalogue<?>> catalogues = List.of(
        new Catalogue<>(DeployBotTools.CODEC, DifferentialOracleTest::deployStep),
        new Catalogue<>(CalculatorTools.CODEC, DifferentialOracleTest::calculatorStep),
        new Catalogue<>(TrickyTools.CODEC, DifferentialOracleTest::trickyStep),
        new Catalogue<>(KindsTools.CODEC, random -> new KindsSamples(random, true).any()));
    Random random = new Random(SEED);
    Map<Damage.Expect, int[]> outcomes = new EnumMap<>(Damage.Expect.class);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < INPUTS && wrong.size() < 10; i++) {
      Catalogue<?> catalogue = catalogues.get(i % catalogues.size());
      check(catalogue, random, outcomes, wrong);
    }
    Path failures = Path.of("target", "oracle-failures.txt");
    try {
      Files.deleteIfExists(failures);
      if (!wrong.isEmpty()) {
        Files.writeString(failures, String.join("\n\n======\n", wrong));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(wrong).as("damaged steps read as something else (all in target/oracle-failures.txt)")
        .isEmpty();
    // Every kind of damage was drawn, and most texts kept their meaning and read as the original.
    assertThat(outcomes).containsKeys(Damage.Expect.SAME, Damage.Expect.SAME_OR_ERROR, Damage.Expect.ERROR);
    assertThat(outcomes.get(Damage.Expect.SAME)[0]).isGreaterThan(INPUTS / 2);
  }

  private static <S> void check(Catalogue<S> catalogue, Random random,
      Map<Damage.Expect, int[]> outcomes, List<String> wrong) {
    StepCodec<S> codec = catalogue.codec();
    S step = catalogue.steps().apply(random);
    Damage.Damaged damaged = new Damage(random, codec.intents()).apply(codec.toJson(step));
    outcomes.computeIfAbsent(damaged.expect(), e -> new int[1])[0]++;
    S read;
    try {
      read = codec.parse(damaged.text());
      // parse takes the fast path where it can; parseWithRepairs always tells the repairs.
      S explained = parseWithRepairs(codec, damaged.text());
      if (!read.equals(explained)) {
        wrong.add("parse and parseWithRepairs disagree (" + damaged.what() + "):\n"
            + damaged.text() + "\n-> " + read + "\n   and " + explained);
        return;
      }
    } catch (ParseException e) {
      if (damaged.expect() == Damage.Expect.SAME) {
        wrong.add("refused, though the damage keeps the meaning (" + damaged.what() + "):\n"
            + damaged.text() + "\n-> " + e.getMessage());
      }
      return;
    }
    if (damaged.expect() == Damage.Expect.ERROR) {
      wrong.add("read, though the damage makes it conflict (" + damaged.what() + "):\n"
          + damaged.text() + "\n-> " + read);
    } else if (!read.equals(step)) {
      wrong.add("read as another step (" + damaged.what() + "):\n" + damaged.text()
          + "\n-> " + read + "\n   expected " + step);
    }
  }

  /** The codec's union's parseWithRepairs, by its generated class. */
  @SuppressWarnings("unchecked")
  private static <S> S parseWithRepairs(StepCodec<S> codec, String text) {
    Object value;
    if (codec == DeployBotTools.CODEC) {
      value = DeployBotTools.parseWithRepairs(text).value();
    } else if (codec == CalculatorTools.CODEC) {
      value = CalculatorTools.parseWithRepairs(text).value();
    } else if (codec == TrickyTools.CODEC) {
      value = TrickyTools.parseWithRepairs(text).value();
    } else {
      value = KindsTools.parseWithRepairs(text).value();
    }
    return (S) value;
  }

  // ---------------------------------------------------------------- random steps

  /** Text that a model may put in a string: quotes, backslashes, brackets, look-alikes. */
  static String text(Random random) {
    String[] pieces = {"v1.4.2", "staging", "production", "the live site", "a \"quoted\" word",
        "C:\\Users\\dev", "{\"a\": 1}", "[2/4]", "true", "null", "123", "1e5", "", " ", "\u00e9t\u00e9",
        "line\nbreak", "tab\there", "emoji \ud83d\ude80", "// not a comment", "# hash", "x, y", "it's"};
    StringBuilder text = new StringBuilder();
    int parts = 1 + random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }

  private static String tag(Random random) {
    return "v" + random.nextInt(3) + "." + random.nextInt(10) + "." + random.nextInt(10);
  }

  static DeployBotNextStep deployStep(Random random) {
    Environment environment = Environment.values()[random.nextInt(2)];
    return switch (random.nextInt(5)) {
      case 0 -> new ListGitTags();
      case 1 -> new DeployBackend(tag(random), environment);
      case 2 -> new DeployFrontend(tag(random), environment);
      case 3 -> new RequestMoreInformation(text(random));
      default -> new dev.toolcase.example.deploy.DoneForNow(text(random));
    };
  }

  private static double number(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(100);
      case 1 -> random.nextInt(2000) / 8.0 - 100;
      case 2 -> random.nextGaussian() * 1e6;
      default -> random.nextDouble();
    };
  }

  static CalculatorNextStep calculatorStep(Random random) {
    double a = number(random);
    double b = number(random);
    return switch (random.nextInt(5)) {
      case 0 -> new Add(a, b);
      case 1 -> new Subtract(a, b);
      case 2 -> new Multiply(a, b);
      case 3 -> new Divide(a, b);
      default -> new dev.toolcase.example.calculator.DoneForNow(text(random));
    };
  }

  static TrickyNextStep trickyStep(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> new Tricky.Pick(Tricky.Letters.values()[random.nextInt(3)],
          Tricky.Stage.values()[random.nextInt(3)]);
      case 1 -> new Tricky.Register(new Tricky.Person(text(random), text(random)));
      case 2 -> {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          counts.put(text(random), random.nextInt(1000) - 500);
        }
        List<String> colors = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          colors.add(text(random));
        }
        yield new Tricky.Tally(counts, colors);
      }
      case 3 -> new Tricky.Note(text(random), text(random));
      default -> new Tricky.Finish(text(random));
    };
  }
}
