package dev.toolcase.example.catalogue;

import dev.toolcase.ParseException;
import dev.toolcase.Parsed;
import dev.toolcase.UnknownProperties;
import dev.toolcase.codec.Checks;
import dev.toolcase.codec.Containers;
import dev.toolcase.codec.Decoder;
import dev.toolcase.codec.JsonObject;
import dev.toolcase.codec.JsonReader;
import dev.toolcase.codec.JsonValue;
import dev.toolcase.codec.JsonWriter;
import dev.toolcase.codec.Parsing;
import dev.toolcase.codec.Scalars;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.codec.StepKind;
import dev.toolcase.codec.ToolJson;
import dev.toolcase.codec.Unions;
import dev.toolcase.llm.ToolCall;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.Generated;
import tools.jackson.databind.JsonNode;

/**
 * Schemas, tool definitions and the JSON codec of {@link Catalogue}, generated without
 * reflection from its tools.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public final class CatalogueTools {
  private static final List<ToolJson.Tool> TOOLS = List.of(
    new ToolJson.Tool("calculate_BMI", "Calculates the body-mass index.",
        "\"weightKg\":{\"description\":\"weight in kilograms\",\"type\":\"number\",\"exclusiveMinimum\":0},\"heightM\":{\"description\":\"height in metres\",\"type\":\"number\",\"minimum\":0.5,\"maximum\":2.5}",
        "\"weightKg\",\"heightM\"",
        StepKind.TOOL),
    new ToolJson.Tool("getWeather", "Current weather in a city.",
        "\"city\":{\"description\":\"At most 80 characters. Not blank.\",\"type\":\"string\"},\"unit\":{\"description\":\"Null means the default, celsius.\",\"type\":[\"string\",\"null\"],\"enum\":[\"celsius\",\"fahrenheit\",null]}",
        "\"city\",\"unit\"",
        StepKind.TOOL),
    new ToolJson.Tool("Travel_1_FindAttractions", "Finds attractions to visit.",
        "\"location\":{\"description\":\"a city, or a city and its country\",\"type\":\"string\"},\"free_entry\":{\"description\":\"Null means the default, false.\",\"type\":[\"boolean\",\"null\"]},\"limit\":{\"description\":\"how many to list. Null means the default, 10.\",\"type\":[\"integer\",\"null\"],\"minimum\":1,\"maximum\":50}",
        "\"location\",\"free_entry\",\"limit\"",
        StepKind.TOOL),
    new ToolJson.Tool("math_factorial", "n factorial",
        "\"n\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":170}",
        "\"n\"",
        StepKind.TOOL),
    new ToolJson.Tool("2fa", "Sends a one-time code.",
        "\"phone\":{\"description\":\"in E.164 form\",\"type\":\"string\",\"pattern\":\"^(?:\\\\+[0-9]{8,15})$\"}",
        "\"phone\"",
        StepKind.TOOL),
    new ToolJson.Tool("http_request", "Sends an HTTP request.",
        "\"url\":{\"type\":\"string\"},\"method\":{\"type\":\"string\",\"enum\":[\"GET\",\"POST\",\"PUT\",\"DELETE\"]},\"Content-Type\":{\"description\":\"Null means the default, application/json.\",\"type\":[\"string\",\"null\"]},\"User-Agent\":{\"type\":[\"string\",\"null\"]},\"headers\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"string\"}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false},\"maxItems\":20},\"body\":{\"description\":\"the request body, any JSON. Any JSON value, written as JSON text in this string: an object, an array, a number, true, false or null as JSON, or plain text.\",\"type\":\"string\"}",
        "\"url\",\"method\",\"Content-Type\",\"User-Agent\",\"headers\",\"body\"",
        StepKind.TOOL),
    new ToolJson.Tool("filter", "Filters people by activity.",
        "\"op\":{\"type\":\"string\",\"enum\":[\">=\",\"<=\",\"=\"]},\"values\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1,\"maxItems\":5},\"level\":{\"type\":[\"string\",\"null\"],\"enum\":[\"lightly active\",\"5-10\",null]}",
        "\"op\",\"values\",\"level\"",
        StepKind.TOOL),
    new ToolJson.Tool("a-b", "the hyphenated one",
        "\"text\":{\"type\":\"string\"}",
        "\"text\"",
        StepKind.TOOL),
    new ToolJson.Tool("a_b", "the underscored one",
        "\"text\":{\"type\":\"string\"}",
        "\"text\"",
        StepKind.TOOL),
    new ToolJson.Tool("reply", "Replies to the user and ends the thread.",
        "\"message\":{\"type\":\"string\"}",
        "\"message\"",
        StepKind.FINAL_ANSWER));

  private static final List<String> INTENTS = List.of("calculate_BMI", "getWeather", "Travel_1_FindAttractions", "math_factorial", "2fa", "http_request", "filter", "a-b", "a_b", "reply");

  private static final String[] NAMES = INTENTS.toArray(new String[0]);

  private static final List<Unions.Shape> SHAPES = List.of(
    new Unions.Shape("calculate_BMI", List.of("weightKg", "heightM"), List.of("weightKg", "heightM")),
    new Unions.Shape("getWeather", List.of("city"), List.of("city", "unit")),
    new Unions.Shape("Travel_1_FindAttractions", List.of("location"), List.of("location", "free_entry", "limit")),
    new Unions.Shape("math_factorial", List.of("n"), List.of("n")),
    new Unions.Shape("2fa", List.of("phone"), List.of("phone")),
    new Unions.Shape("http_request", List.of("url", "method", "headers", "body"), List.of("url", "method", "Content-Type", "User-Agent", "headers", "body")),
    new Unions.Shape("filter", List.of("op", "values"), List.of("op", "values", "level")),
    new Unions.Shape("a-b", List.of("text"), List.of("text")),
    new Unions.Shape("a_b", List.of("text"), List.of("text")),
    new Unions.Shape("reply", List.of("message"), List.of("message")));

  private static final Set<String> CATALOGUE_CALCULATE_BMI_PROPERTIES = Set.of("intent", "weightKg", "heightM");

  private static final Checks.Range CATALOGUE_CALCULATE_BMI_WEIGHT_KG_RANGE = new Checks.Range(new BigDecimal("0"), false, null, true);

  private static final Checks.Range CATALOGUE_CALCULATE_BMI_HEIGHT_M_RANGE = new Checks.Range(new BigDecimal("0.5"), true, new BigDecimal("2.5"), true);

  private static final String[] CATALOGUE_CALCULATE_BMI_NAMES = {"intent", "weightKg", "heightM"};

  private static final Set<String> CATALOGUE_GET_WEATHER_PROPERTIES = Set.of("intent", "city", "unit");

  private static final Checks.Text CATALOGUE_GET_WEATHER_CITY_TEXT = new Checks.Text(0, 80, null, true);

  private static final String[] CATALOGUE_GET_WEATHER_NAMES = {"intent", "city", "unit"};

  private static final Catalogue.Unit[] CATALOGUE_UNIT_VALUES = Catalogue.Unit.values();

  private static final String[] CATALOGUE_UNIT_NAMES = {"celsius", "fahrenheit"};

  private static final Set<String> CATALOGUE_FIND_ATTRACTIONS_PROPERTIES = Set.of("intent", "location", "free_entry", "limit");

  private static final Checks.Range CATALOGUE_FIND_ATTRACTIONS_LIMIT_RANGE = new Checks.Range(new BigDecimal("1"), true, new BigDecimal("50"), true);

  private static final String[] CATALOGUE_FIND_ATTRACTIONS_NAMES = {"intent", "location", "free_entry", "limit"};

  private static final Set<String> CATALOGUE_FACTORIAL_PROPERTIES = Set.of("intent", "n");

  private static final Checks.Range CATALOGUE_FACTORIAL_N_RANGE = new Checks.Range(new BigDecimal("0"), true, new BigDecimal("170"), true);

  private static final String[] CATALOGUE_FACTORIAL_NAMES = {"intent", "n"};

  private static final Set<String> CATALOGUE_SEND_CODE_PROPERTIES = Set.of("intent", "phone");

  private static final Checks.Text CATALOGUE_SEND_CODE_PHONE_TEXT = new Checks.Text(0, Integer.MAX_VALUE, Pattern.compile("\\+[0-9]{8,15}"), false);

  private static final String[] CATALOGUE_SEND_CODE_NAMES = {"intent", "phone"};

  private static final Set<String> CATALOGUE_HTTP_REQUEST_PROPERTIES = Set.of("intent", "url", "method", "Content-Type", "User-Agent", "headers", "body");

  private static final Checks.Size CATALOGUE_HTTP_REQUEST_HEADERS_SIZE = new Checks.Size(0, 20);

  private static final String[] CATALOGUE_HTTP_REQUEST_NAMES = {"intent", "url", "method", "Content-Type", "User-Agent", "headers", "body"};

  private static final Catalogue.Method[] CATALOGUE_METHOD_VALUES = Catalogue.Method.values();

  private static final String[] CATALOGUE_METHOD_NAMES = {"GET", "POST", "PUT", "DELETE"};

  private static final Set<String> CATALOGUE_FILTER_PROPERTIES = Set.of("intent", "op", "values", "level");

  private static final Checks.Size CATALOGUE_FILTER_VALUES_SIZE = new Checks.Size(1, 5);

  private static final String[] CATALOGUE_FILTER_NAMES = {"intent", "op", "values", "level"};

  private static final Catalogue.Comparison[] CATALOGUE_COMPARISON_VALUES = Catalogue.Comparison.values();

  private static final String[] CATALOGUE_COMPARISON_NAMES = {">=", "<=", "="};

  private static final Catalogue.Activity[] CATALOGUE_ACTIVITY_VALUES = Catalogue.Activity.values();

  private static final String[] CATALOGUE_ACTIVITY_NAMES = {"lightly active", "5-10"};

  private static final Set<String> CATALOGUE_HYPHENATED_PROPERTIES = Set.of("intent", "text");

  private static final String[] CATALOGUE_HYPHENATED_NAMES = {"intent", "text"};

  private static final Set<String> CATALOGUE_UNDERSCORED_PROPERTIES = Set.of("intent", "text");

  private static final String[] CATALOGUE_UNDERSCORED_NAMES = {"intent", "text"};

  private static final Set<String> CATALOGUE_REPLY_PROPERTIES = Set.of("intent", "message");

  private static final String[] CATALOGUE_REPLY_NAMES = {"intent", "message"};

  private static final String[] ANY_NAMES = {"intent", "weightKg", "heightM", "city", "unit", "location", "free_entry", "limit", "n", "phone", "url", "method", "Content-Type", "User-Agent", "headers", "body", "op", "values", "level", "text", "message"};

  /**
   * The JSON Schema (Draft 2020-12, OpenAI strict) of each tool of {@link Catalogue}, by
   * intent, in the order the prompt lists them. Each carries its {@code intent}.
   */
  public static final Map<String, String> SCHEMAS = ToolJson.schemas(TOOLS);

  /**
   * The schema of {@link CatalogueNextStep}: an object whose {@code next_step} property is any of the
   * tools, usable as a strict response format. {@link #parse} reads it, too.
   */
  public static final String UNION_SCHEMA = ToolJson.union(SCHEMAS);

  private static final String STEPS_SCHEMA = ToolJson.steps(SCHEMAS);

  private static final String OPENAI_TOOLS = ToolJson.openAi(TOOLS);

  private static final String ANTHROPIC_TOOLS = ToolJson.anthropic(TOOLS);

  /**
   * This class as the runtime's {@link StepCodec}, for the loop, thread and stores.
   */
  public static final StepCodec<CatalogueNextStep> CODEC = new Codec();

  private CatalogueTools() {
  }

  /**
   * The tools as OpenAI chat-completions {@code tools}: a JSON array of functions named
   * by intent, with {@code strict: true}.
   *
   * @return the JSON array
   */
  public static String openAiTools() {
    return OPENAI_TOOLS;
  }

  /**
   * The tools as Anthropic messages {@code tools}: a JSON array of
   * {@code {name, description, input_schema}}.
   *
   * @return the JSON array
   */
  public static String anthropicTools() {
    return ANTHROPIC_TOOLS;
  }

  /**
   * Reads the model's output as a step of {@link Catalogue}.
   *
   * @param modelOutput the output: JSON, possibly inside prose or a fenced block
   * @return the step
   * @throws ParseException if it is not one valid step; the message is written for the model
   */
  public static CatalogueNextStep parse(String modelOutput) {
    return Parsing.value(modelOutput, CatalogueTools::fastStep, CatalogueTools::readStep);
  }

  /**
   * Like {@link #parse}, and tells which repairs and coercions the output needed.
   *
   * @param modelOutput the output: JSON, possibly inside prose or a fenced block
   * @return the step and its repairs
   * @throws ParseException if it is not one valid step
   */
  public static Parsed<CatalogueNextStep> parseWithRepairs(String modelOutput) {
    return parseWithRepairs(modelOutput, UnknownProperties.IGNORE);
  }

  /**
   * Like {@link #parseWithRepairs(String)}; with {@link UnknownProperties#REJECT}, properties that no
   * component names are problems instead of repairs.
   *
   * @param modelOutput the output: JSON, possibly inside prose or a fenced block
   * @param unknownProperties what to do with properties that no component names
   * @return the step and its repairs
   * @throws ParseException if it is not one valid step
   */
  public static Parsed<CatalogueNextStep> parseWithRepairs(String modelOutput,
      UnknownProperties unknownProperties) {
    return Parsing.parse(modelOutput, CatalogueTools::fastStep, CatalogueTools::readStep, unknownProperties);
  }

  /**
   * Reads exactly one well-formed JSON step, with no search and no repairs of the text:
   * for JSON a program wrote.
   *
   * @param json one JSON object
   * @return the step
   * @throws ParseException if it is not strict JSON of one valid step
   */
  public static CatalogueNextStep parseStrict(String json) {
    return Parsing.parseStrict(json, CatalogueTools::fastStep, CatalogueTools::readStep);
  }

  /**
   * Reads a native tool call: {@code name} is the tool's intent, matched exactly, else
   * ignoring case and separators.
   *
   * @param name the tool's name as the model called it
   * @param argumentsJson the call's arguments
   * @return the step
   * @throws ParseException if the name is no tool of {@link Catalogue} or the arguments do not fit
   */
  public static CatalogueNextStep fromToolCall(String name, String argumentsJson) {
    return Parsing.arguments(argumentsJson, in -> fastCall(in, name), (d, value) -> readCall(d, name, value));
  }

  /**
   * Reads several steps of {@link Catalogue} from the model's output, for a turn that does
   * several things at once: a JSON array of steps, an object whose
   * {@code next_steps} holds them, or one step.
   *
   * @param modelOutput the output: JSON, possibly inside prose or a fenced block
   * @return the steps, at least one, in order
   * @throws ParseException if they are not valid steps; the message is written for the model
   */
  public static List<CatalogueNextStep> parseSteps(String modelOutput) {
    return Parsing.parse(modelOutput, null, (d, value) -> Unions.steps(d, value, ToolJson.STEPS_WRAPPER, CatalogueTools::readStep), UnknownProperties.IGNORE).value();
  }

  /**
   * Reads every native tool call of one answer, in order: all of them, or none.
   *
   * @param calls the calls, as the model made them
   * @return one step per call
   * @throws ParseException naming each call that is no tool of {@link Catalogue} or whose arguments do
   *     not fit
   */
  public static List<CatalogueNextStep> fromToolCalls(List<ToolCall> calls) {
    return ToolCall.readAll(calls, CatalogueTools::fromToolCall);
  }

  /**
   * The step as a JSON object with its {@code intent}.
   *
   * @param step the step
   * @return the JSON text
   */
  public static String toJson(CatalogueNextStep step) {
    return JsonWriter.write(out -> writeStep(out, step, true));
  }

  /**
   * The step's arguments as a JSON object, without {@code intent}: a tool call's arguments.
   *
   * @param step the step
   * @return the JSON text
   */
  public static String argumentsJson(CatalogueNextStep step) {
    return JsonWriter.write(out -> writeStep(out, step, false));
  }

  /**
   * The intent of a step, such as {@code calculate_BMI}: its tool's name for providers.
   *
   * @param step the step
   * @return its intent
   */
  public static String intentOf(CatalogueNextStep step) {
    return switch (step) {
      case Catalogue.CalculateBmi call -> "calculate_BMI";
      case Catalogue.GetWeather call -> "getWeather";
      case Catalogue.FindAttractions call -> "Travel_1_FindAttractions";
      case Catalogue.Factorial call -> "math_factorial";
      case Catalogue.SendCode call -> "2fa";
      case Catalogue.HttpRequest call -> "http_request";
      case Catalogue.Filter call -> "filter";
      case Catalogue.Hyphenated call -> "a-b";
      case Catalogue.Underscored call -> "a_b";
      case Catalogue.Reply call -> "reply";
    };
  }

  /**
   * Whether the step's tool is declared {@code @Tool(approval = true)}.
   *
   * @param step the step
   * @return whether a human approves each call first
   */
  public static boolean requiresApproval(CatalogueNextStep step) {
    return switch (step) {
      case Catalogue.CalculateBmi call -> false;
      case Catalogue.GetWeather call -> false;
      case Catalogue.FindAttractions call -> false;
      case Catalogue.Factorial call -> false;
      case Catalogue.SendCode call -> false;
      case Catalogue.HttpRequest call -> false;
      case Catalogue.Filter call -> false;
      case Catalogue.Hyphenated call -> false;
      case Catalogue.Underscored call -> false;
      case Catalogue.Reply call -> false;
    };
  }

  private static CatalogueNextStep readArguments(String intent, String argumentsJson) {
    int index = INTENTS.indexOf(intent);
    if (index < 0) {
      throw new ParseException("no tool \"" + intent + "\"; the tools are " + INTENTS);
    }
    return Parsing.parseStrict(argumentsJson, in -> fastMember(in, index, 0L), (d, value) -> readMember(d, index, value));
  }

  private static CatalogueNextStep fastStep(JsonReader in) {
    int index = in.leadingIndex("intent", NAMES);
    return index < 0 ? fastAny(in) : fastMember(in, index, 1L);
  }

  private static CatalogueNextStep fastAny(JsonReader in) {
    int intent = -1;
    double weightKg = 0;
    double heightM = 0;
    String city = null;
    Catalogue.Unit unit = Catalogue.Unit.CELSIUS;
    String location = null;
    boolean freeEntry = false;
    int limit = 10;
    int n = 0;
    String phone = null;
    String url = null;
    Catalogue.Method method = null;
    String contentType = "application/json";
    Optional<String> userAgent = Optional.empty();
    Map<String, String> headers = null;
    JsonNode body = null;
    Catalogue.Comparison op = null;
    List<String> values = null;
    Optional<Catalogue.Activity> level = Optional.empty();
    String text = null;
    String message = null;
    long seen = 0;
    in.beginObject();
    while (in.hasMember()) {
      int index = in.name(ANY_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> intent = in.stringIndex(NAMES);
        case 1 -> weightKg = Checks.passed(in.doubleValue(), CATALOGUE_CALCULATE_BMI_WEIGHT_KG_RANGE);
        case 2 -> heightM = Checks.passed(in.doubleValue(), CATALOGUE_CALCULATE_BMI_HEIGHT_M_RANGE);
        case 3 -> city = Checks.passed(in.string(), CATALOGUE_GET_WEATHER_CITY_TEXT);
        case 4 -> unit = in.nullValue() ? Catalogue.Unit.CELSIUS : fastCatalogueUnit(in);
        case 5 -> location = in.string();
        case 6 -> freeEntry = in.nullValue() ? false : in.bool();
        case 7 -> limit = in.nullValue() ? 10 : Checks.passed(in.intValue(), CATALOGUE_FIND_ATTRACTIONS_LIMIT_RANGE);
        case 8 -> n = Checks.passed(in.intValue(), CATALOGUE_FACTORIAL_N_RANGE);
        case 9 -> phone = Checks.passed(in.string(), CATALOGUE_SEND_CODE_PHONE_TEXT);
        case 10 -> url = in.string();
        case 11 -> method = fastCatalogueMethod(in);
        case 12 -> contentType = in.nullValue() ? "application/json" : in.string();
        case 13 -> userAgent = in.nullValue() ? Optional.empty() : Optional.of(in.string());
        case 14 -> headers = Checks.passedMap(in.map(JsonReader::string), CATALOGUE_HTTP_REQUEST_HEADERS_SIZE);
        case 15 -> body = Scalars.jsonText(in.string());
        case 16 -> op = fastCatalogueComparison(in);
        case 17 -> values = Checks.passed(in.list(JsonReader::string), CATALOGUE_FILTER_VALUES_SIZE);
        case 18 -> level = in.nullValue() ? Optional.empty() : Optional.of(fastCatalogueActivity(in));
        case 19 -> text = in.string();
        case 20 -> message = in.string();
        default -> throw JsonReader.bail();
      }
    }
    return switch (intent) {
      case 0 -> (seen & ~7L) != 0 || (seen & 7L) != 7L ? JsonReader.giveUp() : new Catalogue.CalculateBmi(weightKg, heightM);
      case 1 -> (seen & ~25L) != 0 || (seen & 9L) != 9L ? JsonReader.giveUp() : new Catalogue.GetWeather(city, unit);
      case 2 -> (seen & ~225L) != 0 || (seen & 33L) != 33L ? JsonReader.giveUp() : new Catalogue.FindAttractions(location, freeEntry, limit);
      case 3 -> (seen & ~257L) != 0 || (seen & 257L) != 257L ? JsonReader.giveUp() : new Catalogue.Factorial(n);
      case 4 -> (seen & ~513L) != 0 || (seen & 513L) != 513L ? JsonReader.giveUp() : new Catalogue.SendCode(phone);
      case 5 -> (seen & ~64513L) != 0 || (seen & 52225L) != 52225L ? JsonReader.giveUp() : new Catalogue.HttpRequest(url, method, contentType, userAgent, headers, body);
      case 6 -> (seen & ~458753L) != 0 || (seen & 196609L) != 196609L ? JsonReader.giveUp() : new Catalogue.Filter(op, values, level);
      case 7 -> (seen & ~524289L) != 0 || (seen & 524289L) != 524289L ? JsonReader.giveUp() : new Catalogue.Hyphenated(text);
      case 8 -> (seen & ~524289L) != 0 || (seen & 524289L) != 524289L ? JsonReader.giveUp() : new Catalogue.Underscored(text);
      case 9 -> (seen & ~1048577L) != 0 || (seen & 1048577L) != 1048577L ? JsonReader.giveUp() : new Catalogue.Reply(message);
      default -> throw JsonReader.bail();
    };
  }

  private static CatalogueNextStep fastMember(JsonReader in, int index, long seen) {
    return switch (index) {
      case 0 -> fastCatalogueCalculateBmi(in, seen);
      case 1 -> fastCatalogueGetWeather(in, seen);
      case 2 -> fastCatalogueFindAttractions(in, seen);
      case 3 -> fastCatalogueFactorial(in, seen);
      case 4 -> fastCatalogueSendCode(in, seen);
      case 5 -> fastCatalogueHttpRequest(in, seen);
      case 6 -> fastCatalogueFilter(in, seen);
      case 7 -> fastCatalogueHyphenated(in, seen);
      case 8 -> fastCatalogueUnderscored(in, seen);
      case 9 -> fastCatalogueReply(in, seen);
      default -> throw JsonReader.bail();
    };
  }

  private static CatalogueNextStep fastCall(JsonReader in, String name) {
    return switch (name) {
      case "calculate_BMI" -> fastCatalogueCalculateBmi(in, 0L);
      case "getWeather" -> fastCatalogueGetWeather(in, 0L);
      case "Travel_1_FindAttractions" -> fastCatalogueFindAttractions(in, 0L);
      case "math_factorial" -> fastCatalogueFactorial(in, 0L);
      case "2fa" -> fastCatalogueSendCode(in, 0L);
      case "http_request" -> fastCatalogueHttpRequest(in, 0L);
      case "filter" -> fastCatalogueFilter(in, 0L);
      case "a-b" -> fastCatalogueHyphenated(in, 0L);
      case "a_b" -> fastCatalogueUnderscored(in, 0L);
      case "reply" -> fastCatalogueReply(in, 0L);
      default -> throw JsonReader.bail();
    };
  }

  /**
   * Reads a step from the tree, for this class and for {@code CataloguePrompts}, whose answers may
   * hold steps.
   */
  static CatalogueNextStep readStep(Decoder d, JsonValue value) {
    Unions.Tagged tagged = Unions.step(d, value, "next_step", "intent", SHAPES);
    return tagged == null ? null : readMember(d, tagged.index(), tagged.object());
  }

  private static CatalogueNextStep readCall(Decoder d, String name, JsonValue value) {
    int index = Unions.member(d, name, "intent", SHAPES);
    JsonObject object = index < 0 ? null : d.object(value);
    if (object == null) {
      return null;
    }
    Unions.agrees(d, object, "intent", SHAPES, index);
    return readMember(d, index, object);
  }

  private static CatalogueNextStep readMember(Decoder d, int index, JsonValue object) {
    return switch (index) {
      case 0 -> readCatalogueCalculateBmi(d, object);
      case 1 -> readCatalogueGetWeather(d, object);
      case 2 -> readCatalogueFindAttractions(d, object);
      case 3 -> readCatalogueFactorial(d, object);
      case 4 -> readCatalogueSendCode(d, object);
      case 5 -> readCatalogueHttpRequest(d, object);
      case 6 -> readCatalogueFilter(d, object);
      case 7 -> readCatalogueHyphenated(d, object);
      case 8 -> readCatalogueUnderscored(d, object);
      case 9 -> readCatalogueReply(d, object);
      default -> throw new IllegalStateException("no tool " + index);
    };
  }

  /**
   * Writes a step, with its intent when {@code withIntent}, for this class and for
   * {@code CataloguePrompts}.
   */
  static void writeStep(JsonWriter out, CatalogueNextStep step, boolean withIntent) {
    out.beginObject();
    if (withIntent) {
      out.name("intent").value(intentOf(step));
    }
    switch (step) {
      case Catalogue.CalculateBmi call -> writeCatalogueCalculateBmiFields(out, call);
      case Catalogue.GetWeather call -> writeCatalogueGetWeatherFields(out, call);
      case Catalogue.FindAttractions call -> writeCatalogueFindAttractionsFields(out, call);
      case Catalogue.Factorial call -> writeCatalogueFactorialFields(out, call);
      case Catalogue.SendCode call -> writeCatalogueSendCodeFields(out, call);
      case Catalogue.HttpRequest call -> writeCatalogueHttpRequestFields(out, call);
      case Catalogue.Filter call -> writeCatalogueFilterFields(out, call);
      case Catalogue.Hyphenated call -> writeCatalogueHyphenatedFields(out, call);
      case Catalogue.Underscored call -> writeCatalogueUnderscoredFields(out, call);
      case Catalogue.Reply call -> writeCatalogueReplyFields(out, call);
    }
    out.endObject();
  }

  private static Catalogue.CalculateBmi fastCatalogueCalculateBmi(JsonReader in, long seen) {
    double weightKg = 0;
    double heightM = 0;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(CATALOGUE_CALCULATE_BMI_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("calculate_BMI");
        case 1 -> weightKg = Checks.passed(in.doubleValue(), CATALOGUE_CALCULATE_BMI_WEIGHT_KG_RANGE);
        case 2 -> heightM = Checks.passed(in.doubleValue(), CATALOGUE_CALCULATE_BMI_HEIGHT_M_RANGE);
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 6L) != 6L) {
      throw JsonReader.bail();
    }
    return new Catalogue.CalculateBmi(weightKg, heightM);
  }

  private static Catalogue.CalculateBmi readCatalogueCalculateBmi(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Double weightKg = d.required(object, "weightKg", (d1, v1) -> Checks.check(d1, Scalars.doubleValue(d1, v1), CATALOGUE_CALCULATE_BMI_WEIGHT_KG_RANGE));
    Double heightM = d.required(object, "heightM", (d1, v1) -> Checks.check(d1, Scalars.doubleValue(d1, v1), CATALOGUE_CALCULATE_BMI_HEIGHT_M_RANGE));
    d.unknownProperties(object, CATALOGUE_CALCULATE_BMI_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.CalculateBmi(weightKg, heightM));
  }

  private static void writeCatalogueCalculateBmiFields(JsonWriter out,
      Catalogue.CalculateBmi value) {
    out.name("weightKg").value(value.weightKg());
    out.name("heightM").value(value.heightM());
  }

  private static Catalogue.GetWeather fastCatalogueGetWeather(JsonReader in, long seen) {
    String city = null;
    Catalogue.Unit unit = Catalogue.Unit.CELSIUS;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(CATALOGUE_GET_WEATHER_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("getWeather");
        case 1 -> city = Checks.passed(in.string(), CATALOGUE_GET_WEATHER_CITY_TEXT);
        case 2 -> unit = in.nullValue() ? Catalogue.Unit.CELSIUS : fastCatalogueUnit(in);
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new Catalogue.GetWeather(city, unit);
  }

  private static Catalogue.GetWeather readCatalogueGetWeather(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String city = d.required(object, "city", (d1, v1) -> Checks.check(d1, Scalars.string(d1, v1), CATALOGUE_GET_WEATHER_CITY_TEXT));
    Catalogue.Unit unit = d.withDefault(object, "unit", CatalogueTools::readCatalogueUnit, Catalogue.Unit.CELSIUS);
    d.unknownProperties(object, CATALOGUE_GET_WEATHER_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.GetWeather(city, unit));
  }

  private static void writeCatalogueGetWeatherFields(JsonWriter out, Catalogue.GetWeather value) {
    out.name("city").value(value.city());
    out.name("unit").write(value.unit(), CatalogueTools::writeCatalogueUnit);
  }

  private static Catalogue.Unit fastCatalogueUnit(JsonReader in) {
    return CATALOGUE_UNIT_VALUES[in.stringIndex(CATALOGUE_UNIT_NAMES)];
  }

  private static Catalogue.Unit readCatalogueUnit(Decoder d, JsonValue value) {
    return Scalars.enumValue(d, value, CATALOGUE_UNIT_VALUES, CATALOGUE_UNIT_NAMES);
  }

  private static void writeCatalogueUnit(JsonWriter out, Catalogue.Unit value) {
    out.value(value == null ? null : CATALOGUE_UNIT_NAMES[value.ordinal()]);
  }

  private static Catalogue.FindAttractions fastCatalogueFindAttractions(JsonReader in, long seen) {
    String location = null;
    boolean freeEntry = false;
    int limit = 10;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(CATALOGUE_FIND_ATTRACTIONS_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("Travel_1_FindAttractions");
        case 1 -> location = in.string();
        case 2 -> freeEntry = in.nullValue() ? false : in.bool();
        case 3 -> limit = in.nullValue() ? 10 : Checks.passed(in.intValue(), CATALOGUE_FIND_ATTRACTIONS_LIMIT_RANGE);
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new Catalogue.FindAttractions(location, freeEntry, limit);
  }

  private static Catalogue.FindAttractions readCatalogueFindAttractions(Decoder d,
      JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String location = d.required(object, "location", Scalars::string);
    Boolean freeEntry = d.withDefault(object, "free_entry", Scalars::bool, false);
    Integer limit = d.withDefault(object, "limit", (d1, v1) -> Checks.check(d1, Scalars.integer(d1, v1), CATALOGUE_FIND_ATTRACTIONS_LIMIT_RANGE), 10);
    d.unknownProperties(object, CATALOGUE_FIND_ATTRACTIONS_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.FindAttractions(location, freeEntry, limit));
  }

  private static void writeCatalogueFindAttractionsFields(JsonWriter out,
      Catalogue.FindAttractions value) {
    out.name("location").value(value.location());
    out.name("free_entry").value(value.freeEntry());
    out.name("limit").value(value.limit());
  }

  private static Catalogue.Factorial fastCatalogueFactorial(JsonReader in, long seen) {
    int n = 0;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(CATALOGUE_FACTORIAL_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("math_factorial");
        case 1 -> n = Checks.passed(in.intValue(), CATALOGUE_FACTORIAL_N_RANGE);
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new Catalogue.Factorial(n);
  }

  private static Catalogue.Factorial readCatalogueFactorial(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Integer n = d.required(object, "n", (d1, v1) -> Checks.check(d1, Scalars.integer(d1, v1), CATALOGUE_FACTORIAL_N_RANGE));
    d.unknownProperties(object, CATALOGUE_FACTORIAL_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.Factorial(n));
  }

  private static void writeCatalogueFactorialFields(JsonWriter out, Catalogue.Factorial value) {
    out.name("n").value(value.n());
  }

  private static Catalogue.SendCode fastCatalogueSendCode(JsonReader in, long seen) {
    String phone = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(CATALOGUE_SEND_CODE_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("2fa");
        case 1 -> phone = Checks.passed(in.string(), CATALOGUE_SEND_CODE_PHONE_TEXT);
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new Catalogue.SendCode(phone);
  }

  private static Catalogue.SendCode readCatalogueSendCode(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String phone = d.required(object, "phone", (d1, v1) -> Checks.check(d1, Scalars.string(d1, v1), CATALOGUE_SEND_CODE_PHONE_TEXT));
    d.unknownProperties(object, CATALOGUE_SEND_CODE_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.SendCode(phone));
  }

  private static void writeCatalogueSendCodeFields(JsonWriter out, Catalogue.SendCode value) {
    out.name("phone").value(value.phone());
  }

  private static Catalogue.HttpRequest fastCatalogueHttpRequest(JsonReader in, long seen) {
    String url = null;
    Catalogue.Method method = null;
    String contentType = "application/json";
    Optional<String> userAgent = Optional.empty();
    Map<String, String> headers = null;
    JsonNode body = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(CATALOGUE_HTTP_REQUEST_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("http_request");
        case 1 -> url = in.string();
        case 2 -> method = fastCatalogueMethod(in);
        case 3 -> contentType = in.nullValue() ? "application/json" : in.string();
        case 4 -> userAgent = in.nullValue() ? Optional.empty() : Optional.of(in.string());
        case 5 -> headers = Checks.passedMap(in.map(JsonReader::string), CATALOGUE_HTTP_REQUEST_HEADERS_SIZE);
        case 6 -> body = Scalars.jsonText(in.string());
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 102L) != 102L) {
      throw JsonReader.bail();
    }
    return new Catalogue.HttpRequest(url, method, contentType, userAgent, headers, body);
  }

  private static Catalogue.HttpRequest readCatalogueHttpRequest(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String url = d.required(object, "url", Scalars::string);
    Catalogue.Method method = d.required(object, "method", CatalogueTools::readCatalogueMethod);
    String contentType = d.withDefault(object, "Content-Type", Scalars::string, "application/json");
    Optional<String> userAgent = d.optional(object, "User-Agent", Scalars::string);
    Map<String, String> headers = d.required(object, "headers", (d1, v1) -> Checks.checkMap(d1, Containers.map(d1, v1, Scalars::string), CATALOGUE_HTTP_REQUEST_HEADERS_SIZE));
    JsonNode body = d.required(object, "body", Scalars::json);
    d.unknownProperties(object, CATALOGUE_HTTP_REQUEST_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.HttpRequest(url, method, contentType, userAgent, headers, body));
  }

  private static void writeCatalogueHttpRequestFields(JsonWriter out, Catalogue.HttpRequest value) {
    out.name("url").value(value.url());
    out.name("method").write(value.method(), CatalogueTools::writeCatalogueMethod);
    out.name("Content-Type").value(value.contentType());
    out.name("User-Agent").optional(value.userAgent(), JsonWriter::value);
    out.name("headers").entries(value.headers(), JsonWriter::value);
    out.name("body").json(value.body());
  }

  private static Catalogue.Method fastCatalogueMethod(JsonReader in) {
    return CATALOGUE_METHOD_VALUES[in.stringIndex(CATALOGUE_METHOD_NAMES)];
  }

  private static Catalogue.Method readCatalogueMethod(Decoder d, JsonValue value) {
    return Scalars.enumValue(d, value, CATALOGUE_METHOD_VALUES, CATALOGUE_METHOD_NAMES);
  }

  private static void writeCatalogueMethod(JsonWriter out, Catalogue.Method value) {
    out.value(value == null ? null : CATALOGUE_METHOD_NAMES[value.ordinal()]);
  }

  private static Catalogue.Filter fastCatalogueFilter(JsonReader in, long seen) {
    Catalogue.Comparison op = null;
    List<String> values = null;
    Optional<Catalogue.Activity> level = Optional.empty();
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(CATALOGUE_FILTER_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("filter");
        case 1 -> op = fastCatalogueComparison(in);
        case 2 -> values = Checks.passed(in.list(JsonReader::string), CATALOGUE_FILTER_VALUES_SIZE);
        case 3 -> level = in.nullValue() ? Optional.empty() : Optional.of(fastCatalogueActivity(in));
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 6L) != 6L) {
      throw JsonReader.bail();
    }
    return new Catalogue.Filter(op, values, level);
  }

  private static Catalogue.Filter readCatalogueFilter(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Catalogue.Comparison op = d.required(object, "op", CatalogueTools::readCatalogueComparison);
    List<String> values = d.required(object, "values", (d1, v1) -> Checks.check(d1, Containers.list(d1, v1, Scalars::string), CATALOGUE_FILTER_VALUES_SIZE));
    Optional<Catalogue.Activity> level = d.optional(object, "level", CatalogueTools::readCatalogueActivity);
    d.unknownProperties(object, CATALOGUE_FILTER_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.Filter(op, values, level));
  }

  private static void writeCatalogueFilterFields(JsonWriter out, Catalogue.Filter value) {
    out.name("op").write(value.op(), CatalogueTools::writeCatalogueComparison);
    out.name("values").array(value.values(), JsonWriter::value);
    out.name("level").optional(value.level(), CatalogueTools::writeCatalogueActivity);
  }

  private static Catalogue.Comparison fastCatalogueComparison(JsonReader in) {
    return CATALOGUE_COMPARISON_VALUES[in.stringIndex(CATALOGUE_COMPARISON_NAMES)];
  }

  private static Catalogue.Comparison readCatalogueComparison(Decoder d, JsonValue value) {
    return Scalars.enumValue(d, value, CATALOGUE_COMPARISON_VALUES, CATALOGUE_COMPARISON_NAMES);
  }

  private static void writeCatalogueComparison(JsonWriter out, Catalogue.Comparison value) {
    out.value(value == null ? null : CATALOGUE_COMPARISON_NAMES[value.ordinal()]);
  }

  private static Catalogue.Activity fastCatalogueActivity(JsonReader in) {
    return CATALOGUE_ACTIVITY_VALUES[in.stringIndex(CATALOGUE_ACTIVITY_NAMES)];
  }

  private static Catalogue.Activity readCatalogueActivity(Decoder d, JsonValue value) {
    return Scalars.enumValue(d, value, CATALOGUE_ACTIVITY_VALUES, CATALOGUE_ACTIVITY_NAMES);
  }

  private static void writeCatalogueActivity(JsonWriter out, Catalogue.Activity value) {
    out.value(value == null ? null : CATALOGUE_ACTIVITY_NAMES[value.ordinal()]);
  }

  private static Catalogue.Hyphenated fastCatalogueHyphenated(JsonReader in, long seen) {
    String text = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(CATALOGUE_HYPHENATED_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("a-b");
        case 1 -> text = in.string();
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new Catalogue.Hyphenated(text);
  }

  private static Catalogue.Hyphenated readCatalogueHyphenated(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String text = d.required(object, "text", Scalars::string);
    d.unknownProperties(object, CATALOGUE_HYPHENATED_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.Hyphenated(text));
  }

  private static void writeCatalogueHyphenatedFields(JsonWriter out, Catalogue.Hyphenated value) {
    out.name("text").value(value.text());
  }

  private static Catalogue.Underscored fastCatalogueUnderscored(JsonReader in, long seen) {
    String text = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(CATALOGUE_UNDERSCORED_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("a_b");
        case 1 -> text = in.string();
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new Catalogue.Underscored(text);
  }

  private static Catalogue.Underscored readCatalogueUnderscored(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String text = d.required(object, "text", Scalars::string);
    d.unknownProperties(object, CATALOGUE_UNDERSCORED_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.Underscored(text));
  }

  private static void writeCatalogueUnderscoredFields(JsonWriter out, Catalogue.Underscored value) {
    out.name("text").value(value.text());
  }

  private static Catalogue.Reply fastCatalogueReply(JsonReader in, long seen) {
    String message = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(CATALOGUE_REPLY_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("reply");
        case 1 -> message = in.string();
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new Catalogue.Reply(message);
  }

  private static Catalogue.Reply readCatalogueReply(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String message = d.required(object, "message", Scalars::string);
    d.unknownProperties(object, CATALOGUE_REPLY_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Catalogue.Reply(message));
  }

  private static void writeCatalogueReplyFields(JsonWriter out, Catalogue.Reply value) {
    out.name("message").value(value.message());
  }

  private static final class Codec implements StepCodec<CatalogueNextStep> {
    @Override
    public Class<CatalogueNextStep> stepType() {
      return CatalogueNextStep.class;
    }

    @Override
    public List<String> intents() {
      return INTENTS;
    }

    @Override
    public String intentOf(CatalogueNextStep step) {
      return CatalogueTools.intentOf(step);
    }

    @Override
    public String toJson(CatalogueNextStep step) {
      return CatalogueTools.toJson(step);
    }

    @Override
    public String argumentsJson(CatalogueNextStep step) {
      return CatalogueTools.argumentsJson(step);
    }

    @Override
    public void writeArguments(JsonWriter out, CatalogueNextStep step) {
      writeStep(out, step, false);
    }

    @Override
    public CatalogueNextStep parse(String modelOutput) {
      return CatalogueTools.parse(modelOutput);
    }

    @Override
    public CatalogueNextStep fromToolCall(String name, String argumentsJson) {
      return CatalogueTools.fromToolCall(name, argumentsJson);
    }

    @Override
    public CatalogueNextStep readArguments(String intent, String argumentsJson) {
      return CatalogueTools.readArguments(intent, argumentsJson);
    }

    @Override
    public boolean requiresApproval(CatalogueNextStep step) {
      return CatalogueTools.requiresApproval(step);
    }

    @Override
    public List<ToolJson.Tool> tools() {
      return TOOLS;
    }

    @Override
    public Map<String, String> schemas() {
      return SCHEMAS;
    }

    @Override
    public String unionSchema() {
      return UNION_SCHEMA;
    }

    @Override
    public String stepsSchema() {
      return STEPS_SCHEMA;
    }

    @Override
    public List<CatalogueNextStep> parseSteps(String modelOutput) {
      return CatalogueTools.parseSteps(modelOutput);
    }

    @Override
    public String openAiTools() {
      return OPENAI_TOOLS;
    }

    @Override
    public String anthropicTools() {
      return ANTHROPIC_TOOLS;
    }
  }
}
