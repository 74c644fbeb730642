package dev.toolcase.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads Toolcase's annotations by name, so the processor never links against the runtime.
 */
final class Annotations {

  static final String TOOL = "dev.toolcase.Tool";
  static final String PARAM = "dev.toolcase.Param";
  static final String PROMPT = "dev.toolcase.Prompt";
  static final String TEMPLATE = "dev.toolcase.Template";
  static final String GENERATED = "javax.annotation.processing.Generated";

  private Annotations() {}

  /** The annotation of type {@code name} on {@code element}, if present. */
  static Optional<AnnotationMirror> find(Element element, String name) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(name)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The explicitly written value of {@code attribute}, if any. */
  static Optional<AnnotationValue> value(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** The string value of {@code attribute}, or {@code fallback} when it is not written. */
  static String string(AnnotationMirror mirror, String attribute, String fallback) {
    return value(mirror, attribute).map(v -> (String) v.getValue()).orElse(fallback);
  }

  /** The boolean value of {@code attribute}, or {@code false} when it is not written. */
  static boolean bool(AnnotationMirror mirror, String attribute) {
    return value(mirror, attribute).map(v -> (Boolean) v.getValue()).orElse(false);
  }

  /** The elements of an array-valued attribute, empty when it is not written. */
  static List<? extends AnnotationValue> array(AnnotationMirror mirror, String attribute) {
    return value(mirror, attribute)
        .map(v -> {
          @SuppressWarnings("unchecked") // an array attribute's value is a list of values
          List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) v.getValue();
          return values;
        })
        .orElse(List.of());
  }

  /** The {@code @Param} text of a record component or enum constant, or empty. */
  static String paramText(Element element) {
    return find(element, PARAM).map(m -> string(m, "value", "")).orElse("");
  }
}
