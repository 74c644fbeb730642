package dev.toolcase.codec;

import dev.toolcase.ParseException;
import java.util.List;
import java.util.Map;

/**
 * The generated codec of one union {@code S}, as the runtime sees it: {@code XTools.CODEC}, which
 * {@code Agent.builder} takes. Everything here is generated code, without reflection.
 *
 * @param <S> the union, {@code XNextStep}
 */
public interface StepCodec<S> {

  /**
   * The union type.
   *
   * @return the class of {@code S}
   */
  Class<S> stepType();

  /**
   * Every member's intent, in the order the {@code @Prompt} lists the tools.
   *
   * @return the intents
   */
  List<String> intents();

  /**
   * The intent of a step, such as {@code deploy_backend}: its tool's name for providers.
   *
   * @param step the step
   * @return its intent
   */
  String intentOf(S step);

  /**
   * The step as a JSON object with its {@code intent}.
   *
   * @param step the step
   * @return the JSON text
   */
  String toJson(S step);

  /**
   * The step's arguments as a JSON object, without {@code intent}: what a tool call carries.
   *
   * @param step the step
   * @return the JSON text
   */
  String argumentsJson(S step);

  /**
   * Writes the step's arguments, as {@link #argumentsJson} has them, into {@code out}.
   *
   * @param out where to
   * @param step the step
   */
  void writeArguments(JsonWriter out, S step);

  /**
   * Reads the model's output (JSON, possibly inside prose) as a step.
   *
   * @param modelOutput the output
   * @return the step
   * @throws ParseException if it is not one valid step
   */
  S parse(String modelOutput);

  /**
   * Reads several steps from a model's output: a JSON array of steps, the {@code next_steps}
   * object of {@link #stepsSchema}, or one step.
   *
   * @param modelOutput the output
   * @return the steps, at least one
   * @throws ParseException if they are not valid steps
   */
  List<S> parseSteps(String modelOutput);

  /**
   * Reads a native tool call, leniently, as a model sends it.
   *
   * @param name the tool's name, which is its intent (matched exactly, else loosely)
   * @param argumentsJson the arguments object
   * @return the step
   * @throws ParseException if the name is no member's intent or the arguments do not fit
   */
  S fromToolCall(String name, String argumentsJson);

  /**
   * Reads the arguments a program wrote with {@link #argumentsJson}, such as a stored event's:
   * strict JSON, the intent exactly.
   *
   * @param intent the step's intent
   * @param argumentsJson the arguments object
   * @return the step
   * @throws ParseException if the intent is unknown or the arguments are not strict JSON that fits
   */
  S readArguments(String intent, String argumentsJson);

  /**
   * Whether the step's tool is declared {@code @Tool(approval = true)}.
   *
   * @param step the step
   * @return whether a human approves each call first
   */
  boolean requiresApproval(S step);

  /**
   * Every member's pieces, in the order of {@link #intents}: its name, description, the
   * properties of its arguments and what it is to the agent ({@link StepKind}). What serves the
   * tools elsewhere (an MCP server) reads them here; {@link ToolJson#parameters} makes the
   * arguments' schema.
   *
   * @return the members
   */
  List<ToolJson.Tool> tools();

  /**
   * The JSON Schema of each member, with its {@code intent}, by intent.
   *
   * @return the schemas
   */
  Map<String, String> schemas();

  /**
   * The union schema, an object wrapping the {@code anyOf} of the members.
   *
   * @return the schema
   */
  String unionSchema();

  /**
   * The schema of several steps as a strict response format: {@code {"next_steps": [...]}}.
   *
   * @return the JSON Schema
   */
  String stepsSchema();

  /**
   * The tool definitions in OpenAI's {@code tools} shape, a JSON array.
   *
   * @return the definitions
   */
  String openAiTools();

  /**
   * The tool definitions in Anthropic's {@code tools} shape, a JSON array.
   *
   * @return the definitions
   */
  String anthropicTools();
}
