package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A {@code @Prompt} interface, validated: what the generators need and nothing else.
 *
 * @param type the interface
 * @param tools the tools, in the order the annotation lists them
 * @param methods the abstract methods, which {@code XPrompts} implements
 * @param memberTypes the simple names of the member types the interface declares or inherits,
 *     which are in scope in {@code XPrompts} and so must never be taken for imported names
 */
record PromptModel(ClassName type, List<ToolModel> tools, List<PromptMethod> methods,
    List<String> memberTypes) {

  /** {@code XNextStep}. */
  ClassName union() {
    return ClassName.get(type.packageName(), type.simpleName() + "NextStep");
  }

  /** {@code XTools}. */
  ClassName toolsClass() {
    return ClassName.get(type.packageName(), type.simpleName() + "Tools");
  }

  /** {@code XPrompts}. */
  ClassName prompts() {
    return ClassName.get(type.packageName(), type.simpleName() + "Prompts");
  }

  /** {@code XHandler}. */
  ClassName handler() {
    return ClassName.get(type.packageName(), type.simpleName() + "Handler");
  }
}
