package dev.toolcase.example.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.ParseException;
import dev.toolcase.example.calculator.Add;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DoneForNow;
import dev.toolcase.example.deploy.Environment;
import dev.toolcase.example.types.Tricky;
import dev.toolcase.example.types.TrickyTools;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The inputs a tester found read as a wrong value: each is now refused with a message naming the
 * conflict, or read as what it says. A wrong value is the one outcome that must never happen.
 */
class WrongValuesTest {

  private static final DeployBackend STAGING = new DeployBackend("v1.4.2", Environment.staging);

  @Test
  void aRepeatedIntentWithAnotherValueIsRefusedNamingBoth() {
    assertThatThrownBy(() -> DeployBotTools.parse("{\"intent\":\"done_for_now\",\"message\":\"ok\","
        + "\"intent\":\"deploy_backend\",\"tag\":\"v1.4.2\",\"environment\":\"staging\"}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("intent: given 2 times with different values: \"done_for_now\", "
            + "\"deploy_backend\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"intent\":\"deploy_backend\",\"tag\":\"v1.4.2\",\"environment\":\"staging\",\"environment\":\"production\"}",
      "{\"intent\":\"deploy_backend\",\"tag\":\"v1.4.2\",\"environment\":\"staging\",\"Environment\":\"production\"}",
      "{\"intent\":\"deploy_backend\",\"tag\":\"v1.4.2\",\"env_ironment\":\"production\",\"environment\":\"staging\"}",
  })
  void aPropertyGivenTwiceWithDifferentValuesIsRefused(String json) {
    assertThatThrownBy(() -> DeployBotTools.parse(json))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("environment: given 2 times")
        .hasMessageContaining("\"staging\"").hasMessageContaining("\"production\"");
    assertThatThrownBy(() -> DeployBotTools.parseStrict(json)).isInstanceOf(ParseException.class);
  }

  @Test
  void aPropertyGivenTwiceWithTheSameValueReadsOnce() {
    var parsed = DeployBotTools.parseWithRepairs("{\"intent\":\"deploy_backend\",\"tag\":\"v1.4.2\","
        + "\"environment\":\"staging\",\"Environment\":\"staging\"}");
    assertThat(parsed.value()).isEqualTo(STAGING);
    assertThat(parsed.repairs()).anyMatch(r -> r.contains("given 2 times with the same value"));
  }

  @Test
  void aWrapperAndTheStepBesideItThatDisagreeAreRefused() {
    assertThatThrownBy(() -> DeployBotTools.parse("{\"next_step\":{\"intent\":\"deploy_backend\","
        + "\"tag\":\"v1.4.2\",\"environment\":\"staging\"},\"environment\":\"production\"}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("given inside \"next_step\" and beside it");
    assertThatThrownBy(() -> DeployBotTools.parse("{\"name\":\"deploy_frontend\",\"arguments\":"
        + "{\"intent\":\"deploy_backend\",\"tag\":\"v1.4.2\",\"environment\":\"staging\"}}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("the call names \"deploy_frontend\", but its arguments say intent"
            + " \"deploy_backend\"");
    assertThatThrownBy(() -> DeployBotTools.fromToolCall("deploy_frontend",
        "{\"intent\":\"deploy_backend\",\"tag\":\"v1.4.2\",\"environment\":\"staging\"}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("the call is of \"deploy_frontend\"");
  }

  @Test
  void backslashesThatStartNoEscapeAreKeptAsWritten() {
    var parsed = TrickyTools.parseWithRepairs(
        "{\"intent\":\"note\",\"path\":\"C:\\Users\\dev\\logs\",\"text\":\"a\\qb\"}");
    assertThat(parsed.value()).isEqualTo(new Tricky.Note("C:\\Users\\dev\\logs", "a\\qb"));
    assertThat(parsed.repairs()).contains("kept a backslash that starts no JSON escape, as written");
  }

  @Test
  void stringsOfAnArrayWithoutACommaAreTwoElements() {
    assertThat(TrickyTools.parse("{\"intent\":\"tally\",\"counts\":{},\"colors\": [\"red\" \"green\"]}"))
        .isEqualTo(new Tricky.Tally(Map.of(), List.of("red", "green")));
  }

  @Test
  void aCommentAfterAValueAndItsCommaIsDropped() {
    assertThat(DeployBotTools.parse("{\"intent\":\"deploy_backend\",\"tag\":\"v1.4.2\", // was \"staging\"\n"
        + "\"environment\":\"staging\"}")).isEqualTo(STAGING);
    assertThat(DeployBotTools.parse("{\"intent\":\"deploy_backend\",\"tag\":\"v1.4.2\", /* the newest */"
        + " \"environment\":\"staging\"}")).isEqualTo(STAGING);
  }

  @Test
  void aStraySecondQuoteAfterAStringIsRemoved() {
    var parsed = DeployBotTools.parseWithRepairs(
        "{\"intent\":\"deploy_backend\",\"tag\":\"v1.4.2\"\", \"environment\":\"staging\"}");
    assertThat(parsed.value()).isEqualTo(STAGING);
    assertThat(parsed.repairs()).contains("removed a stray quote after a string");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "\"NaN\"", "Infinity", "\"-Infinity\"", "-Infinity", "\"inf\""})
  void noNaNOrInfinityForANumber(String value) {
    assertThatThrownBy(() -> CalculatorTools.parse("{\"intent\":\"add\",\"a\":" + value + ",\"b\":1}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("a: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"01234", "1E5", "1e2", "-0.50"})
  void aNumberReadAsAStringKeepsItsText(String number) {
    assertThat(DeployBotTools.parse("{\"intent\":\"deploy_backend\",\"tag\":" + number
        + ",\"environment\":\"staging\"}")).isEqualTo(new DeployBackend(number, Environment.staging));
  }

  @Test
  void aConstantThatMatchesSeveralIgnoringCaseIsRefusedNamingThem() {
    assertThatThrownBy(() -> TrickyTools.parse("{\"intent\":\"pick\",\"letters\":\"aA\",\"stage\":\"release\"}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("letters: \"aA\" matches [AA, Aa, aa] ignoring case");
    assertThat(TrickyTools.parse("{\"intent\":\"pick\",\"letters\":\"Aa\",\"stage\":\"release\"}"))
        .isEqualTo(new Tricky.Pick(Tricky.Letters.Aa, Tricky.Stage.release));
  }

  @Test
  void aMapKeyGivenTwiceWithDifferentValuesIsRefused() {
    assertThatThrownBy(() -> TrickyTools.parse("{\"intent\":\"tally\",\"counts\":{\"a\":1,\"a\":2},\"colors\":[]}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("counts.a: key \"a\" given twice with different values: 1, 2");
  }

  // ---------------------------------------------------------------- refused before, read now

  @ParameterizedTest
  @ValueSource(strings = {
      "Step [2/4 deploying: ",
      "Progress [2/4]: \"deploy\" ",
      "[2/4] \"done\" ",
      "log: [\"ERROR\" connection refused] ",
      "log: [ERROR] \"connection refused\" at [line 3\n",
      "[\"a\" b] ",
      "I'll deploy [v1.4.2 to staging now:\n",
      "error: {\"code\": 7, \"msg\": \"timeout\"\n",
      "Step [2/4]: deploying.\n",
      "The log said: error {code=7, msg=\"timeout\"} then\n",
  })
  void proseBeforeTheJsonMayHoldBracketsAndQuotes(String prose) {
    assertThat(DeployBotTools.parse(prose + DeployBotTools.toJson(STAGING))).isEqualTo(STAGING);
  }

  @Test
  void anArrayCutOffAtTheEndIsStillRefused() {
    assertThatThrownBy(() -> DeployBotTools.parse("Result: [\n" + DeployBotTools.toJson(STAGING)))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("cut off inside an array");
  }

  @Test
  void anObjectWhoseQuotesAreAllEscapedIsRead() {
    assertThat(DeployBotTools.parse("{\\\"intent\\\": \\\"deploy_backend\\\", \\\"tag\\\": "
        + "\\\"v1.4.2\\\", \\\"environment\\\": \\\"staging\\\"}")).isEqualTo(STAGING);
  }

  @Test
  void aSingleRecordComponentMayComeWithoutItsWrapper() {
    var parsed = TrickyTools.parseWithRepairs(
        "{\"intent\":\"register\",\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
    assertThat(parsed.value()).isEqualTo(new Tricky.Register(new Tricky.Person("Ada", "ada@example.com")));
    assertThat(parsed.repairs()).anyMatch(r -> r.contains("without their wrapper object"));
  }

  @Test
  void aConstantWithADescriptionNamingNoOtherConstantAsAWordIsRead() {
    assertThat(TrickyTools.parse("{\"intent\":\"pick\",\"letters\":\"AA\","
        + "\"stage\":\"staging (the pre-release checks)\"}"))
        .isEqualTo(new Tricky.Pick(Tricky.Letters.AA, Tricky.Stage.staging));
    assertThatThrownBy(() -> TrickyTools.parse("{\"intent\":\"pick\",\"letters\":\"AA\","
        + "\"stage\":\"staging (then release)\"}")).isInstanceOf(ParseException.class);
  }

  @Test
  void theCleanFormsStillReadWithoutRepairs() {
    assertThat(DeployBotTools.parseWithRepairs(DeployBotTools.toJson(STAGING)).repairs()).isEmpty();
    assertThat(CalculatorTools.parseStrict("{\"intent\":\"add\",\"a\":1,\"b\":2.5}"))
        .isEqualTo(new Add(1, 2.5));
    assertThat(DeployBotTools.fromToolCall("done_for_now", "{\"message\":\"ok\"}"))
        .isEqualTo(new DoneForNow("ok"));
  }
}
