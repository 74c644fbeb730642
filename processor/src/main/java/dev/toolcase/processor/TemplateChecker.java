package dev.toolcase.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks the variables of a {@code @Template} against the method's parameters and the built-in
 * names, so a typo fails the build instead of sending a prompt with a hole in it.
 */
final class TemplateChecker {

  /** Names every template may use. */
  static final Set<String> BUILT_INS = Set.of("thread", "output_format");
  static final Set<String> ROLES = Set.of("system", "user", "assistant");

  private TemplateChecker() {}

  /** The variables of a template, trimmed, in order; {@code null} marks an unclosed {@code {{}. */
  static List<String> variables(String template) {
    List<String> variables = new ArrayList<>();
    int from = 0;
    while (true) {
      int open = template.indexOf("{{", from);
      if (open < 0) {
        return variables;
      }
      int close = template.indexOf("}}", open + 2);
      if (close < 0) {
        variables.add(null);
        return variables;
      }
      variables.add(template.substring(open + 2, close).trim());
      from = close + 2;
    }
  }

  /** Reports every variable of {@code method}'s template that names nothing. */
  static void check(ExecutableElement method, AnnotationMirror template, Report report) {
    String text = Annotations.string(template, "value", "");
    AnnotationValue value = Annotations.value(template, "value").orElse(null);
    String methodName = ((TypeElement) method.getEnclosingElement()).getSimpleName() + "."
        + method.getSimpleName() + "()";
    Map<String, TypeMirror> parameters = new LinkedHashMap<>();
    for (VariableElement parameter : method.getParameters()) {
      parameters.put(parameter.getSimpleName().toString(), parameter.asType());
    }
    for (String variable : variables(text)) {
      if (variable == null) {
        report.error(method, template, value, Messages.unclosedVariable(methodName));
        continue;
      }
      if (variable.startsWith("role ") || variable.equals("role")) {
        String role = variable.substring(4).trim();
        if (!ROLES.contains(role)) {
          report.error(method, template, value, Messages.badRole(methodName, role));
        }
        continue;
      }
      String[] path = variable.split("\\.", -1);
      TypeMirror type = parameters.get(path[0]);
      if (variable.equals("thread") && parameters.values().stream().noneMatch(TemplateChecker::isThread)) {
        report.error(method, template, value, Messages.threadWithoutParameter(methodName));
        continue;
      }
      if (type == null) {
        if (!(BUILT_INS.contains(variable))) {
          List<String> known = new ArrayList<>(parameters.keySet());
          known.addAll(List.of("thread", "output_format", "role system|user|assistant"));
          report.error(method, template, value,
              Messages.unknownTemplateVariable(methodName, variable, known.toString()));
        }
        continue;
      }
      for (int i = 1; i < path.length; i++) {
        TypeMirror component = componentType(type, path[i]);
        if (component == null) {
          report.error(method, template, value, Messages.unknownTemplateComponent(
              methodName, variable, simpleName(type), path[i]));
          break;
        }
        type = component;
      }
    }
  }

  /** Whether a parameter of this type is the thread that {@code {{thread}}} renders. */
  static boolean isThread(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
            .contentEquals("dev.toolcase.AgentThread");
  }

  private static TypeMirror componentType(TypeMirror type, String name) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() != ElementKind.RECORD) {
      return null;
    }
    for (RecordComponentElement component : element.getRecordComponents()) {
      if (component.getSimpleName().contentEquals(name)) {
        return component.asType();
      }
    }
    return null;
  }

  private static String simpleName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((DeclaredType) type).asElement().getSimpleName().toString()
        : type.toString();
  }
}
