package dev.toolcase.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.codec.Names;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one naming rule, on both sides: the processor's {@link Naming} decides what name providers
 * get and the runtime's {@link Names} matches what a model sends; both must agree on the loose
 * form, or a name offered would not read back. The catalogue's golden files and its runtime test
 * ({@code CatalogueTest}) show the generated code following it.
 */
class NamingRuleTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', nullValues = "INVALID", value = {
      "calculate_BMI | calculate_BMI",
      "getWeather | getWeather",
      "Travel_1_FindAttractions | Travel_1_FindAttractions",
      "math.factorial | math_factorial",
      "weather.get.v2 | weather_get_v2",
      "2fa | 2fa",
      "a-b | a-b",
      "a_b | a_b",
      "all done! | INVALID",
      "'' | INVALID",
      "math.factorial! | INVALID",
      "ünïcode | INVALID",
  })
  void providerNames(String name, String provided) {
    assertThat(Naming.providerName(name)).isEqualTo(provided);
    if (provided != null) {
      assertThat(Names.loose(provided)).as("a call by the provider's name reads as the tool")
          .isEqualTo(Names.loose(name));
    } else {
      assertThat(Naming.isValidIntent(Naming.suggestedName(name))).as("the suggestion is valid")
          .isTrue();
    }
  }

  @Test
  void suggestionsKeepWhatIsValid() {
    assertThat(Naming.suggestedName("all done!")).isEqualTo("all_done");
    assertThat(Naming.suggestedName("math.factorial!")).isEqualTo("math_factorial");
    assertThat(Naming.suggestedName("")).isEqualTo("tool");
    assertThat(Naming.suggestedName("x".repeat(70))).hasSize(64);
    assertThat(Naming.providerName("x".repeat(64))).isNotNull();
    assertThat(Naming.providerName("x".repeat(65))).isNull();
  }

  @Test
  void theLooseFormIsTheSameOnBothSides() {
    Random random = new Random(20261201);
    String alphabet = "aAbBzZ09_-. \tİıßΣσ";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder name = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = name.toString();
      assertThat(Naming.loose(text)).as("loose(%s)", text).isEqualTo(Names.loose(text));
    }
  }
}
