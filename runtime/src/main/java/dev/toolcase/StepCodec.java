package dev.toolcase;

import java.util.List;

/**
 * The generated codec of one union {@code S}, as the runtime sees it: {@code XTools.CODEC}.
 * Everything here is generated code, without reflection.
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
   * The intent of a step, such as {@code deploy_backend}.
   *
   * @param step a step of the union
   * @return the step's intent
   */
  String intentOf(S step);

  /**
   * The step as a JSON object with its {@code intent}.
   *
   * @param step a step of the union
   * @return the JSON object
   */
  String toJson(S step);

  /**
   * The step's arguments as a JSON object, without {@code intent}: what a tool call carries.
   *
   * @param step a step of the union
   * @return the arguments object
   */
  String argumentsJson(S step);

  /**
   * Reads the model's output (JSON, possibly inside prose) as a step.
   *
   * @param modelOutput the model's output
   * @return the step
   * @throws ParseException if it is not one valid step
   */
  S parse(String modelOutput);

  /**
   * Reads a native tool call.
   *
   * @param name the tool's name, which is its intent
   * @param argumentsJson the arguments object
   * @return the step
   * @throws ParseException if the name is no member's intent or the arguments do not fit
   */
  S fromToolCall(String name, String argumentsJson);

  /**
   * Whether the step's tool is declared {@code @Tool(approval = true)}.
   *
   * @param step a step of the union
   * @return whether the step waits for approval
   */
  boolean requiresApproval(S step);

  /**
   * The JSON Schema of each member's arguments, by intent.
   *
   * @return the schemas, by intent
   */
  java.util.Map<String, String> schemas();

  /**
   * The union schema, an object wrapping the {@code anyOf} of the members.
   *
   * @return the union schema
   */
  String unionSchema();

  /**
   * The tool definitions in OpenAI's {@code tools} shape, a JSON array.
   *
   * @return the OpenAI tools array
   */
  String openAiTools();

  /**
   * The tool definitions in Anthropic's {@code tools} shape, a JSON array.
   *
   * @return the Anthropic tools array
   */
  String anthropicTools();
}
