package dev.toolcase.example.codec;

import dev.toolcase.example.types.KindsTools;
import dev.toolcase.example.types.KindsNextStep;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@code parse(toJson(x))}, {@code parseStrict(toJson(x))} and {@code fromToolCall(intent,
 * argumentsJson(x))} give back {@code x}, for finite numbers: JSON has no NaN or Infinity, so
 * those are written as strings and refused on reading.
 */
class RoundTripTest {

  @Property(tries = 3000)
  void parseOfToJsonIsTheIdentity(@ForAll long seed) {
    KindsNextStep step = new KindsSamples(new Random(seed), true).any();
    String json = KindsTools.toJson(step);
    assertThat(KindsTools.parse(json)).as(json).isEqualTo(step);
    assertThat(KindsTools.parseWithRepairs(json).repairs()).as(json).isEmpty();
    assertThat(KindsTools.parseStrict(json)).as(json).isEqualTo(step);
  }

  @Property(tries = 3000)
  void fromToolCallOfArgumentsIsTheIdentity(@ForAll long seed) {
    KindsNextStep step = new KindsSamples(new Random(seed), true).any();
    String arguments = KindsTools.argumentsJson(step);
    assertThat(arguments).doesNotContain("\"intent\"");
    assertThat(KindsTools.fromToolCall(KindsTools.intentOf(step), arguments)).as(arguments).isEqualTo(step);
  }

  @Property(tries = 300)
  void toJsonIsStable(@ForAll long seed) {
    KindsNextStep step = new KindsSamples(new Random(seed), true).any();
    String json = KindsTools.toJson(step);
    assertThat(KindsTools.toJson(KindsTools.parse(json))).isEqualTo(json);
  }
}
