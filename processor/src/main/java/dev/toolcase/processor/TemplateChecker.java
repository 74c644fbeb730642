package dev.toolcase.processor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
  static final List<String> BUILT_INS = List.of("thread", "output_format");
  /** The roles {@code {{role ...}}} may name. Lists, so messages name them in a fixed order. */
  static final List<String> ROLES = List.of("system", "user", "assistant");

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

  /**
   * Reports every variable of {@code method}'s template that names nothing, each once, with the
   * closest name it may have meant; and warns of each parameter the template never uses.
   *
   * @return the variables that name something, each once, in order, without roles: what the
   *     generated code expands
   */
  static List<String> check(ExecutableElement method, AnnotationMirror template, Report report) {
    String text = Annotations.string(template, "value", "");
    AnnotationValue value = Annotations.value(template, "value").orElse(null);
    String methodName = ((TypeElement) method.getEnclosingElement()).getSimpleName() + "."
        + method.getSimpleName() + "()";
    Map<String, VariableElement> parameters = new LinkedHashMap<>();
    for (VariableElement parameter : method.getParameters()) {
      parameters.put(parameter.getSimpleName().toString(), parameter);
    }
    Set<String> used = new HashSet<>();
    Set<String> reported = new HashSet<>();
    List<String> valid = new ArrayList<>();
    for (String variable : variables(text)) {
      if (variable == null) {
        report.add(method, template, value, Message.UNCLOSED_VARIABLE, methodName);
        continue;
      }
      if (!reported.add(variable)) {
        continue;
      }
      if (variable.startsWith("role ") || variable.equals("role")) {
        String role = variable.substring(4).trim();
        if (!ROLES.contains(role)) {
          report.add(method, template, value, Message.UNKNOWN_ROLE, methodName, role,
              didYouMean(role, ROLES, "role "));
        }
        continue;
      }
      String[] path = variable.split("\\.", -1);
      VariableElement parameter = parameters.get(path[0]);
      if (variable.equals("thread") && parameter == null) {
        VariableElement thread = parameters.values().stream()
            .filter(p -> isThread(p.asType())).findFirst().orElse(null);
        if (thread == null) {
          report.add(method, template, value, Message.THREAD_WITHOUT_PARAMETER, methodName,
              methodName);
        } else {
          used.add(thread.getSimpleName().toString());
          valid.add(variable);
        }
        continue;
      }
      if (parameter == null) {
        if (!BUILT_INS.contains(variable)) {
          Set<String> known = new LinkedHashSet<>(parameters.keySet());
          known.addAll(BUILT_INS);
          List<String> listed = new ArrayList<>(known);
          listed.add("role system|user|assistant");
          report.add(method, template, value, Message.UNKNOWN_TEMPLATE_VARIABLE, methodName,
              variable, didYouMean(path[0], known, ""), String.join(", ", listed));
        } else {
          valid.add(variable);
        }
        continue;
      }
      used.add(path[0]);
      TypeMirror type = parameter.asType();
      boolean found = true;
      for (int i = 1; i < path.length && found; i++) {
        TypeMirror component = componentType(type, path[i]);
        if (component == null) {
          report.add(method, template, value, Message.UNKNOWN_TEMPLATE_COMPONENT, methodName,
              variable, simpleName(type), path[i], didYouMean(path[i], componentNames(type), ""));
          found = false;
        } else {
          type = component;
        }
      }
      if (found) {
        valid.add(variable);
      }
    }
    for (VariableElement parameter : parameters.values()) {
      String name = parameter.getSimpleName().toString();
      if (!used.contains(name)) {
        report.add(parameter, Message.UNUSED_PARAMETER, methodName, name,
            isThread(parameter.asType()) ? "thread" : name);
      }
    }
    return valid;
  }

  /** {@code " Did you mean {{x}}?"} for the known name closest to {@code written}, or empty. */
  static String didYouMean(String written, Collection<String> known, String prefix) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = Naming.loose(candidate).equals(Naming.loose(written)) ? 0
          : distance(written.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, written.length() / 3);
    return best != null && bestDistance <= allowed ? " Did you mean {{" + prefix + best + "}}?" : "";
  }

  /** The Levenshtein distance of two texts. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static List<String> componentNames(TypeMirror type) {
    List<String> names = new ArrayList<>();
    if (type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement() instanceof TypeElement element
        && element.getKind() == ElementKind.RECORD) {
      element.getRecordComponents().forEach(c -> names.add(c.getSimpleName().toString()));
    }
    return names;
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
