package dev.toolcase.example.catalogue;

import dev.toolcase.AgentThread;
import dev.toolcase.FinalAnswer;
import dev.toolcase.Param;
import dev.toolcase.Prompt;
import dev.toolcase.Template;
import dev.toolcase.Tool;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Tools shaped like the ones of real catalogues (a public function-calling benchmark's among
 * them): provider names in any case, with dots or a leading digit; JSON names that are no Java
 * identifiers; enum values such as {@code >=} and {@code lightly active}; a free-form JSON value;
 * Bean Validation constraints; defaults; and a structured answer that holds a plan of steps.
 */
@Prompt(tools = {Catalogue.CalculateBmi.class, Catalogue.GetWeather.class,
    Catalogue.FindAttractions.class, Catalogue.Factorial.class, Catalogue.SendCode.class,
    Catalogue.HttpRequest.class, Catalogue.Filter.class, Catalogue.Hyphenated.class,
    Catalogue.Underscored.class, Catalogue.Reply.class})
public interface Catalogue {

  /** Picks the next tool. */
  @Template("""
      {{role system}}
      Use the tools.
      {{role user}}
      {{thread}}
      """)
  CatalogueNextStep next(AgentThread thread);

  /** Picks the next tools, several at once. */
  @Template("""
      {{role system}}
      Use the tools, several at once where they do not depend on each other.
      {{role user}}
      {{thread}}
      {{output_format}}
      """)
  List<CatalogueNextStep> nextSteps(AgentThread thread);

  /** Plans several steps at once. */
  @Template("""
      {{role system}}
      Plan the steps for the request, then stop.
      {{role user}}
      {{request}}
      {{output_format}}
      """)
  Plan plan(String request);

  /** Overloads are prompt methods of their own. */
  @Template("{{role user}} Plan {{request}} in at most {{steps}} steps.")
  Plan plan(String request, int steps);

  /** A plan: steps of this very prompt, in order. */
  record Plan(String summary, List<CatalogueNextStep> steps) {}

  /** Body-mass index; the name is the catalogue's own, mixed case included. */
  @Tool(value = "Calculates the body-mass index.", name = "calculate_BMI")
  record CalculateBmi(
      @Param("weight in kilograms") @Positive double weightKg,
      @Param("height in metres") @DecimalMin("0.5") @DecimalMax(value = "2.5") double heightM)
      implements CatalogueNextStep {}

  /** A camel-case name and an enum default. */
  @Tool(value = "Current weather in a city.", name = "getWeather")
  record GetWeather(
      @NotBlank @Size(max = 80) String city,
      @Param(defaultValue = "celsius") Unit unit) implements CatalogueNextStep {}

  /** Units, by the names the API uses. */
  enum Unit {
    @Param(name = "celsius") CELSIUS,
    @Param(name = "fahrenheit") FAHRENHEIT
  }

  /** A name with digits and capitals, JSON names, defaults and a range. */
  @Tool(value = "Finds attractions to visit.", name = "Travel_1_FindAttractions")
  record FindAttractions(
      @Param("a city, or a city and its country") String location,
      @Param(name = "free_entry", defaultValue = "false") boolean freeEntry,
      @Param(value = "how many to list", defaultValue = "10") @Min(1) @Max(50) int limit)
      implements CatalogueNextStep {}

  /** A dotted name, which providers get as {@code math_factorial}. */
  @Tool(value = "n factorial", name = "math.factorial")
  record Factorial(@Min(0) @Max(170) int n) implements CatalogueNextStep {}

  /** A name that starts with a digit. */
  @Tool(value = "Sends a one-time code.", name = "2fa")
  record SendCode(
      @Param("in E.164 form") @Pattern(regexp = "\\+[0-9]{8,15}") String phone)
      implements CatalogueNextStep {}

  /** Header names as JSON names, and a free-form body. */
  @Tool(value = "Sends an HTTP request.", name = "http_request")
  record HttpRequest(
      String url,
      Method method,
      @Param(name = "Content-Type", defaultValue = "application/json") String contentType,
      @Param(name = "User-Agent") Optional<String> userAgent,
      @Size(max = 20) Map<String, String> headers,
      @Param("the request body, any JSON") JsonNode body) implements CatalogueNextStep {}

  /** HTTP methods. */
  enum Method { GET, POST, PUT, DELETE }

  /** Enum values that are no Java identifiers, and a list with a size. */
  @Tool("Filters people by activity.")
  record Filter(
      Comparison op,
      @Size(min = 1, max = 5) List<String> values,
      Optional<Activity> level) implements CatalogueNextStep {}

  /** Comparisons, as the API writes them. */
  enum Comparison {
    @Param(name = ">=") AT_LEAST,
    @Param(name = "<=") AT_MOST,
    @Param(name = "=") EQUAL
  }

  /** Activity levels, as the API writes them. */
  enum Activity {
    @Param(name = "lightly active") LIGHT,
    @Param(name = "5-10") FIVE_TO_TEN
  }

  /** Two names that differ only in a separator: each matched exactly. */
  @Tool(value = "the hyphenated one", name = "a-b")
  record Hyphenated(String text) implements CatalogueNextStep {}

  /** The underscored one. */
  @Tool(value = "the underscored one", name = "a_b")
  record Underscored(String text) implements CatalogueNextStep {}

  /** The answer that ends a thread. */
  @Tool("Replies to the user and ends the thread.")
  record Reply(String message) implements CatalogueNextStep, FinalAnswer {}
}
