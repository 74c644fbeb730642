package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.ParseException;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.types.KindsTools;
import dev.toolcase.UnknownProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case of {@code corpus/cases.txt}: realistic model outputs and what parse makes of them. */
class CorpusTest {

  private static final Map<String, StepCodec<?>> CODECS = Map.of(
      "deploybot", DeployBotTools.CODEC,
      "calculator", CalculatorTools.CODEC,
      "kinds", KindsTools.CODEC);

  /** Parsers that reject unknown properties, for cases of type {@code <name> strict}. */
  private static final Map<String, Function<String, Object>> REJECTING = Map.of(
      "deploybot", text -> DeployBotTools.parseWithRepairs(text, UnknownProperties.REJECT).value(),
      "calculator", text -> CalculatorTools.parseWithRepairs(text, UnknownProperties.REJECT).value(),
      "kinds", text -> KindsTools.parseWithRepairs(text, UnknownProperties.REJECT).value());

  /**
   * One case.
   *
   * @param type the codec's name, followed by {@code strict} to reject unknown properties
   * @param expected the expected {@code toJson}, or null when an error is expected
   * @param errors lines the error message must contain
   */
  record Case(String name, String type, String input, String expected, List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() throws IOException {
    String text;
    try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/cases.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Case> cases = new ArrayList<>();
    for (String block : text.split("(?m)^=== ")) {
      if (block.isBlank()) {
        continue;
      }
      String name = block.substring(0, block.indexOf('\n'));
      String rest = block.substring(block.indexOf('\n') + 1);
      String type = rest.substring("--- type ".length(), rest.indexOf('\n'));
      rest = rest.substring(rest.indexOf('\n') + 1);
      int expectAt = rest.indexOf("\n--- expect\n");
      int errorAt = rest.indexOf("\n--- error\n");
      if (expectAt >= 0) {
        cases.add(new Case(name, type, rest.substring(0, expectAt),
            rest.substring(expectAt + "\n--- expect\n".length()).strip(), List.of()));
      } else {
        cases.add(new Case(name, type, rest.substring(0, errorAt), null,
            rest.substring(errorAt + "\n--- error\n".length()).strip().lines().toList()));
      }
    }
    return cases;
  }

  static Stream<Case> allCases() throws IOException {
    return cases().stream();
  }

  @Test
  void theCorpusIsLargeAndCoversBothOutcomes() throws IOException {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
    assertThat(cases).filteredOn(c -> c.expected() == null).hasSizeGreaterThanOrEqualTo(30);
    assertThat(cases.stream().map(c -> c.type().split(" ")[0]).distinct()).containsExactlyInAnyOrder("deploybot",
        "calculator", "kinds");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void parse(Case c) {
    String[] type = c.type().split(" ");
    StepCodec<?> codec = CODECS.get(type[0]);
    if (type.length > 1) {
      assertThat(type[1]).isEqualTo("strict");
      assertThatThrownBy(() -> REJECTING.get(type[0]).apply(c.input()))
          .isInstanceOf(ParseException.class)
          .satisfies(e -> assertThat(e.getMessage()).contains(c.errors()));
    } else if (c.expected() != null) {
      assertThat(toJson(codec, c.input())).isEqualTo(c.expected());
    } else {
      assertThatThrownBy(() -> codec.parse(c.input()))
          .isInstanceOf(ParseException.class)
          .satisfies(e -> assertThat(e.getMessage()).contains(c.errors()));
    }
  }

  private static <S> String toJson(StepCodec<S> codec, String input) {
    return codec.toJson(codec.parse(input));
  }
}
