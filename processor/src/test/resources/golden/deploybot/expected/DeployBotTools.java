package dev.toolcase.example.deploy;

import dev.toolcase.ParseException;
import dev.toolcase.StepCodec;
import dev.toolcase.json.Decoder;
import dev.toolcase.json.JsonOutput;
import dev.toolcase.json.Parsing;
import dev.toolcase.json.UnknownProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Generated;
import tools.jackson.databind.JsonNode;

/**
 * Schemas, tool definitions and the JSON codec of {@link DeployBot}, generated without
 * reflection from its tools.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public final class DeployBotTools {
  private static final String LIST_GIT_TAGS_SCHEMA = "{\"type\":\"object\",\"description\":\"List the git tags of the repository, newest first\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"list_git_tags\"}},\"required\":[\"intent\"],\"additionalProperties\":false}";

  private static final String DEPLOY_BACKEND_SCHEMA = "{\"type\":\"object\",\"description\":\"Deploy a backend tag to an environment\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"deploy_backend\"},\"tag\":{\"description\":\"git tag to deploy, e.g. v1.2.3\",\"type\":\"string\"},\"environment\":{\"description\":\"staging: where changes are tried first; production: the live site; deploys here need a human's approval\",\"type\":\"string\",\"enum\":[\"staging\",\"production\"]}},\"required\":[\"intent\",\"tag\",\"environment\"],\"additionalProperties\":false}";

  private static final String DEPLOY_FRONTEND_SCHEMA = "{\"type\":\"object\",\"description\":\"Deploy a frontend tag to an environment\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"deploy_frontend\"},\"tag\":{\"description\":\"git tag to deploy, e.g. v1.2.3\",\"type\":\"string\"},\"environment\":{\"description\":\"staging: where changes are tried first; production: the live site; deploys here need a human's approval\",\"type\":\"string\",\"enum\":[\"staging\",\"production\"]}},\"required\":[\"intent\",\"tag\",\"environment\"],\"additionalProperties\":false}";

  private static final String REQUEST_MORE_INFORMATION_SCHEMA = "{\"type\":\"object\",\"description\":\"Ask a human for information; the thread pauses until they answer\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"request_more_information\"},\"message\":{\"type\":\"string\"}},\"required\":[\"intent\",\"message\"],\"additionalProperties\":false}";

  private static final String DONE_FOR_NOW_SCHEMA = "{\"type\":\"object\",\"description\":\"Finish and tell the human the result\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"done_for_now\"},\"message\":{\"type\":\"string\"}},\"required\":[\"intent\",\"message\"],\"additionalProperties\":false}";

  private static final List<String> INTENTS = List.of("list_git_tags", "deploy_backend", "deploy_frontend", "request_more_information", "done_for_now");

  private static final List<Decoder.Shape> SHAPES = List.of(
    new Decoder.Shape("list_git_tags", List.of(), List.of()),
    new Decoder.Shape("deploy_backend", List.of("tag", "environment"), List.of("tag", "environment")),
    new Decoder.Shape("deploy_frontend", List.of("tag", "environment"), List.of("tag", "environment")),
    new Decoder.Shape("request_more_information", List.of("message"), List.of("message")),
    new Decoder.Shape("done_for_now", List.of("message"), List.of("message")));

  private static final Set<String> LIST_GIT_TAGS_PROPERTIES = Set.of("intent");

  private static final Set<String> DEPLOY_BACKEND_PROPERTIES = Set.of("intent", "tag", "environment");

  private static final Set<String> DEPLOY_FRONTEND_PROPERTIES = Set.of("intent", "tag", "environment");

  private static final Set<String> REQUEST_MORE_INFORMATION_PROPERTIES = Set.of("intent", "message");

  private static final Set<String> DONE_FOR_NOW_PROPERTIES = Set.of("intent", "message");

  private static final String OPENAI_TOOLS = "[{\"type\":\"function\",\"function\":{\"name\":\"list_git_tags\",\"description\":\"List the git tags of the repository, newest first\",\"parameters\":{\"type\":\"object\",\"description\":\"List the git tags of the repository, newest first\",\"properties\":{},\"required\":[],\"additionalProperties\":false},\"strict\":true}},{\"type\":\"function\",\"function\":{\"name\":\"deploy_backend\",\"description\":\"Deploy a backend tag to an environment\",\"parameters\":{\"type\":\"object\",\"description\":\"Deploy a backend tag to an environment\",\"properties\":{\"tag\":{\"description\":\"git tag to deploy, e.g. v1.2.3\",\"type\":\"string\"},\"environment\":{\"description\":\"staging: where changes are tried first; production: the live site; deploys here need a human's approval\",\"type\":\"string\",\"enum\":[\"staging\",\"production\"]}},\"required\":[\"tag\",\"environment\"],\"additionalProperties\":false},\"strict\":true}},{\"type\":\"function\",\"function\":{\"name\":\"deploy_frontend\",\"description\":\"Deploy a frontend tag to an environment\",\"parameters\":{\"type\":\"object\",\"description\":\"Deploy a frontend tag to an environment\",\"properties\":{\"tag\":{\"description\":\"git tag to deploy, e.g. v1.2.3\",\"type\":\"string\"},\"environment\":{\"description\":\"staging: where changes are tried first; production: the live site; deploys here need a human's approval\",\"type\":\"string\",\"enum\":[\"staging\",\"production\"]}},\"required\":[\"tag\",\"environment\"],\"additionalProperties\":false},\"strict\":true}},{\"type\":\"function\",\"function\":{\"name\":\"request_more_information\",\"description\":\"Ask a human for information; the thread pauses until they answer\",\"parameters\":{\"type\":\"object\",\"description\":\"Ask a human for information; the thread pauses until they answer\",\"properties\":{\"message\":{\"type\":\"string\"}},\"required\":[\"message\"],\"additionalProperties\":false},\"strict\":true}},{\"type\":\"function\",\"function\":{\"name\":\"done_for_now\",\"description\":\"Finish and tell the human the result\",\"parameters\":{\"type\":\"object\",\"description\":\"Finish and tell the human the result\",\"properties\":{\"message\":{\"type\":\"string\"}},\"required\":[\"message\"],\"additionalProperties\":false},\"strict\":true}}]";

  private static final String ANTHROPIC_TOOLS = "[{\"name\":\"list_git_tags\",\"description\":\"List the git tags of the repository, newest first\",\"input_schema\":{\"type\":\"object\",\"description\":\"List the git tags of the repository, newest first\",\"properties\":{},\"required\":[],\"additionalProperties\":false}},{\"name\":\"deploy_backend\",\"description\":\"Deploy a backend tag to an environment\",\"input_schema\":{\"type\":\"object\",\"description\":\"Deploy a backend tag to an environment\",\"properties\":{\"tag\":{\"description\":\"git tag to deploy, e.g. v1.2.3\",\"type\":\"string\"},\"environment\":{\"description\":\"staging: where changes are tried first; production: the live site; deploys here need a human's approval\",\"type\":\"string\",\"enum\":[\"staging\",\"production\"]}},\"required\":[\"tag\",\"environment\"],\"additionalProperties\":false}},{\"name\":\"deploy_frontend\",\"description\":\"Deploy a frontend tag to an environment\",\"input_schema\":{\"type\":\"object\",\"description\":\"Deploy a frontend tag to an environment\",\"properties\":{\"tag\":{\"description\":\"git tag to deploy, e.g. v1.2.3\",\"type\":\"string\"},\"environment\":{\"description\":\"staging: where changes are tried first; production: the live site; deploys here need a human's approval\",\"type\":\"string\",\"enum\":[\"staging\",\"production\"]}},\"required\":[\"tag\",\"environment\"],\"additionalProperties\":false}},{\"name\":\"request_more_information\",\"description\":\"Ask a human for information; the thread pauses until they answer\",\"input_schema\":{\"type\":\"object\",\"description\":\"Ask a human for information; the thread pauses until they answer\",\"properties\":{\"message\":{\"type\":\"string\"}},\"required\":[\"message\"],\"additionalProperties\":false}},{\"name\":\"done_for_now\",\"description\":\"Finish and tell the human the result\",\"input_schema\":{\"type\":\"object\",\"description\":\"Finish and tell the human the result\",\"properties\":{\"message\":{\"type\":\"string\"}},\"required\":[\"message\"],\"additionalProperties\":false}}]";

  /**
   * The JSON Schema (Draft 2020-12, OpenAI strict) of each tool of {@link DeployBot}, by
   * intent, in the order the prompt lists them. Each carries its {@code intent}.
   */
  public static final Map<String, String> SCHEMAS = schemas();

  /**
   * The schema of {@link DeployBotNextStep}: an object whose {@code next_step} property is any of the
   * tools, usable as a strict response format. {@link #parse} reads it, too.
   */
  public static final String UNION_SCHEMA = "{\"type\":\"object\",\"properties\":{\"next_step\":{\"anyOf\":[{\"type\":\"object\",\"description\":\"List the git tags of the repository, newest first\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"list_git_tags\"}},\"required\":[\"intent\"],\"additionalProperties\":false},{\"type\":\"object\",\"description\":\"Deploy a backend tag to an environment\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"deploy_backend\"},\"tag\":{\"description\":\"git tag to deploy, e.g. v1.2.3\",\"type\":\"string\"},\"environment\":{\"description\":\"staging: where changes are tried first; production: the live site; deploys here need a human's approval\",\"type\":\"string\",\"enum\":[\"staging\",\"production\"]}},\"required\":[\"intent\",\"tag\",\"environment\"],\"additionalProperties\":false},{\"type\":\"object\",\"description\":\"Deploy a frontend tag to an environment\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"deploy_frontend\"},\"tag\":{\"description\":\"git tag to deploy, e.g. v1.2.3\",\"type\":\"string\"},\"environment\":{\"description\":\"staging: where changes are tried first; production: the live site; deploys here need a human's approval\",\"type\":\"string\",\"enum\":[\"staging\",\"production\"]}},\"required\":[\"intent\",\"tag\",\"environment\"],\"additionalProperties\":false},{\"type\":\"object\",\"description\":\"Ask a human for information; the thread pauses until they answer\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"request_more_information\"},\"message\":{\"type\":\"string\"}},\"required\":[\"intent\",\"message\"],\"additionalProperties\":false},{\"type\":\"object\",\"description\":\"Finish and tell the human the result\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"done_for_now\"},\"message\":{\"type\":\"string\"}},\"required\":[\"intent\",\"message\"],\"additionalProperties\":false}]}},\"required\":[\"next_step\"],\"additionalProperties\":false}";

  /**
   * This class as the runtime's {@link StepCodec}, for the loop, thread and stores.
   */
  public static final StepCodec<DeployBotNextStep> CODEC = new Codec();

  private DeployBotTools() {
  }

  private static Map<String, String> schemas() {
    Map<String, String> schemas = new LinkedHashMap<>();
    schemas.put("list_git_tags", LIST_GIT_TAGS_SCHEMA);
    schemas.put("deploy_backend", DEPLOY_BACKEND_SCHEMA);
    schemas.put("deploy_frontend", DEPLOY_FRONTEND_SCHEMA);
    schemas.put("request_more_information", REQUEST_MORE_INFORMATION_SCHEMA);
    schemas.put("done_for_now", DONE_FOR_NOW_SCHEMA);
    return Collections.unmodifiableMap(schemas);
  }

  /**
   * The tools as OpenAI chat-completions {@code tools}: a JSON array of functions named
   * by intent, with {@code strict: true}.
   */
  public static String openAiTools() {
    return OPENAI_TOOLS;
  }

  /**
   * The tools as Anthropic messages {@code tools}: a JSON array of
   * {@code {name, description, input_schema}}.
   */
  public static String anthropicTools() {
    return ANTHROPIC_TOOLS;
  }

  /**
   * Reads the model's output as a step of {@link DeployBot}.
   *
   * @throws ParseException if it is not one valid step; the message is written for the model
   */
  public static DeployBotNextStep parse(String modelOutput) {
    return parseWithRepairs(modelOutput).value();
  }

  /**
   * Like {@link #parse}, and tells which repairs and coercions the output needed.
   */
  public static Parsing.Parsed<DeployBotNextStep> parseWithRepairs(String modelOutput) {
    return Parsing.parse(modelOutput, DeployBotTools::readStep);
  }

  /**
   * Like {@link #parseWithRepairs(String)}; with {@link UnknownProperties#REJECT}, properties that no
   * component names are problems instead of repairs.
   */
  public static Parsing.Parsed<DeployBotNextStep> parseWithRepairs(String modelOutput,
      UnknownProperties unknownProperties) {
    return Parsing.parse(modelOutput, DeployBotTools::readStep, unknownProperties);
  }

  /**
   * Reads exactly one well-formed JSON step, with no search and no repairs of the text:
   * for JSON a program wrote.
   *
   * @throws ParseException if it is not strict JSON of one valid step
   */
  public static DeployBotNextStep parseStrict(String json) {
    return Parsing.parseStrict(json, DeployBotTools::readStep);
  }

  /**
   * Reads a native tool call: {@code name} is the tool's intent.
   *
   * @throws ParseException if the name is no tool of {@link DeployBot} or the arguments do not fit
   */
  public static DeployBotNextStep fromToolCall(String name, String argumentsJson) {
    String intent = Decoder.tagOf(name);
    return Parsing.parseArguments(argumentsJson, (d, node) -> readMember(d, intent, node)).value();
  }

  /**
   * The step as a JSON object with its {@code intent}.
   */
  public static String toJson(DeployBotNextStep step) {
    return JsonOutput.write(out -> writeStep(out, step, true));
  }

  /**
   * The step's arguments as a JSON object, without {@code intent}: a tool call's arguments.
   */
  public static String argumentsJson(DeployBotNextStep step) {
    return JsonOutput.write(out -> writeStep(out, step, false));
  }

  /**
   * The intent of a step, such as {@code list_git_tags}.
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

  private static DeployBotNextStep readStep(Decoder d, JsonNode node) {
    Decoder.Tagged tagged = d.tagged(d.stepObject(node, "next_step", "intent"), "intent", SHAPES);
    return tagged == null ? null : readMember(d, tagged.tag(), tagged.object());
  }

  private static DeployBotNextStep readMember(Decoder d, String intent, JsonNode node) {
    return switch (intent) {
      case "list_git_tags" -> readListGitTags(d, node);
      case "deploy_backend" -> readDeployBackend(d, node);
      case "deploy_frontend" -> readDeployFrontend(d, node);
      case "request_more_information" -> readRequestMoreInformation(d, node);
      case "done_for_now" -> readDoneForNow(d, node);
      default -> d.unknownMember("intent", intent, INTENTS);
    };
  }

  private static void writeStep(JsonOutput out, DeployBotNextStep step, boolean withIntent) {
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

  private static ListGitTags readListGitTags(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    d.unknownProperties(object, LIST_GIT_TAGS_PROPERTIES);
    return new ListGitTags();
  }

  private static void writeListGitTagsFields(JsonOutput out, ListGitTags value) {
  }

  private static DeployBackend readDeployBackend(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String tag = d.required(object, "tag", Decoder::string);
    Environment environment = d.required(object, "environment", DeployBotTools::readEnvironment);
    d.unknownProperties(object, DEPLOY_BACKEND_PROPERTIES);
    return d.failedSince(mark) ? null : new DeployBackend(tag, environment);
  }

  private static void writeDeployBackendFields(JsonOutput out, DeployBackend value) {
    out.name("tag").value(value.tag());
    out.name("environment").value(value.environment());
  }

  private static Environment readEnvironment(Decoder d, JsonNode node) {
    return d.enumValue(node, Environment.values());
  }

  private static DeployFrontend readDeployFrontend(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String tag = d.required(object, "tag", Decoder::string);
    Environment environment = d.required(object, "environment", DeployBotTools::readEnvironment);
    d.unknownProperties(object, DEPLOY_FRONTEND_PROPERTIES);
    return d.failedSince(mark) ? null : new DeployFrontend(tag, environment);
  }

  private static void writeDeployFrontendFields(JsonOutput out, DeployFrontend value) {
    out.name("tag").value(value.tag());
    out.name("environment").value(value.environment());
  }

  private static RequestMoreInformation readRequestMoreInformation(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String message = d.required(object, "message", Decoder::string);
    d.unknownProperties(object, REQUEST_MORE_INFORMATION_PROPERTIES);
    return d.failedSince(mark) ? null : new RequestMoreInformation(message);
  }

  private static void writeRequestMoreInformationFields(JsonOutput out,
      RequestMoreInformation value) {
    out.name("message").value(value.message());
  }

  private static DoneForNow readDoneForNow(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String message = d.required(object, "message", Decoder::string);
    d.unknownProperties(object, DONE_FOR_NOW_PROPERTIES);
    return d.failedSince(mark) ? null : new DoneForNow(message);
  }

  private static void writeDoneForNowFields(JsonOutput out, DoneForNow value) {
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
    public DeployBotNextStep parse(String modelOutput) {
      return DeployBotTools.parse(modelOutput);
    }

    @Override
    public DeployBotNextStep fromToolCall(String name, String argumentsJson) {
      return DeployBotTools.fromToolCall(name, argumentsJson);
    }

    @Override
    public boolean requiresApproval(DeployBotNextStep step) {
      return DeployBotTools.requiresApproval(step);
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
    public String openAiTools() {
      return OPENAI_TOOLS;
    }

    @Override
    public String anthropicTools() {
      return ANTHROPIC_TOOLS;
    }
  }
}
