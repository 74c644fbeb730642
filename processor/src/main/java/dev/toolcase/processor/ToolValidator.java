package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import dev.toolcase.processor.TypeModel.Component;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/**
 * Validates each {@code @Tool} record once, whichever prompts list it, and keeps the result: a
 * tool in two unions is reported once, and a tool no prompt lists is still checked. A tool with
 * errors still has a model (its broken components {@link TypeModel.Unsupported}), so the union it
 * belongs to is generated and one error does not bring a cascade of missing symbols.
 */
final class ToolValidator {

  /** A validated tool: its model, and whether it has errors. */
  record Result(ToolModel model, boolean clean) {}

  private final Types types;
  private final Messager messager;
  private final Map<String, Result> validated = new HashMap<>();

  ToolValidator(Types types, Messager messager) {
    this.types = types;
    this.messager = messager;
  }

  /**
   * The tool {@code record}, validated the first time it is asked for, with its diagnostics
   * printed then.
   *
   * @throws TypeReader.MissingType when a type it refers to does not exist yet (nothing is
   *     printed or kept, so it is validated again in the next round)
   */
  Result validate(TypeElement record, boolean lastRound) throws TypeReader.MissingType {
    String name = record.getQualifiedName().toString();
    Result known = validated.get(name);
    if (known != null) {
      return known;
    }
    Report report = new Report();
    ToolModel model = model(record, report, lastRound);
    report.printTo(messager);
    Result result = new Result(model, report.isClean());
    validated.put(name, result);
    return result;
  }

  /** Whether {@code type} is or extends the interface named {@code name}, by name. */
  private boolean implementing(javax.lang.model.type.TypeMirror type, String name) {
    for (javax.lang.model.type.TypeMirror supertype : types.directSupertypes(type)) {
      if (supertype instanceof javax.lang.model.type.DeclaredType declared
          && declared.asElement() instanceof TypeElement element
          && (element.getQualifiedName().contentEquals(name) || implementing(supertype, name))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code record} was validated, and with errors. */
  boolean failed(TypeElement record) {
    Result result = validated.get(record.getQualifiedName().toString());
    return result != null && !result.clean();
  }

  private ToolModel model(TypeElement record, Report report, boolean lastRound)
      throws TypeReader.MissingType {
    String simpleName = record.getSimpleName().toString();
    Optional<AnnotationMirror> annotation = Annotations.find(record, Annotations.TOOL);
    String declared = annotation.map(a -> Annotations.string(a, "name", "")).orElse("");
    String intent = declared.isEmpty() ? Naming.intentOf(simpleName) : declared;
    String provided = Naming.providerName(intent);
    if (provided == null) {
      annotation.ifPresentOrElse(
          a -> report.add(record, a, Annotations.value(a, "name").orElse(null),
              Message.INVALID_INTENT, intent, simpleName, Naming.suggestedName(intent)),
          () -> report.add(record, Message.INVALID_INTENT, intent, simpleName,
              Naming.suggestedName(intent)));
      provided = Naming.suggestedName(intent);
    } else if (!provided.equals(intent)) {
      AnnotationMirror mirror = annotation.orElseThrow(); // a derived name has no dots
      report.add(record, mirror, Annotations.value(mirror, "name").orElse(null),
          Message.INTENT_MAPPED, intent, simpleName, provided, simpleName);
    }
    List<Component> components = new TypeReader(types, report).inLastRound(lastRound)
        .components(record);
    for (Component component : components) {
      if (Naming.loose(component.jsonName()).equals(Naming.INTENT)) {
        report.add(element(record, component), Message.RESERVED_NAME, simpleName,
            component.jsonName());
      }
    }
    boolean approval = annotation.map(a -> Annotations.bool(a, "approval")).orElse(false);
    ToolModel.Kind kind = implementing(record.asType(), "dev.toolcase.FinalAnswer")
        ? ToolModel.Kind.FINAL_ANSWER
        : implementing(record.asType(), "dev.toolcase.HumanContact")
            ? ToolModel.Kind.HUMAN_CONTACT
            : approval ? ToolModel.Kind.TOOL_WITH_APPROVAL : ToolModel.Kind.TOOL;
    ToolModel model = new ToolModel(ClassName.get(record), provided,
        annotation.map(a -> Annotations.string(a, "value", "")).orElse(""), approval, kind,
        components);
    SchemaLimits.Measure measure = SchemaLimits.measure(SchemaWriter.tool(model, true));
    for (SchemaLimits.Breach breach : SchemaLimits.breaches(measure)) {
      annotation.ifPresentOrElse(
          a -> report.add(record, a, null, breach.message(), breach.arguments(simpleName)),
          () -> report.add(record, breach.message(), breach.arguments(simpleName)));
    }
    return model;
  }

  /** The record component of {@code component}, to report on. */
  static Element element(TypeElement record, Component component) {
    for (Element element : record.getRecordComponents()) {
      if (element.getSimpleName().contentEquals(component.name())) {
        return element;
      }
    }
    return record;
  }

  /** Reports a {@code @Tool} on something other than a record. */
  static void checkKind(Element element, Messager messager) {
    if (element.getKind() != ElementKind.RECORD) {
      Report report = new Report();
      AnnotationMirror annotation = Annotations.find(element, Annotations.TOOL).orElseThrow();
      report.add(element, annotation, null, Message.TOOL_NOT_RECORD, element.getSimpleName(),
          PromptValidator.kindOf(element), element.getSimpleName());
      report.printTo(messager);
    }
  }
}
