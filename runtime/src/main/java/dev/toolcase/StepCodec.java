package dev.toolcase;

import java.util.List;

/**
 * The generated codec of one union {@code S}, as the runtime sees it: {@code XTools.CODEC}.
 * Everything here is generated code, without reflection.
 *
 * @param <S> the union, {@code XNextStep}
 */
public interface StepCodec<S> {

  /** The union type. */
  Class<S> stepType();

  /** Every member's intent, in the order the {@code @Prompt} lists the tools. */
  List<String> intents();

  /** The intent of a step, such as {@code deploy_backend}. */
  String intentOf(S step);

  /** The step as a JSON object with its {@code intent}. */
  String toJson(S step);

  /** The step's arguments as a JSON object, without {@code intent}: what a tool call carries. */
  String argumentsJson(S step);

  /**
   * Reads the model's output (JSON, possibly inside prose) as a step.
   *
   * @throws ParseException if it is not one valid step
   */
  S parse(String modelOutput);

  /**
   * Reads a native tool call.
   *
   * @param name the tool's name, which is its intent
   * @param argumentsJson the arguments object
   * @throws ParseException if the name is no member's intent or the arguments do not fit
   */
  S fromToolCall(String name, String argumentsJson);

  /** Whether the step's tool is declared {@code @Tool(approval = true)}. */
  boolean requiresApproval(S step);

  /** The JSON Schema of each member's arguments, by intent. */
  java.util.Map<String, String> schemas();

  /** The union schema, an object wrapping the {@code anyOf} of the members. */
  String unionSchema();

  /** The tool definitions in OpenAI's {@code tools} shape, a JSON array. */
  String openAiTools();

  /** The tool definitions in Anthropic's {@code tools} shape, a JSON array. */
  String anthropicTools();
}
