package dev.toolcase.example.deploy;

import dev.toolcase.ParseException;
import dev.toolcase.Parsed;
import dev.toolcase.UnknownProperties;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Schemas, tool definitions and the JSON codec of {@link DeployBot}, generated without
 * reflection from its tools.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public final class DeployBotTools {
  private static final List<ToolJson.Tool> TOOLS = List.of(
    new ToolJson.Tool("list_git_tags", "List the git tags of the repository, newest first",
        "",
        "",
        StepKind.TOOL),
    new ToolJson.Tool("deploy_backend", "Deploy a backend tag to an environment",
        "\"tag\":{\"description\":\"git tag to deploy, e.g. v1.2.3\",\"type\":\"string\"},\"environment\":{\"description\":\"staging: where changes are tried first; production: the live site; deploys here need a human's approval\",\"type\":\"string\",\"enum\":[\"staging\",\"production\"]}",
        "\"tag\",\"environment\"",
        StepKind.TOOL),
    new ToolJson.Tool("deploy_frontend", "Deploy a frontend tag to an environment",
        "\"tag\":{\"description\":\"git tag to deploy, e.g. v1.2.3\",\"type\":\"string\"},\"environment\":{\"description\":\"staging: where changes are tried first; production: the live site; deploys here need a human's approval\",\"type\":\"string\",\"enum\":[\"staging\",\"production\"]}",
        "\"tag\",\"environment\"",
        StepKind.TOOL),
    new ToolJson.Tool("request_more_information", "Ask a human for information; the thread pauses until they answer",
        "\"message\":{\"type\":\"string\"}",
        "\"message\"",
        StepKind.HUMAN_CONTACT),
    new ToolJson.Tool("done_for_now", "Finish and tell the human the result",
        "\"message\":{\"type\":\"string\"}",
        "\"message\"",
        StepKind.FINAL_ANSWER));

  private static final List<String> INTENTS = List.of("list_git_tags", "deploy_backend", "deploy_frontend", "request_more_information", "done_for_now");

  private static final String[] NAMES = INTENTS.toArray(new String[0]);

  private static final List<Unions.Shape> SHAPES = List.of(
    new Unions.Shape("list_git_tags", List.of(), List.of()),
    new Unions.Shape("deploy_backend", List.of("tag", "environment"), List.of("tag", "environment")),
    new Unions.Shape("deploy_frontend", List.of("tag", "environment"), List.of("tag", "environment")),
    new Unions.Shape("request_more_information", List.of("message"), List.of("message")),
    new Unions.Shape("done_for_now", List.of("message"), List.of("message")));

  private static final Set<String> LIST_GIT_TAGS_PROPERTIES = Set.of("intent");

  private static final String[] LIST_GIT_TAGS_NAMES = {"intent"};

  private static final Set<String> DEPLOY_BACKEND_PROPERTIES = Set.of("intent", "tag", "environment");

  private static final String[] DEPLOY_BACKEND_NAMES = {"intent", "tag", "environment"};

  private static final Environment[] ENVIRONMENT_VALUES = Environment.values();

  private static final String[] ENVIRONMENT_NAMES = {"staging", "production"};

  private static final Set<String> DEPLOY_FRONTEND_PROPERTIES = Set.of("intent", "tag", "environment");

  private static final String[] DEPLOY_FRONTEND_NAMES = {"intent", "tag", "environment"};

  private static final Set<String> REQUEST_MORE_INFORMATION_PROPERTIES = Set.of("intent", "message");

  private static final String[] REQUEST_MORE_INFORMATION_NAMES = {"intent", "message"};

  private static final Set<String> DONE_FOR_NOW_PROPERTIES = Set.of("intent", "message");

  private static final String[] DONE_FOR_NOW_NAMES = {"intent", "message"};

  private static final String[] ANY_NAMES = {"intent", "tag", "environment", "message"};

  /**
   * The JSON Schema (Draft 2020-12, OpenAI strict) of each tool of {@link DeployBot}, by
   * intent, in the order the prompt lists them. Each carries its {@code intent}.
   */
  public static final Map<String, String> SCHEMAS = ToolJson.schemas(TOOLS);

  /**
   * The schema of {@link DeployBotNextStep}: an object whose {@code next_step} property is any of the
   * tools, usable as a strict response format. {@link #parse} reads it, too.
   */
  public static final String UNION_SCHEMA = ToolJson.union(SCHEMAS);

  private static final String STEPS_SCHEMA = ToolJson.steps(SCHEMAS);

  private static final String OPENAI_TOOLS = ToolJson.openAi(TOOLS);

  private static final String ANTHROPIC_TOOLS = ToolJson.anthropic(TOOLS);

  /**
   * This class as the runtime's {@link StepCodec}, for the loop, thread and stores.
   */
  public static final StepCodec<DeployBotNextStep> CODEC = new Codec();

  private DeployBotTools() {
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
   * Reads the model's output as a step of {@link DeployBot}.
   *
   * @param modelOutput the output: JSON, possibly inside prose or a fenced block
   * @return the step
   * @throws ParseException if it is not one valid step; the message is written for the model
   */
  public static DeployBotNextStep parse(String modelOutput) {
    return Parsing.value(modelOutput, DeployBotTools::fastStep, DeployBotTools::readStep);
  }

  /**
   * Like {@link #parse}, and tells which repairs and coercions the output needed.
   *
   * @param modelOutput the output: JSON, possibly inside prose or a fenced block
   * @return the step and its repairs
   * @throws ParseException if it is not one valid step
   */
  public static Parsed<DeployBotNextStep> parseWithRepairs(String modelOutput) {
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
  public static Parsed<DeployBotNextStep> parseWithRepairs(String modelOutput,
      UnknownProperties unknownProperties) {
    return Parsing.parse(modelOutput, DeployBotTools::fastStep, DeployBotTools::readStep, unknownProperties);
  }

  /**
   * Reads exactly one well-formed JSON step, with no search and no repairs of the text:
   * for JSON a program wrote.
   *
   * @param json one JSON object
   * @return the step
   * @throws ParseException if it is not strict JSON of one valid step
   */
  public static DeployBotNextStep parseStrict(String json) {
    return Parsing.parseStrict(json, DeployBotTools::fastStep, DeployBotTools::readStep);
  }

  /**
   * Reads a native tool call: {@code name} is the tool's intent, matched exactly, else
   * ignoring case and separators.
   *
   * @param name the tool's name as the model called it
   * @param argumentsJson the call's arguments
   * @return the step
   * @throws ParseException if the name is no tool of {@link DeployBot} or the arguments do not fit
   */
  public static DeployBotNextStep fromToolCall(String name, String argumentsJson) {
    return Parsing.arguments(argumentsJson, in -> fastCall(in, name), (d, value) -> readCall(d, name, value));
  }

  /**
   * Reads several steps of {@link DeployBot} from the model's output, for a turn that does
   * several things at once: a JSON array of steps, an object whose
   * {@code next_steps} holds them, or one step.
   *
   * @param modelOutput the output: JSON, possibly inside prose or a fenced block
   * @return the steps, at least one, in order
   * @throws ParseException if they are not valid steps; the message is written for the model
   */
  public static List<DeployBotNextStep> parseSteps(String modelOutput) {
    return Parsing.parse(modelOutput, null, (d, value) -> Unions.steps(d, value, ToolJson.STEPS_WRAPPER, DeployBotTools::readStep), UnknownProperties.IGNORE).value();
  }

  /**
   * Reads every native tool call of one answer, in order: all of them, or none.
   *
   * @param calls the calls, as the model made them
   * @return one step per call
   * @throws ParseException naming each call that is no tool of {@link DeployBot} or whose arguments do
   *     not fit
   */
  public static List<DeployBotNextStep> fromToolCalls(List<ToolCall> calls) {
    return ToolCall.readAll(calls, DeployBotTools::fromToolCall);
  }

  /**
   * The step as a JSON object with its {@code intent}.
   *
   * @param step the step
   * @return the JSON text
   */
  public static String toJson(DeployBotNextStep step) {
    return JsonWriter.write(out -> writeStep(out, step, true));
  }

  /**
   * The step's arguments as a JSON object, without {@code intent}: a tool call's arguments.
   *
   * @param step the step
   * @return the JSON text
   */
  public static String argumentsJson(DeployBotNextStep step) {
    return JsonWriter.write(out -> writeStep(out, step, false));
  }

  /**
   * The intent of a step, such as {@code list_git_tags}: its tool's name for providers.
   *
   * @param step the step
   * @return its intent
   */
  public static String intentOf(DeployBotNextStep step) {
    return switch (step) {
      case ListGitTags call -> "list_git_tags";
      case DeployBackend call -> "deploy_backend";
      case DeployFrontend call -> "deploy_frontend";
      case RequestMoreInformation call -> "request_more_information";
      case DoneForNow call -> "done_for_now";
    };
  }

  /**
   * Whether the step's tool is declared {@code @Tool(approval = true)}.
   *
   * @param step the step
   * @return whether a human approves each call first
   */
  public static boolean requiresApproval(DeployBotNextStep step) {
    return switch (step) {
      case ListGitTags call -> false;
      case DeployBackend call -> false;
      case DeployFrontend call -> false;
      case RequestMoreInformation call -> false;
      case DoneForNow call -> false;
    };
  }

  private static DeployBotNextStep readArguments(String intent, String argumentsJson) {
    int index = INTENTS.indexOf(intent);
    if (index < 0) {
      throw new ParseException("no tool \"" + intent + "\"; the tools are " + INTENTS);
    }
    return Parsing.parseStrict(argumentsJson, in -> fastMember(in, index, 0L), (d, value) -> readMember(d, index, value));
  }

  private static DeployBotNextStep fastStep(JsonReader in) {
    int index = in.leadingIndex("intent", NAMES);
    return index < 0 ? fastAny(in) : fastMember(in, index, 1L);
  }

  private static DeployBotNextStep fastAny(JsonReader in) {
    int intent = -1;
    String tag = null;
    Environment environment = null;
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
        case 1 -> tag = in.string();
        case 2 -> environment = fastEnvironment(in);
        case 3 -> message = in.string();
        default -> throw JsonReader.bail();
      }
    }
    return switch (intent) {
      case 0 -> (seen & ~1L) != 0 || (seen & 1L) != 1L ? JsonReader.giveUp() : new ListGitTags();
      case 1 -> (seen & ~7L) != 0 || (seen & 7L) != 7L ? JsonReader.giveUp() : new DeployBackend(tag, environment);
      case 2 -> (seen & ~7L) != 0 || (seen & 7L) != 7L ? JsonReader.giveUp() : new DeployFrontend(tag, environment);
      case 3 -> (seen & ~9L) != 0 || (seen & 9L) != 9L ? JsonReader.giveUp() : new RequestMoreInformation(message);
      case 4 -> (seen & ~9L) != 0 || (seen & 9L) != 9L ? JsonReader.giveUp() : new DoneForNow(message);
      default -> throw JsonReader.bail();
    };
  }

  private static DeployBotNextStep fastMember(JsonReader in, int index, long seen) {
    return switch (index) {
      case 0 -> fastListGitTags(in, seen);
      case 1 -> fastDeployBackend(in, seen);
      case 2 -> fastDeployFrontend(in, seen);
      case 3 -> fastRequestMoreInformation(in, seen);
      case 4 -> fastDoneForNow(in, seen);
      default -> throw JsonReader.bail();
    };
  }

  private static DeployBotNextStep fastCall(JsonReader in, String name) {
    return switch (name) {
      case "list_git_tags" -> fastListGitTags(in, 0L);
      case "deploy_backend" -> fastDeployBackend(in, 0L);
      case "deploy_frontend" -> fastDeployFrontend(in, 0L);
      case "request_more_information" -> fastRequestMoreInformation(in, 0L);
      case "done_for_now" -> fastDoneForNow(in, 0L);
      default -> throw JsonReader.bail();
    };
  }

  /**
   * Reads a step from the tree, for this class and for {@code DeployBotPrompts}, whose answers may
   * hold steps.
   */
  static DeployBotNextStep readStep(Decoder d, JsonValue value) {
    Unions.Tagged tagged = Unions.step(d, value, "next_step", "intent", SHAPES);
    return tagged == null ? null : readMember(d, tagged.index(), tagged.object());
  }

  private static DeployBotNextStep readCall(Decoder d, String name, JsonValue value) {
    int index = Unions.member(d, name, "intent", SHAPES);
    JsonObject object = index < 0 ? null : d.object(value);
    if (object == null) {
      return null;
    }
    Unions.agrees(d, object, "intent", SHAPES, index);
    return readMember(d, index, object);
  }

  private static DeployBotNextStep readMember(Decoder d, int index, JsonValue object) {
    return switch (index) {
      case 0 -> readListGitTags(d, object);
      case 1 -> readDeployBackend(d, object);
      case 2 -> readDeployFrontend(d, object);
      case 3 -> readRequestMoreInformation(d, object);
      case 4 -> readDoneForNow(d, object);
      default -> throw new IllegalStateException("no tool " + index);
    };
  }

  /**
   * Writes a step, with its intent when {@code withIntent}, for this class and for
   * {@code DeployBotPrompts}.
   */
  static void writeStep(JsonWriter out, DeployBotNextStep step, boolean withIntent) {
    out.beginObject();
    if (withIntent) {
      out.name("intent").value(intentOf(step));
    }
    switch (step) {
      case ListGitTags call -> writeListGitTagsFields(out, call);
      case DeployBackend call -> writeDeployBackendFields(out, call);
      case DeployFrontend call -> writeDeployFrontendFields(out, call);
      case RequestMoreInformation call -> writeRequestMoreInformationFields(out, call);
      case DoneForNow call -> writeDoneForNowFields(out, call);
    }
    out.endObject();
  }

  private static ListGitTags fastListGitTags(JsonReader in, long seen) {
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(LIST_GIT_TAGS_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("list_git_tags");
        default -> throw JsonReader.bail();
      }
    }
    return new ListGitTags();
  }

  private static ListGitTags readListGitTags(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    d.unknownProperties(object, LIST_GIT_TAGS_PROPERTIES);
    return new ListGitTags();
  }

  private static void writeListGitTagsFields(JsonWriter out, ListGitTags value) {
  }

  private static DeployBackend fastDeployBackend(JsonReader in, long seen) {
    String tag = null;
    Environment environment = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(DEPLOY_BACKEND_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("deploy_backend");
        case 1 -> tag = in.string();
        case 2 -> environment = fastEnvironment(in);
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 6L) != 6L) {
      throw JsonReader.bail();
    }
    return new DeployBackend(tag, environment);
  }

  private static DeployBackend readDeployBackend(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String tag = d.required(object, "tag", Scalars::string);
    Environment environment = d.required(object, "environment", DeployBotTools::readEnvironment);
    d.unknownProperties(object, DEPLOY_BACKEND_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new DeployBackend(tag, environment));
  }

  private static void writeDeployBackendFields(JsonWriter out, DeployBackend value) {
    out.name("tag").value(value.tag());
    out.name("environment").write(value.environment(), DeployBotTools::writeEnvironment);
  }

  private static Environment fastEnvironment(JsonReader in) {
    return ENVIRONMENT_VALUES[in.stringIndex(ENVIRONMENT_NAMES)];
  }

  private static Environment readEnvironment(Decoder d, JsonValue value) {
    return Scalars.enumValue(d, value, ENVIRONMENT_VALUES, ENVIRONMENT_NAMES);
  }

  private static void writeEnvironment(JsonWriter out, Environment value) {
    out.value(value == null ? null : ENVIRONMENT_NAMES[value.ordinal()]);
  }

  private static DeployFrontend fastDeployFrontend(JsonReader in, long seen) {
    String tag = null;
    Environment environment = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(DEPLOY_FRONTEND_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("deploy_frontend");
        case 1 -> tag = in.string();
        case 2 -> environment = fastEnvironment(in);
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 6L) != 6L) {
      throw JsonReader.bail();
    }
    return new DeployFrontend(tag, environment);
  }

  private static DeployFrontend readDeployFrontend(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String tag = d.required(object, "tag", Scalars::string);
    Environment environment = d.required(object, "environment", DeployBotTools::readEnvironment);
    d.unknownProperties(object, DEPLOY_FRONTEND_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new DeployFrontend(tag, environment));
  }

  private static void writeDeployFrontendFields(JsonWriter out, DeployFrontend value) {
    out.name("tag").value(value.tag());
    out.name("environment").write(value.environment(), DeployBotTools::writeEnvironment);
  }

  private static RequestMoreInformation fastRequestMoreInformation(JsonReader in, long seen) {
    String message = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(REQUEST_MORE_INFORMATION_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("request_more_information");
        case 1 -> message = in.string();
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new RequestMoreInformation(message);
  }

  private static RequestMoreInformation readRequestMoreInformation(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String message = d.required(object, "message", Scalars::string);
    d.unknownProperties(object, REQUEST_MORE_INFORMATION_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new RequestMoreInformation(message));
  }

  private static void writeRequestMoreInformationFields(JsonWriter out,
      RequestMoreInformation value) {
    out.name("message").value(value.message());
  }

  private static DoneForNow fastDoneForNow(JsonReader in, long seen) {
    String message = null;
    if (seen == 0) {
      in.beginObject();
    }
    while (in.hasMember()) {
      int index = in.name(DONE_FOR_NOW_NAMES);
      if (index < 0 || (seen & 1L << index) != 0) {
        throw JsonReader.bail();
      }
      seen |= 1L << index;
      switch (index) {
        case 0 -> in.expectString("done_for_now");
        case 1 -> message = in.string();
        default -> throw JsonReader.bail();
      }
    }
    if ((seen & 2L) != 2L) {
      throw JsonReader.bail();
    }
    return new DoneForNow(message);
  }

  private static DoneForNow readDoneForNow(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String message = d.required(object, "message", Scalars::string);
    d.unknownProperties(object, DONE_FOR_NOW_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new DoneForNow(message));
  }

  private static void writeDoneForNowFields(JsonWriter out, DoneForNow value) {
    out.name("message").value(value.message());
  }

  private static final class Codec implements StepCodec<DeployBotNextStep> {
    @Override
    public Class<DeployBotNextStep> stepType() {
      return DeployBotNextStep.class;
    }

    @Override
    public List<String> intents() {
      return INTENTS;
    }

    @Override
    public String intentOf(DeployBotNextStep step) {
      return DeployBotTools.intentOf(step);
    }

    @Override
    public String toJson(DeployBotNextStep step) {
      return DeployBotTools.toJson(step);
    }

    @Override
    public String argumentsJson(DeployBotNextStep step) {
      return DeployBotTools.argumentsJson(step);
    }

    @Override
    public void writeArguments(JsonWriter out, DeployBotNextStep step) {
      writeStep(out, step, false);
    }

    @Override
    public DeployBotNextStep parse(String modelOutput) {
      return DeployBotTools.parse(modelOutput);
    }

    @Override
    public DeployBotNextStep fromToolCall(String name, String argumentsJson) {
      return DeployBotTools.fromToolCall(name, argumentsJson);
    }

    @Override
    public DeployBotNextStep readArguments(String intent, String argumentsJson) {
      return DeployBotTools.readArguments(intent, argumentsJson);
    }

    @Override
    public boolean requiresApproval(DeployBotNextStep step) {
      return DeployBotTools.requiresApproval(step);
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
    public List<DeployBotNextStep> parseSteps(String modelOutput) {
      return DeployBotTools.parseSteps(modelOutput);
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
