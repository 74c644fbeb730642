package dev.toolcase.example.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.ParseException;
import dev.toolcase.example.catalogue.Catalogue.Activity;
import dev.toolcase.example.catalogue.Catalogue.CalculateBmi;
import dev.toolcase.example.catalogue.Catalogue.Comparison;
import dev.toolcase.example.catalogue.Catalogue.Factorial;
import dev.toolcase.example.catalogue.Catalogue.Filter;
import dev.toolcase.example.catalogue.Catalogue.FindAttractions;
import dev.toolcase.example.catalogue.Catalogue.GetWeather;
import dev.toolcase.example.catalogue.Catalogue.HttpRequest;
import dev.toolcase.example.catalogue.Catalogue.Hyphenated;
import dev.toolcase.example.catalogue.Catalogue.Method;
import dev.toolcase.example.catalogue.Catalogue.Plan;
import dev.toolcase.example.catalogue.Catalogue.Reply;
import dev.toolcase.example.catalogue.Catalogue.SendCode;
import dev.toolcase.example.catalogue.Catalogue.Underscored;
import dev.toolcase.example.catalogue.Catalogue.Unit;
import dev.toolcase.example.catalogue.CatalogueNextStep;
import dev.toolcase.example.catalogue.CataloguePrompts;
import dev.toolcase.example.catalogue.CatalogueTools;
import dev.toolcase.json.Json;
import dev.toolcase.llm.ScriptedLlmClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue's tools at run time: every name read back whichever way a provider or a model
 * writes it, JSON names and enum values as declared, defaults applied, constraints enforced with
 * a message that names the path, and a free-form value in both its forms.
 */
class CatalogueTest {

  static Stream<CatalogueNextStep> samples() {
    return Stream.of(
        new CalculateBmi(72.5, 1.8),
        new GetWeather("Lisbon", Unit.FAHRENHEIT),
        new FindAttractions("Kyoto, Japan", true, 3),
        new Factorial(12),
        new SendCode("+4915112345678"),
        new HttpRequest("https://example.com/api", Method.POST, "text/plain",
            Optional.of("toolcase/1"), Map.of("X-Trace", "1"),
            Json.readTree("{\"a\":[1,2,{\"b\":null}],\"c\":\"text\"}")),
        new HttpRequest("https://example.com/api", Method.GET, "application/json",
            Optional.empty(), Map.of(), Json.readTree("\"just text\"")),
        new Filter(Comparison.AT_LEAST, List.of("x", "y"), Optional.of(Activity.LIGHT)),
        new Filter(Comparison.EQUAL, List.of("x"), Optional.empty()),
        new Hyphenated("one"),
        new Underscored("two"),
        new Reply("done"));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyStepReadsBackAsItself(CatalogueNextStep step) {
    String json = CatalogueTools.toJson(step);
    assertThat(CatalogueTools.parse(json)).as(json).isEqualTo(step);
    assertThat(CatalogueTools.parseStrict(json)).as(json).isEqualTo(step);
    assertThat(CatalogueTools.parseWithRepairs("Sure:\n```json\n" + json + "\n```").value())
        .as("through the tree reader").isEqualTo(step);
    String arguments = CatalogueTools.argumentsJson(step);
    assertThat(CatalogueTools.fromToolCall(CatalogueTools.intentOf(step), arguments))
        .as(arguments).isEqualTo(step);
    assertThat(CatalogueTools.CODEC.readArguments(CatalogueTools.intentOf(step), arguments))
        .isEqualTo(step);
  }

  @ParameterizedTest(name = "{0} calls {1}")
  @CsvSource({
      "calculate_BMI, CalculateBmi",
      "calculate_bmi, CalculateBmi",
      "CalculateBMI, CalculateBmi",
      "getWeather, GetWeather",
      "get_weather, GetWeather",
      "Travel_1_FindAttractions, FindAttractions",
      "travel-1-find-attractions, FindAttractions",
      "math.factorial, Factorial",
      "math_factorial, Factorial",
      "2fa, SendCode",
      "a-b, Hyphenated",
      "a_b, Underscored",
  })
  void toolNamesMatchExactlyFirstThenLoosely(String name, String record) {
    String arguments = switch (record) {
      case "CalculateBmi" -> "{\"weightKg\": 70, \"heightM\": 1.75}";
      case "GetWeather" -> "{\"city\": \"Oslo\", \"unit\": null}";
      case "FindAttractions" -> "{\"location\": \"Rome\", \"free_entry\": null, \"limit\": null}";
      case "Factorial" -> "{\"n\": 5}";
      case "SendCode" -> "{\"phone\": \"+123456789\"}";
      default -> "{\"text\": \"t\"}";
    };
    assertThat(CatalogueTools.fromToolCall(name, arguments).getClass().getSimpleName())
        .isEqualTo(record);
  }

  @Test
  void twoNamesThatReadTheSameLooselyAreRefusedWhenNeitherIsExact() {
    assertThatThrownBy(() -> CatalogueTools.fromToolCall("A B", "{\"text\": \"t\"}"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("could be several of");
  }

  @Test
  void providersGetValidNamesAndOneDescriptionPerTool() {
    JsonNode tools = Json.readTree(CatalogueTools.openAiTools());
    for (JsonNode tool : tools) {
      String name = tool.get("function").get("name").asString();
      assertThat(name).matches("^[a-zA-Z0-9_-]{1,64}$");
      assertThat(Json.write(tool.get("function").get("parameters"))).doesNotContain("\"description\":\""
          + tool.get("function").get("description").asString() + "\"");
    }
    assertThat(tools).extracting(t -> t.get("function").get("name").asString())
        .contains("math_factorial", "calculate_BMI", "2fa");
  }

  @Test
  void jsonNamesAndEnumValuesAreWrittenAsDeclared() {
    String json = CatalogueTools.toJson(new HttpRequest("u", Method.GET, "text/html",
        Optional.of("me"), Map.of(), Json.readTree("{}")));
    assertThat(json).contains("\"Content-Type\":\"text/html\"", "\"User-Agent\":\"me\"",
        "\"body\":\"{}\"");
    assertThat(CatalogueTools.toJson(new Filter(Comparison.AT_MOST, List.of("a"),
        Optional.of(Activity.FIVE_TO_TEN)))).contains("\"op\":\"<=\"", "\"level\":\"5-10\"");
  }

  @Test
  void defaultsApplyWhenNullOrMissingOnEveryPath() {
    FindAttractions expected = new FindAttractions("Rome", false, 10);
    for (String arguments : List.of("{\"location\":\"Rome\"}",
        "{\"location\":\"Rome\",\"free_entry\":null,\"limit\":null}",
        "{\"limit\":null,\"location\":\"Rome\"}")) {
      assertThat(CatalogueTools.fromToolCall("Travel_1_FindAttractions", arguments))
          .as(arguments).isEqualTo(expected);
      String step = "{\"intent\":\"Travel_1_FindAttractions\"," + arguments.substring(1);
      assertThat(CatalogueTools.parseStrict(step)).as(step).isEqualTo(expected);
      String tail = "{" + arguments.substring(1, arguments.length() - 1)
          + ",\"intent\":\"Travel_1_FindAttractions\"}";
      assertThat(CatalogueTools.parseStrict(tail)).as("intent last: %s", tail).isEqualTo(expected);
      assertThat(CatalogueTools.parse("Here: " + step + " // done")).isEqualTo(expected);
    }
    assertThat(CatalogueTools.fromToolCall("getWeather", "{\"city\":\"Oslo\"}"))
        .isEqualTo(new GetWeather("Oslo", Unit.CELSIUS));
    assertThat(CatalogueTools.fromToolCall("http_request",
        "{\"url\":\"u\",\"method\":\"GET\",\"User-Agent\":null,\"headers\":[],\"body\":\"null\"}"))
        .isEqualTo(new HttpRequest("u", Method.GET, "application/json", Optional.empty(), Map.of(),
            Json.readTree("null")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "math_factorial | {\"n\": 171} | n: must be at most 170, got 171",
      "math_factorial | {\"n\": -1} | n: must be at least 0, got -1",
      "calculate_BMI | {\"weightKg\": 0, \"heightM\": 1.7} | weightKg: must be more than 0, got 0",
      "calculate_BMI | {\"weightKg\": 80, \"heightM\": 3} | heightM: must be at most 2.5, got 3",
      "Travel_1_FindAttractions | {\"location\": \"Rome\", \"limit\": 0} | limit: must be at least 1, got 0",
      "getWeather | {\"city\": \"   \"} | city: must not be blank",
      "2fa | {\"phone\": \"0151 1234\"} | phone: must match \\+[0-9]{8,15}, got \"0151 1234\"",
      "filter | {\"op\": \">=\", \"values\": []} | values: must have at least 1 element, got 0",
      "filter | {\"op\": \"=\", \"values\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]} | values: must have at most 5 elements, got 6",
  })
  void constraintsAreEnforcedWithThePath(String tool, String arguments, String problem) {
    assertThatThrownBy(() -> CatalogueTools.fromToolCall(tool, arguments))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining(problem);
    String step = "{\"intent\":\"" + tool + "\"," + arguments.substring(1);
    assertThatThrownBy(() -> CatalogueTools.parse(step)).as("parse")
        .isInstanceOf(ParseException.class).hasMessageContaining(problem);
  }

  @Test
  void aFreeFormValueIsReadFromJsonTextOrAsItIs() {
    String text = "{\"url\":\"u\",\"method\":\"PUT\",\"Content-Type\":null,\"User-Agent\":null,"
        + "\"headers\":[],\"body\":%s}";
    JsonNode object = Json.readTree("{\"k\":[1,true]}");
    assertThat(((HttpRequest) CatalogueTools.fromToolCall("http_request",
        text.formatted("\"{\\\"k\\\":[1,true]}\""))).body()).isEqualTo(object);
    assertThat(((HttpRequest) CatalogueTools.fromToolCall("http_request",
        text.formatted("{\"k\":[1,true]}"))).body()).as("a model that is not strict").isEqualTo(object);
    assertThat(((HttpRequest) CatalogueTools.fromToolCall("http_request",
        text.formatted("\"plain words\""))).body().asString()).isEqualTo("plain words");
    assertThat(((HttpRequest) CatalogueTools.fromToolCall("http_request",
        text.formatted("42"))).body().asInt()).isEqualTo(42);
  }

  @Test
  void aPlanHoldsStepsOfItsOwnPrompt() {
    ScriptedLlmClient model = ScriptedLlmClient.replyingWithText("""
        {"summary": "two things", "steps": [
          {"intent": "math.factorial", "n": 4},
          {"intent": "getWeather", "city": "Oslo", "unit": null}]}
        """);
    Plan plan = CataloguePrompts.using(model).plan("factorial of 4, then the weather in Oslo");
    assertThat(plan).isEqualTo(new Plan("two things",
        List.of(new Factorial(4), new GetWeather("Oslo", Unit.CELSIUS))));
    String format = CataloguePrompts.using(model).planMessages("x").getLast().content();
    assertThat(format).contains("\"const\":\"math_factorial\"");
  }

  @Test
  void overloadedPromptMethodsRenderTheirOwnTemplates() {
    CataloguePrompts prompts = CataloguePrompts.using(ScriptedLlmClient.replyingWithText());
    assertThat(prompts.planMessages("tea", 3).getFirst().content())
        .isEqualTo("Plan tea in at most 3 steps.");
  }
}
