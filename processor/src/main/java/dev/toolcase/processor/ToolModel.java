package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A {@code @Tool} record, validated.
 *
 * @param type the record
 * @param intent the name the model uses for it
 * @param description the {@code @Tool} text
 * @param approval whether each call waits for a human's approval
 * @param components the arguments
 */
record ToolModel(
    ClassName type,
    String intent,
    String description,
    boolean approval,
    Kind kind,
    List<TypeModel.Component> components) {

  /** The runtime's {@code StepKind}, by constant name. */
  enum Kind { TOOL, TOOL_WITH_APPROVAL, HUMAN_CONTACT, FINAL_ANSWER }

  /** The same tool under another intent. */
  ToolModel withIntent(String newIntent) {
    return new ToolModel(type, newIntent, description, approval, kind, components);
  }

  /** The record as a type model, for the shared record reader and writer. */
  TypeModel.RecordType asRecord() {
    return new TypeModel.RecordType(type, components);
  }
}
