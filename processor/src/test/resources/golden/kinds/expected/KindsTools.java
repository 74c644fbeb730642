package dev.toolcase.example.types;

import dev.toolcase.ParseException;
import dev.toolcase.Parsed;
import dev.toolcase.UnknownProperties;
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
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Schemas, tool definitions and the JSON codec of {@link Kinds}, generated without
 * reflection from its tools.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public final class KindsTools {
  private static final List<ToolJson.Tool> TOOLS = List.of(
    new ToolJson.Tool("scalars", "scalars",
        "\"text\":{\"description\":\"some text\",\"type\":\"string\"},\"flag\":{\"type\":\"boolean\"},\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},\"small\":{\"type\":\"integer\"},\"tiny\":{\"type\":\"integer\"},\"letter\":{\"type\":\"string\"},\"ratio\":{\"type\":\"number\"},\"weight\":{\"type\":\"number\"},\"price\":{\"type\":\"number\"},\"huge\":{\"type\":\"integer\"},\"when\":{\"type\":\"string\",\"format\":\"date-time\"},\"day\":{\"type\":\"string\",\"format\":\"date\"},\"priority\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}",
        "\"text\",\"flag\",\"count\",\"big\",\"small\",\"tiny\",\"letter\",\"ratio\",\"weight\",\"price\",\"huge\",\"when\",\"day\",\"priority\"",
        StepKind.TOOL),
    new ToolJson.Tool("boxes", "boxes",
        "\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},\"ratio\":{\"type\":\"number\"},\"flag\":{\"type\":\"boolean\"},\"letter\":{\"type\":\"string\"}",
        "\"count\",\"big\",\"ratio\",\"flag\",\"letter\"",
        StepKind.TOOL),
    new ToolJson.Tool("structures_tool", "structures",
        "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"priorities\":{\"type\":\"array\",\"items\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},\"counts\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"integer\"}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false}},\"addressBook\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false}}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false}},\"home\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false},\"grid\":{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}}",
        "\"tags\",\"priorities\",\"counts\",\"addressBook\",\"home\",\"grid\"",
        StepKind.TOOL_WITH_APPROVAL),
    new ToolJson.Tool("optionals", "optionals",
        "\"note\":{\"type\":[\"string\",\"null\"]},\"limit\":{\"type\":[\"integer\",\"null\"]},\"priority\":{\"description\":\"low: can wait\",\"type\":[\"string\",\"null\"],\"enum\":[\"low\",\"high\",null]},\"address\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false},{\"type\":\"null\"}]},\"labels\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"}},\"shape\":{\"anyOf\":[{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]},{\"type\":\"null\"}]}",
        "\"note\",\"limit\",\"priority\",\"address\",\"labels\",\"shape\"",
        StepKind.TOOL),
    new ToolJson.Tool("shapes", "shapes",
        "\"main\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]},\"others\":{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]}}",
        "\"main\",\"others\"",
        StepKind.TOOL),
    new ToolJson.Tool("nothing", "nothing",
        "",
        "",
        StepKind.TOOL));

  private static final List<String> INTENTS = List.of("scalars", "boxes", "structures_tool", "optionals", "shapes", "nothing");

  private static final String[] NAMES = INTENTS.toArray(new String[0]);

  private static final List<Unions.Shape> SHAPES = List.of(
    new Unions.Shape("scalars", List.of("text", "flag", "count", "big", "small", "tiny", "letter", "ratio", "weight", "price", "huge", "when", "day", "priority"), List.of("text", "flag", "count", "big", "small", "tiny", "letter", "ratio", "weight", "price", "huge", "when", "day", "priority")),
    new Unions.Shape("boxes", List.of("count", "big", "ratio", "flag", "letter"), List.of("count", "big", "ratio", "flag", "letter")),
    new Unions.Shape("structures_tool", List.of("tags", "priorities", "counts", "addressBook", "home", "grid"), List.of("tags", "priorities", "counts", "addressBook", "home", "grid")),
    new Unions.Shape("optionals", List.of(), List.of("note", "limit", "priority", "address", "labels", "shape")),
    new Unions.Shape("shapes", List.of("main", "others"), List.of("main", "others")),
    new Unions.Shape("nothing", List.of(), List.of()));

  private static final Set<String> KINDS_SCALARS_PROPERTIES = Set.of("intent", "text", "flag", "count", "big", "small", "tiny", "letter", "ratio", "weight", "price", "huge", "when", "day", "priority");

  private static final String[] KINDS_SCALARS_NAMES = {"intent", "text", "flag", "count", "big", "small", "tiny", "letter", "ratio", "weight", "price", "huge", "when", "day", "priority"};

  private static final Kinds.Priority[] KINDS_PRIORITY_VALUES = Kinds.Priority.values();

  private static final String[] KINDS_PRIORITY_NAMES = {"low", "high"};

  private static final Set<String> KINDS_BOXES_PROPERTIES = Set.of("intent", "count", "big", "ratio", "flag", "letter");

  private static final String[] KINDS_BOXES_NAMES = {"intent", "count", "big", "ratio", "flag", "letter"};

  private static final Set<String> KINDS_STRUCTURES_PROPERTIES = Set.of("intent", "tags", "priorities", "counts", "addressBook", "home", "grid");

  private static final String[] KINDS_STRUCTURES_NAMES = {"intent", "tags", "priorities", "counts", "addressBook", "home", "grid"};

  private static final Set<String> KINDS_ADDRESS_PROPERTIES = Set.of("street", "zip");

  private static final String[] KINDS_ADDRESS_NAMES = {"street", "zip"};

  private static final Set<String> KINDS_OPTIONALS_PROPERTIES = Set.of("intent", "note", "limit", "priority", "address", "labels", "shape");

  private static final String[] KINDS_OPTIONALS_NAMES = {"intent", "note", "limit", "priority", "address", "labels", "shape"};

  private static final List<Unions.Shape> KINDS_SHAPE_SHAPES = List.of(
    new Unions.Shape("circle", List.of("radius"), List.of("radius")),
    new Unions.Shape("square", List.of("side"), List.of("side", "label")));

  private static final String[] KINDS_SHAPE_NAMES = {"circle", "square"};

  private static final Set<String> KINDS_CIRCLE_PROPERTIES = Set.of("type", "radius");

  private static final String[] KINDS_CIRCLE_NAMES = {"type", "radius"};

  private static final Set<String> KINDS_SQUARE_PROPERTIES = Set.of("type", "side", "label");

  private static final String[] KINDS_SQUARE_NAMES = {"type", "side", "label"};

  private static final Set<String> KINDS_SHAPES_PROPERTIES = Set.of("intent", "main", "others");

  private static final String[] KINDS_SHAPES_NAMES = {"intent", "main", "others"};

  private static final Set<String> KINDS_NOTHING_PROPERTIES = Set.of("intent");

  private static final String[] KINDS_NOTHING_NAMES = {"intent"};

  /**
   * The JSON Schema (Draft 2020-12, OpenAI strict) of each tool of {@link Kinds}, by
   * intent, in the order the prompt lists them. Each carries its {@code intent}.
   */
  public static final Map<String, String> SCHEMAS = ToolJson.schemas(TOOLS);

  /**
   * The schema of {@link KindsNextStep}: an object whose {@code next_step} property is any of the
   * tools, usable as a strict response format. {@link #parse} reads it, too.
   */
  public static final String UNION_SCHEMA = ToolJson.union(SCHEMAS);

  private static final String STEPS_SCHEMA = ToolJson.steps(SCHEMAS);

  private static final String OPENAI_TOOLS = ToolJson.openAi(TOOLS);

  private static final String ANTHROPIC_TOOLS = ToolJson.anthropic(TOOLS);

  /**
   * This class as the runtime's {@link StepCodec}, for the loop, thread and stores.
   */
  public static final StepCodec<KindsNextStep> CODEC = new Codec();

  private KindsTools() {
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
   * Reads the model's output as a step of {@link Kinds}.
   *
   * @param modelOutput the output: JSON, possibly inside prose or a fenced block
   * @return the step
   * @throws ParseException if it is not one valid step; the message is written for the model
   */
  public static KindsNextStep parse(String modelOutput) {
    return Parsing.value(modelOutput, KindsTools::fastStep, KindsTools::readStep);
  }

  /**
   * Like {@link #parse}, and tells which repairs and coercions the output needed.
   *
   * @param modelOutput the output: JSON, possibly inside prose or a fenced block
   * @return the step and its repairs
   * @throws ParseException if it is not one valid step
   */
  public static Parsed<KindsNextStep> parseWithRepairs(String modelOutput) {
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
  public static Parsed<KindsNextStep> parseWithRepairs(String modelOutput,
      UnknownProperties unknownProperties) {
    return Parsing.parse(modelOutput, KindsTools::fastStep, KindsTools::readStep, unknownProperties);
  }

  /**
   * Reads exactly one well-formed JSON step, with no search and no repairs of the text:
   * for JSON a program wrote.
   *
   * @param json one JSON object
   * @return the step
   * @throws ParseException if it is not strict JSON of one valid step
   */
  public static KindsNextStep parseStrict(String json) {
    return Parsing.parseStrict(json, KindsTools::fastStep, KindsTools::readStep);
  }

  /**
   * Reads a native tool call: {@code name} is the tool's intent, matched exactly, else
   * ignoring case and separators.
   *
   * @param name the tool's name as the model called it
   * @param argumentsJson the call's arguments
   * @return the step
   * @throws ParseException if the name is no tool of {@link Kinds} or the arguments do not fit
   */
  public static KindsNextStep fromToolCall(String name, String argumentsJson) {
    return Parsing.arguments(argumentsJson, in -> fastCall(in, name), (d, value) -> readCall(d, name, value));
  }

  /**
   * Reads several steps of {@link Kinds} from the model's output, for a turn that does
   * several things at once: a JSON array of steps, an object whose
   * {@code next_steps} holds them, or one step.
   *
   * @param modelOutput the output: JSON, possibly inside prose or a fenced block
   * @return the steps, at least one, in order
   * @throws ParseException if they are not valid steps; the message is written for the model
   */
  public static List<KindsNextStep> parseSteps(String modelOutput) {
    return Parsing.parse(modelOutput, null, (d, value) -> Unions.steps(d, value, ToolJson.STEPS_WRAPPER, KindsTools::readStep), UnknownProperties.IGNORE).value();
  }

  /**
   * Reads every native tool call of one answer, in order: all of them, or none.
   *
   * @param calls the calls, as the model made them
   * @return one step per call
   * @throws ParseException naming each call that is no tool of {@link Kinds} or whose arguments do
   *     not fit
   */
  public static List<KindsNextStep> fromToolCalls(List<ToolCall> calls) {
    return ToolCall.readAll(calls, KindsTools::fromToolCall);
  }

  /**
   * The step as a JSON object with its {@code intent}.
   *
   * @param step the step
   * @return the JSON text
   */
  public static String toJson(KindsNextStep step) {
    return JsonWriter.write(out -> writeStep(out, step, true));
  }

  /**
   * The step's arguments as a JSON object, without {@code intent}: a tool call's arguments.
   *
   * @param step the step
   * @return the JSON text
   */
  public static String argumentsJson(KindsNextStep step) {
    return JsonWriter.write(out -> writeStep(out, step, false));
  }

  /**
   * The intent of a step, such as {@code scalars}: its tool's name for providers.
   *
   * @param step the step
   * @return its intent
   */
  public static String intentOf(KindsNextStep step) {
    return switch (step) {
      case Kinds.Scalars call -> "scalars";
      case Kinds.Boxes call -> "boxes";
      case Kinds.Structures call -> "structures_tool";
      case Kinds.Optionals call -> "optionals";
      case Kinds.Shapes call -> "shapes";
      case Kinds.Nothing call -> "nothing";
    };
  }

  /**
   * Whether the step's tool is declared {@code @Tool(approval = true)}.
   *
   * @param step the step
   * @return whether a human approves each call first
   */
  public static boolean requiresApproval(KindsNextStep step) {
    return switch (step) {
      case Kinds.Scalars call -> false;
      case Kinds.Boxes call -> false;
      case Kinds.Structures call -> true;
      case Kinds.Optionals call -> false;
      case Kinds.Shapes call -> false;
      case Kinds.Nothing call -> false;
    };
  }

  private static KindsNextStep readArguments(String intent, String argumentsJson) {
    int index = INTENTS.indexOf(intent);
    if (index < 0) {
      throw new ParseException("no tool \"" + intent + "\"; the tools are " + INTENTS);
    }
    return Parsing.parseStrict(argumentsJson, in -> fastMember(in, index, 0L), (d, value) -> readMember(d, index, value));
  }

  private static KindsNextStep fastStep(JsonReader in) {
    int index = in.leadingIndex("intent", NAMES);
    return index < 0 ? fastMember(in, in.peekIndex("intent", NAMES), 0L) : fastMember(in, index, 1L);
  }

  private static KindsNextStep fastMember(JsonReader in, int index, long seen) {
    return switch (index) {
      case 0 -> fastKindsScalars(in, seen);
      case 1 -> fastKindsBoxes(in, seen);
      case 2 -> fastKindsStructures(in, seen);
      case 3 -> fastKindsOptionals(in, seen);
      case 4 -> fastKindsShapes(in, seen);
      case 5 -> fastKindsNothing(in, seen);
      default -> throw JsonReader.bail();
    };
  }

  private static KindsNextStep fastCall(JsonReader in, String name) {
    return switch (name) {
      case "scalars" -> fastKindsScalars(in, 0L);
      case "boxes" -> fastKindsBoxes(in, 0L);
      case "structures_tool" -> fastKindsStructures(in, 0L);
      case "optionals" -> fastKindsOptionals(in, 0L);
      case "shapes" -> fastKindsShapes(in, 0L);
      case "nothing" -> fastKindsNothing(in, 0L);
      default -> throw JsonReader.bail();
    };
  }

  /**
   * Reads a step from the tree, for this class and for {@code KindsPrompts}, whose answers may
   * hold steps.
   */
  static KindsNextStep readStep(Decoder d, JsonValue value) {
    Unions.Tagged tagged = Unions.step(d, value, "next_step", "intent", SHAPES);
    return tagged == null ? null : readMember(d, tagged.index(), tagged.object());
  }

  private static KindsNextStep readCall(Decoder d, String name, JsonValue value) {
    int index = Unions.member(d, name, "intent", SHAPES);
    JsonObject object = index < 0 ? null : d.object(value);
    if (object == null) {
      return null;
    }
    Unions.agrees(d, object, "intent", SHAPES, index);
    return readMember(d, index, object);
  }

  private static KindsNextStep readMember(Decoder d, int index, JsonValue object) {
    return switch (index) {
      case 0 -> readKindsScalars(d, object);
      case 1 -> readKindsBoxes(d, object);
      case 2 -> readKindsStructures(d, object);
      case 3 -> readKindsOptionals(d, object);
      case 4 -> readKindsShapes(d, object);
      case 5 -> readKindsNothing(d, object);
      default -> throw new IllegalStateException("no tool " + index);
    };
  }

  /**
   * Writes a step, with its intent when {@code withIntent}, for this class and for
   * {@code KindsPrompts}.
   */
  static void writeStep(JsonWriter out, KindsNextStep step, boolean withIntent) {
    out.beginObject();
    if (withIntent) {
      out.name("intent").value(intentOf(step));
    }
    switch (step) {
      case Kinds.Scalars call -> writeKindsScalarsFields(out, call);
      case Kinds.Boxes call -> writeKindsBoxesFields(out, call);
      case Kinds.Structures call -> writeKindsStructuresFields(out, call);
      case Kinds.Optionals call -> writeKindsOptionalsFields(out, call);
      case Kinds.Shapes call -> writeKindsShapesFields(out, call);
      case Kinds.Nothing call -> writeKindsNothingFields(out, call);
    }
    out.endObject();
  }

  private static Kinds.Scalars fastKindsScalars(JsonReader in, long seen) {
    String text = null;
    boolean flag = false;
    int count = 0;
    long big = 0;
    short small = 0;
    byte tiny = 0;
    char letter = '\0';
    double ratio = 0;
    float weight = 0;
    BigDecimal price = null;
    BigInteger huge = null;
    Instant when = null;
    LocalDate day = null;
    Kinds.Priority priority = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(KINDS_SCALARS_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("scalars");
        case 1 -> text = in.string();
        case 2 -> flag = in.bool();
        case 3 -> count = in.intValue();
        case 4 -> big = in.longValue();
        case 5 -> small = in.shortValue();
        case 6 -> tiny = in.byteValue();
        case 7 -> letter = in.character();
        case 8 -> ratio = in.doubleValue();
        case 9 -> weight = in.floatValue();
        case 10 -> price = in.decimal();
        case 11 -> huge = in.bigInteger();
        case 12 -> when = in.instant();
        case 13 -> day = in.date();
        case 14 -> priority = fastKindsPriority(in);
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 32766L) != 32766L) {
      throw JsonReader.bail();
    }
    return new Kinds.Scalars(text, flag, count, big, small, tiny, letter, ratio, weight, price, huge, when, day, priority);
  }

  private static Kinds.Scalars readKindsScalars(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String text = d.required(object, "text", Scalars::string);
    Boolean flag = d.required(object, "flag", Scalars::bool);
    Integer count = d.required(object, "count", Scalars::integer);
    Long big = d.required(object, "big", Scalars::longValue);
    Short small = d.required(object, "small", Scalars::shortValue);
    Byte tiny = d.required(object, "tiny", Scalars::byteValue);
    Character letter = d.required(object, "letter", Scalars::character);
    Double ratio = d.required(object, "ratio", Scalars::doubleValue);
    Float weight = d.required(object, "weight", Scalars::floatValue);
    BigDecimal price = d.required(object, "price", Scalars::decimal);
    BigInteger huge = d.required(object, "huge", Scalars::bigInteger);
    Instant when = d.required(object, "when", Scalars::instant);
    LocalDate day = d.required(object, "day", Scalars::date);
    Kinds.Priority priority = d.required(object, "priority", KindsTools::readKindsPriority);
    d.unknownProperties(object, KINDS_SCALARS_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Kinds.Scalars(text, flag, count, big, small, tiny, letter, ratio, weight, price, huge, when, day, priority));
  }

  private static void writeKindsScalarsFields(JsonWriter out, Kinds.Scalars value) {
    out.name("text").value(value.text());
    out.name("flag").value(value.flag());
    out.name("count").value(value.count());
    out.name("big").value(value.big());
    out.name("small").value(value.small());
    out.name("tiny").value(value.tiny());
    out.name("letter").value(value.letter());
    out.name("ratio").value(value.ratio());
    out.name("weight").value(value.weight());
    out.name("price").value(value.price());
    out.name("huge").value(value.huge());
    out.name("when").value(value.when());
    out.name("day").value(value.day());
    out.name("priority").write(value.priority(), KindsTools::writeKindsPriority);
  }

  private static Kinds.Priority fastKindsPriority(JsonReader in) {
    return KINDS_PRIORITY_VALUES[in.stringIndex(KINDS_PRIORITY_NAMES)];
  }

  private static Kinds.Priority readKindsPriority(Decoder d, JsonValue value) {
    return Scalars.enumValue(d, value, KINDS_PRIORITY_VALUES, KINDS_PRIORITY_NAMES);
  }

  private static void writeKindsPriority(JsonWriter out, Kinds.Priority value) {
    out.value(value == null ? null : KINDS_PRIORITY_NAMES[value.ordinal()]);
  }

  private static Kinds.Boxes fastKindsBoxes(JsonReader in, long seen) {
    Integer count = null;
    Long big = null;
    Double ratio = null;
    Boolean flag = null;
    Character letter = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(KINDS_BOXES_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("boxes");
        case 1 -> count = in.intValue();
        case 2 -> big = in.longValue();
        case 3 -> ratio = in.doubleValue();
        case 4 -> flag = in.bool();
        case 5 -> letter = in.character();
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 62L) != 62L) {
      throw JsonReader.bail();
    }
    return new Kinds.Boxes(count, big, ratio, flag, letter);
  }

  private static Kinds.Boxes readKindsBoxes(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Integer count = d.required(object, "count", Scalars::integer);
    Long big = d.required(object, "big", Scalars::longValue);
    Double ratio = d.required(object, "ratio", Scalars::doubleValue);
    Boolean flag = d.required(object, "flag", Scalars::bool);
    Character letter = d.required(object, "letter", Scalars::character);
    d.unknownProperties(object, KINDS_BOXES_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Kinds.Boxes(count, big, ratio, flag, letter));
  }

  private static void writeKindsBoxesFields(JsonWriter out, Kinds.Boxes value) {
    out.name("count").value(value.count());
    out.name("big").value(value.big());
    out.name("ratio").value(value.ratio());
    out.name("flag").value(value.flag());
    out.name("letter").value(value.letter());
  }

  private static Kinds.Structures fastKindsStructures(JsonReader in, long seen) {
    List<String> tags = null;
    Set<Kinds.Priority> priorities = null;
    Map<String, Integer> counts = null;
    Map<String, List<Kinds.Address>> addressBook = null;
    Kinds.Address home = null;
    List<List<Integer>> grid = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(KINDS_STRUCTURES_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("structures_tool");
        case 1 -> tags = in.list(JsonReader::string);
        case 2 -> priorities = in.set(KindsTools::fastKindsPriority);
        case 3 -> counts = in.map(JsonReader::intValue);
        case 4 -> addressBook = in.map(in1 -> in1.list(KindsTools::fastKindsAddress));
        case 5 -> home = fastKindsAddress(in);
        case 6 -> grid = in.list(in1 -> in1.list(JsonReader::intValue));
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 126L) != 126L) {
      throw JsonReader.bail();
    }
    return new Kinds.Structures(tags, priorities, counts, addressBook, home, grid);
  }

  private static Kinds.Structures readKindsStructures(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    List<String> tags = d.required(object, "tags", (d1, v1) -> Containers.list(d1, v1, Scalars::string));
    Set<Kinds.Priority> priorities = d.required(object, "priorities", (d1, v1) -> Containers.set(d1, v1, KindsTools::readKindsPriority));
    Map<String, Integer> counts = d.required(object, "counts", (d1, v1) -> Containers.map(d1, v1, Scalars::integer));
    Map<String, List<Kinds.Address>> addressBook = d.required(object, "addressBook", (d1, v1) -> Containers.map(d1, v1, (d2, v2) -> Containers.list(d2, v2, KindsTools::readKindsAddress)));
    Kinds.Address home = d.required(object, "home", KindsTools::readKindsAddress);
    List<List<Integer>> grid = d.required(object, "grid", (d1, v1) -> Containers.list(d1, v1, (d2, v2) -> Containers.list(d2, v2, Scalars::integer)));
    d.unknownProperties(object, KINDS_STRUCTURES_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Kinds.Structures(tags, priorities, counts, addressBook, home, grid));
  }

  private static void writeKindsStructuresFields(JsonWriter out, Kinds.Structures value) {
    out.name("tags").array(value.tags(), JsonWriter::value);
    out.name("priorities").array(value.priorities(), KindsTools::writeKindsPriority);
    out.name("counts").entries(value.counts(), JsonWriter::value);
    out.name("addressBook").entries(value.addressBook(), (o, v) -> o.array(v, KindsTools::writeKindsAddress));
    out.name("home").write(value.home(), KindsTools::writeKindsAddress);
    out.name("grid").array(value.grid(), (o, v) -> o.array(v, JsonWriter::value));
  }

  private static Kinds.Address fastKindsAddress(JsonReader in) {
    String street = null;
    String zip = null;
    long seen = 0;
    in.beginObject();
    while (in.hasMember()) {
      int index = in.name(KINDS_ADDRESS_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> street = in.string();
        case 1 -> zip = in.string();
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 3L) != 3L) {
      throw JsonReader.bail();
    }
    return new Kinds.Address(street, zip);
  }

  private static Kinds.Address readKindsAddress(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String street = d.required(object, "street", Scalars::string);
    String zip = d.required(object, "zip", Scalars::string);
    d.unknownProperties(object, KINDS_ADDRESS_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Kinds.Address(street, zip));
  }

  private static void writeKindsAddress(JsonWriter out, Kinds.Address value) {
    if (value == null) {
      out.nullValue();
      return;
    }
    out.beginObject();
    writeKindsAddressFields(out, value);
    out.endObject();
  }

  private static void writeKindsAddressFields(JsonWriter out, Kinds.Address value) {
    out.name("street").value(value.street());
    out.name("zip").value(value.zip());
  }

  private static Kinds.Optionals fastKindsOptionals(JsonReader in, long seen) {
    Optional<String> note = Optional.empty();
    Optional<Integer> limit = Optional.empty();
    Optional<Kinds.Priority> priority = Optional.empty();
    Optional<Kinds.Address> address = Optional.empty();
    Optional<List<String>> labels = Optional.empty();
    Optional<Kinds.Shape> shape = Optional.empty();
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(KINDS_OPTIONALS_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("optionals");
        case 1 -> note = in.nullValue() ? Optional.empty() : Optional.of(in.string());
        case 2 -> limit = in.nullValue() ? Optional.empty() : Optional.of(in.intValue());
        case 3 -> priority = in.nullValue() ? Optional.empty() : Optional.of(fastKindsPriority(in));
        case 4 -> address = in.nullValue() ? Optional.empty() : Optional.of(fastKindsAddress(in));
        case 5 -> labels = in.nullValue() ? Optional.empty() : Optional.of(in.list(JsonReader::string));
        case 6 -> shape = in.nullValue() ? Optional.empty() : Optional.of(fastKindsShape(in));
        default -> throw JsonReader.bail();
      }
    }
    return new Kinds.Optionals(note, limit, priority, address, labels, shape);
  }

  private static Kinds.Optionals readKindsOptionals(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Optional<String> note = d.optional(object, "note", Scalars::string);
    Optional<Integer> limit = d.optional(object, "limit", Scalars::integer);
    Optional<Kinds.Priority> priority = d.optional(object, "priority", KindsTools::readKindsPriority);
    Optional<Kinds.Address> address = d.optional(object, "address", KindsTools::readKindsAddress);
    Optional<List<String>> labels = d.optional(object, "labels", (d1, v1) -> Containers.list(d1, v1, Scalars::string));
    Optional<Kinds.Shape> shape = d.optional(object, "shape", KindsTools::readKindsShape);
    d.unknownProperties(object, KINDS_OPTIONALS_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Kinds.Optionals(note, limit, priority, address, labels, shape));
  }

  private static void writeKindsOptionalsFields(JsonWriter out, Kinds.Optionals value) {
    out.name("note").optional(value.note(), JsonWriter::value);
    out.name("limit").optional(value.limit(), JsonWriter::value);
    out.name("priority").optional(value.priority(), KindsTools::writeKindsPriority);
    out.name("address").optional(value.address(), KindsTools::writeKindsAddress);
    out.name("labels").optional(value.labels(), (o, v) -> o.array(v, JsonWriter::value));
    out.name("shape").optional(value.shape(), KindsTools::writeKindsShape);
  }

  private static Kinds.Shape fastKindsShape(JsonReader in) {
    int index = in.leadingIndex("type", KINDS_SHAPE_NAMES);
    long seen = index < 0 ? 0L : 1L;
    return switch (index < 0 ? in.peekIndex("type", KINDS_SHAPE_NAMES) : index) {
      case 0 -> fastKindsCircle(in, seen);
      case 1 -> fastKindsSquare(in, seen);
      default -> throw JsonReader.bail();
    };
  }

  private static Kinds.Shape readKindsShape(Decoder d, JsonValue value) {
    Unions.Tagged tagged = Unions.tagged(d, value, "type", KINDS_SHAPE_SHAPES);
    if (tagged == null) {
      return null;
    }
    return switch (tagged.index()) {
      case 0 -> readKindsCircle(d, tagged.object());
      case 1 -> readKindsSquare(d, tagged.object());
      default -> throw new IllegalStateException("no member " + tagged.index());
    };
  }

  private static void writeKindsShape(JsonWriter out, Kinds.Shape value) {
    if (value == null) {
      out.nullValue();
      return;
    }
    out.beginObject();
    switch (value) {
      case Kinds.Circle member -> {
        out.name("type").value("circle");
        writeKindsCircleFields(out, member);
      }
      case Kinds.Square member -> {
        out.name("type").value("square");
        writeKindsSquareFields(out, member);
      }
    }
    out.endObject();
  }

  private static Kinds.Circle fastKindsCircle(JsonReader in, long seen) {
    double radius = 0;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(KINDS_CIRCLE_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("circle");
        case 1 -> radius = in.doubleValue();
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new Kinds.Circle(radius);
  }

  private static Kinds.Circle readKindsCircle(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Double radius = d.required(object, "radius", Scalars::doubleValue);
    d.unknownProperties(object, KINDS_CIRCLE_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Kinds.Circle(radius));
  }

  private static void writeKindsCircleFields(JsonWriter out, Kinds.Circle value) {
    out.name("radius").value(value.radius());
  }

  private static Kinds.Square fastKindsSquare(JsonReader in, long seen) {
    double side = 0;
    Optional<String> label = Optional.empty();
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(KINDS_SQUARE_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("square");
        case 1 -> side = in.doubleValue();
        case 2 -> label = in.nullValue() ? Optional.empty() : Optional.of(in.string());
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new Kinds.Square(side, label);
  }

  private static Kinds.Square readKindsSquare(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Double side = d.required(object, "side", Scalars::doubleValue);
    Optional<String> label = d.optional(object, "label", Scalars::string);
    d.unknownProperties(object, KINDS_SQUARE_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Kinds.Square(side, label));
  }

  private static void writeKindsSquareFields(JsonWriter out, Kinds.Square value) {
    out.name("side").value(value.side());
    out.name("label").optional(value.label(), JsonWriter::value);
  }

  private static Kinds.Shapes fastKindsShapes(JsonReader in, long seen) {
    Kinds.Shape main = null;
    List<Kinds.Shape> others = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(KINDS_SHAPES_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("shapes");
        case 1 -> main = fastKindsShape(in);
        case 2 -> others = in.list(KindsTools::fastKindsShape);
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 6L) != 6L) {
      throw JsonReader.bail();
    }
    return new Kinds.Shapes(main, others);
  }

  private static Kinds.Shapes readKindsShapes(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Kinds.Shape main = d.required(object, "main", KindsTools::readKindsShape);
    List<Kinds.Shape> others = d.required(object, "others", (d1, v1) -> Containers.list(d1, v1, KindsTools::readKindsShape));
    d.unknownProperties(object, KINDS_SHAPES_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Kinds.Shapes(main, others));
  }

  private static void writeKindsShapesFields(JsonWriter out, Kinds.Shapes value) {
    out.name("main").write(value.main(), KindsTools::writeKindsShape);
    out.name("others").array(value.others(), KindsTools::writeKindsShape);
  }

  private static Kinds.Nothing fastKindsNothing(JsonReader in, long seen) {
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(KINDS_NOTHING_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("nothing");
        default -> throw JsonReader.bail();
      }
    }
    return new Kinds.Nothing();
  }

  private static Kinds.Nothing readKindsNothing(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    d.unknownProperties(object, KINDS_NOTHING_PROPERTIES);
    return new Kinds.Nothing();
  }

  private static void writeKindsNothingFields(JsonWriter out, Kinds.Nothing value) {
  }

  private static final class Codec implements StepCodec<KindsNextStep> {
    @Override
    public Class<KindsNextStep> stepType() {
      return KindsNextStep.class;
    }

    @Override
    public List<String> intents() {
      return INTENTS;
    }

    @Override
    public String intentOf(KindsNextStep step) {
      return KindsTools.intentOf(step);
    }

    @Override
    public String toJson(KindsNextStep step) {
      return KindsTools.toJson(step);
    }

    @Override
    public String argumentsJson(KindsNextStep step) {
      return KindsTools.argumentsJson(step);
    }

    @Override
    public void writeArguments(JsonWriter out, KindsNextStep step) {
      writeStep(out, step, false);
    }

    @Override
    public KindsNextStep parse(String modelOutput) {
      return KindsTools.parse(modelOutput);
    }

    @Override
    public KindsNextStep fromToolCall(String name, String argumentsJson) {
      return KindsTools.fromToolCall(name, argumentsJson);
    }

    @Override
    public KindsNextStep readArguments(String intent, String argumentsJson) {
      return KindsTools.readArguments(intent, argumentsJson);
    }

    @Override
    public boolean requiresApproval(KindsNextStep step) {
      return KindsTools.requiresApproval(step);
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
    public List<KindsNextStep> parseSteps(String modelOutput) {
      return KindsTools.parseSteps(modelOutput);
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
