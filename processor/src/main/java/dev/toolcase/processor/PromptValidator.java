package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import dev.toolcase.processor.TypeModel.Component;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates one {@code @Prompt} interface and its tools, gathering every problem into a
 * {@link Report}, and builds its {@link PromptModel} when there are none.
 */
final class PromptValidator {

  private final Types types;
  private final Elements elements;

  PromptValidator(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /**
   * The model of {@code prompt}, or empty when {@code report} has problems.
   *
   * @throws TypeReader.MissingType when a type it refers to does not exist yet
   */
  Optional<PromptModel> validate(TypeElement prompt, AnnotationMirror annotation, Report report)
      throws TypeReader.MissingType {
    String name = prompt.getSimpleName().toString();
    if (prompt.getKind() != ElementKind.INTERFACE) {
      report.error(prompt, annotation, null, Messages.promptNotInterface(name, kindOf(prompt)));
      return Optional.empty();
    }
    ClassName type = ClassName.get(prompt);
    PromptModel shell = new PromptModel(type, List.of(), List.of(), List.of());
    String union = shell.union().simpleName();
    String promptPackage = elements.getPackageOf(prompt).getQualifiedName().toString();

    List<? extends AnnotationValue> listed = Annotations.array(annotation, "tools");
    AnnotationValue toolsValue = Annotations.value(annotation, "tools").orElse(null);
    if (listed.isEmpty()) {
      report.error(prompt, annotation, toolsValue, Messages.promptWithoutTools(name));
      return Optional.empty();
    }
    TypeReader reader = new TypeReader(types, report);
    List<ToolModel> tools = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, String> intents = new HashMap<>();
    for (AnnotationValue value : listed) {
      TypeMirror mirror = (TypeMirror) value.getValue();
      if (mirror.getKind() == TypeKind.ERROR) {
        throw new TypeReader.MissingType(mirror.toString());
      }
      TypeElement tool = (TypeElement) types.asElement(mirror);
      String toolName = tool.getSimpleName().toString();
      if (!seen.add(tool.getQualifiedName().toString())) {
        report.error(prompt, annotation, value, Messages.duplicateTool(name, toolName));
        continue;
      }
      Optional<AnnotationMirror> toolAnnotation = Annotations.find(tool, Annotations.TOOL);
      if (toolAnnotation.isEmpty()) {
        report.error(prompt, annotation, value, Messages.toolNotAnnotated(name, toolName));
        continue;
      }
      if (tool.getKind() != ElementKind.RECORD) {
        continue; // reported on the tool itself as ToolNotRecord
      }
      String toolPackage = elements.getPackageOf(tool).getQualifiedName().toString();
      if (!toolPackage.equals(promptPackage)) {
        report.error(prompt, annotation, value,
            Messages.toolInOtherPackage(name, toolName, toolPackage, promptPackage));
      } else if (!implementsUnion(tool, shell.union())) {
        report.error(tool, Messages.toolNotInUnion(name, toolName, union));
      }
      AnnotationMirror toolMirror = toolAnnotation.get();
      String intent = Annotations.string(toolMirror, "name", "");
      if (intent.isEmpty()) {
        intent = Naming.intentOf(toolName);
      } else if (!Naming.isValidIntent(intent)) {
        report.error(tool, toolMirror, Annotations.value(toolMirror, "name").orElse(null),
            Messages.invalidIntent(toolName, intent));
      }
      String previous = intents.putIfAbsent(intent, toolName);
      if (previous != null) {
        report.error(prompt, annotation, value, Messages.duplicateIntent(name, intent, previous, toolName));
      }
      for (Element component : tool.getRecordComponents()) {
        if (component.getSimpleName().contentEquals(Naming.INTENT)) {
          report.error(component, Messages.reservedComponent(toolName, Naming.INTENT));
        }
      }
      List<Component> components = reader.components(tool);
      if (components == null) {
        continue;
      }
      ToolModel model = new ToolModel(ClassName.get(tool), intent,
          Annotations.string(toolMirror, "value", ""), Annotations.bool(toolMirror, "approval"), components);
      for (String problem : SchemaLimits.violations(toolName, SchemaWriter.tool(model, true))) {
        report.error(tool, toolMirror, null, problem);
      }
      tools.add(model);
    }
    List<PromptMethod> methods = methods(prompt, shell, reader, report);
    if (!report.isClean()) {
      return Optional.empty();
    }
    for (String problem : SchemaLimits.violations(union, SchemaWriter.union(tools))) {
      report.error(prompt, annotation, toolsValue, problem);
    }
    List<String> memberTypes = new ArrayList<>();
    for (Element member : elements.getAllMembers(prompt)) {
      if (member.getKind().isClass() || member.getKind().isInterface()) {
        memberTypes.add(member.getSimpleName().toString());
      }
    }
    return report.isClean()
        ? Optional.of(new PromptModel(type, tools, methods, List.copyOf(memberTypes)))
        : Optional.empty();
  }

  private List<PromptMethod> methods(TypeElement prompt, PromptModel shell, TypeReader reader,
      Report report) throws TypeReader.MissingType {
    List<PromptMethod> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(prompt.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      String methodName = prompt.getSimpleName() + "." + method.getSimpleName() + "()";
      Optional<AnnotationMirror> template = Annotations.find(method, Annotations.TEMPLATE);
      if (template.isEmpty()) {
        report.error(method, Messages.missingTemplate(methodName));
      } else {
        TemplateChecker.check(method, template.get(), report);
      }
      TypeMirror returned = method.getReturnType();
      PromptMethod.Result result = resultOf(returned, shell);
      if (result == null) {
        report.error(method, Messages.badReturnType(methodName, returned.toString(), shell.union().simpleName()));
        continue;
      }
      TypeModel structured = null;
      if (result == PromptMethod.Result.STRUCTURED) {
        structured = reader.returnType((TypeElement) types.asElement(returned), prompt, method);
        if (structured == null) {
          continue;
        }
      }
      List<PromptMethod.Parameter> parameters = new ArrayList<>();
      for (var parameter : method.getParameters()) {
        parameters.add(new PromptMethod.Parameter(parameter.getSimpleName().toString(),
            com.palantir.javapoet.TypeName.get(parameter.asType()), TemplateChecker.isThread(parameter.asType())));
      }
      methods.add(new PromptMethod(method.getSimpleName().toString(),
          template.map(t -> Annotations.string(t, "value", "")).orElse(""),
          result == PromptMethod.Result.NEXT_STEP ? shell.union() : com.palantir.javapoet.TypeName.get(returned),
          result, structured, parameters));
    }
    return methods;
  }

  /** How a method with this return type gets its answer, or {@code null} if it cannot. */
  private PromptMethod.Result resultOf(TypeMirror type, PromptModel shell) {
    if (type.getKind() == TypeKind.ERROR) {
      return simpleName(type.toString()).equals(shell.union().simpleName()) ? PromptMethod.Result.NEXT_STEP : null;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getQualifiedName().contentEquals("java.lang.String")) {
      return PromptMethod.Result.TEXT;
    }
    if (element.getQualifiedName().contentEquals(shell.union().canonicalName())) {
      return PromptMethod.Result.NEXT_STEP;
    }
    if ((element.getKind() == ElementKind.ENUM || element.getKind() == ElementKind.RECORD)
        && ((DeclaredType) type).getTypeArguments().isEmpty()) {
      return PromptMethod.Result.STRUCTURED;
    }
    return null;
  }

  /** Whether {@code tool} implements the union, which may not have been generated yet. */
  private boolean implementsUnion(TypeElement tool, ClassName union) {
    for (TypeMirror implemented : tool.getInterfaces()) {
      String written = implemented.toString();
      if (implemented.getKind() == TypeKind.ERROR) {
        if (written.equals(union.simpleName()) || written.equals(union.canonicalName())) {
          return true;
        }
      } else if (implemented.getKind() == TypeKind.DECLARED
          && ((TypeElement) types.asElement(implemented)).getQualifiedName().contentEquals(union.canonicalName())) {
        return true;
      }
    }
    return false;
  }

  private static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  static String kindOf(Element element) {
    return switch (element.getKind()) {
      case CLASS -> "a class";
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      case RECORD -> "a record";
      default -> "a " + element.getKind().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
