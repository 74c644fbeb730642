package dev.toolcase.processor;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A method of a {@code @Prompt} interface, validated.
 *
 * @param name the method name
 * @param template the {@code @Template} text
 * @param returnType the declared return type
 * @param result how the answer is obtained
 * @param structured the return type's model when {@code result} is {@code STRUCTURED}, else null
 * @param parameters the parameters, in order
 * @param variables the template's variables that name something, each once, without roles
 */
record PromptMethod(
    String name,
    String template,
    TypeName returnType,
    Result result,
    TypeModel structured,
    List<Parameter> parameters,
    List<String> variables) {

  /** How a method's answer is obtained from the model. */
  enum Result {
    /** The union: native tool calling, or JSON, parsed by the generated codec. */
    NEXT_STEP,
    /** A list of the union: a turn that may call several tools at once. */
    NEXT_STEPS,
    /** Free text. */
    TEXT,
    /** A record or enum, as JSON matching its schema; {@code type} of the method says which. */
    STRUCTURED,
    /** None: the method has an error, already reported; its generated body only throws. */
    BROKEN
  }

  /**
   * A parameter.
   *
   * @param name its name, usable as {@code {{name}}}
   * @param type its type
   * @param thread whether it is the {@code AgentThread} that {@code {{thread}}} renders
   */
  record Parameter(String name, TypeName type, boolean thread) {}
}
