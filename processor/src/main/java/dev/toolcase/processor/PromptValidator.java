package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Validates one {@code @Prompt} interface, gathering every problem into a {@link Report}, and
 * builds its {@link PromptModel}. A problem leaves the part that has it out, or stands in for it,
 * and the rest is still modelled: the generated union, codec and handler stay consistent with
 * what the user wrote, so an error is reported once, where it is, and not as a cascade of missing
 * symbols.
 */
final class PromptValidator {

  /** OpenAI takes at most this many functions in one request. */
  static final int MAX_TOOLS = 128;

  private static final String FINAL_ANSWER = "dev.toolcase.FinalAnswer";

  private final Types types;
  private final Elements elements;
  private final ToolValidator toolValidator;
  private final SourceText sourceText;

  /** The text of an annotation value as written, where the compiler can tell it. */
  @FunctionalInterface
  interface SourceText {
    String apply(Element element, AnnotationMirror annotation, AnnotationValue value);
  }

  PromptValidator(Types types, Elements elements, ToolValidator toolValidator,
      SourceText sourceText) {
    this.types = types;
    this.elements = elements;
    this.toolValidator = toolValidator;
    this.sourceText = sourceText;
  }

  /**
   * The model of {@code prompt}, or empty when there is nothing to generate (not an interface,
   * or no tool).
   *
   * @param lastRound whether missing types are reported now rather than awaited
   * @param onUnion told the records of the union as soon as they are known, before the types of
   *     their components are read
   * @throws TypeReader.MissingType when a type it refers to does not exist yet
   */
  Optional<PromptModel> validate(TypeElement prompt, AnnotationMirror annotation, Report report,
      boolean lastRound, Consumer<List<TypeElement>> onUnion) throws TypeReader.MissingType {
    String name = prompt.getSimpleName().toString();
    if (prompt.getKind() != ElementKind.INTERFACE) {
      report.add(prompt, annotation, null, Message.PROMPT_NOT_INTERFACE, name, kindOf(prompt), name);
      return Optional.empty();
    }
    ClassName type = ClassName.get(prompt);
    ClassName union = ClassName.get(type.packageName(), type.simpleName() + "NextStep");
    AnnotationValue toolsValue = Annotations.value(annotation, "tools").orElse(null);
    List<? extends AnnotationValue> listed = Annotations.array(annotation, "tools");
    if (listed.isEmpty()) {
      report.add(prompt, annotation, toolsValue, Message.PROMPT_WITHOUT_TOOLS, name);
      return Optional.empty();
    }
    List<TypeElement> records = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> missing = new ArrayList<>();
    for (AnnotationValue value : listed) {
      TypeElement tool = listedTool(prompt, annotation, value, union, seen, report, missing);
      if (tool != null) {
        records.add(tool);
      }
    }
    for (TypeElement stray : unlisted(prompt, union, seen)) {
      report.add(stray, Message.TOOL_NOT_LISTED, stray.getSimpleName(), union.simpleName(), name,
          stray.getSimpleName(), name, union.simpleName());
      if (stray.getKind() == ElementKind.RECORD) {
        records.add(stray); // kept in the union, so javac does not add a sealed-class error
      }
    }
    if (records.isEmpty()) {
      return Optional.empty();
    }
    // The union needs only the records: written now, it lets the tools compile even while their
    // components wait for a type from a later round.
    onUnion.accept(records);
    if (!missing.isEmpty()) {
      if (!lastRound) {
        throw new TypeReader.MissingType(missing.getFirst(), null, name);
      }
      for (String tool : missing) {
        report.add(prompt, annotation, toolsValue, Message.MISSING_TOOL, name, tool);
      }
    }
    List<ToolModel> tools = new ArrayList<>();
    Map<String, String> intents = new HashMap<>();
    for (TypeElement record : records) {
      ToolModel tool = toolValidator.validate(record, lastRound).model();
      String previous = intents.putIfAbsent(tool.intent(), tool.type().simpleName());
      if (previous != null) {
        report.add(prompt, annotation, toolsValue, Message.DUPLICATE_INTENT, name, previous,
            tool.type().simpleName(), tool.intent());
        tool = withUniqueIntent(tool, intents);
      }
      tools.add(tool);
    }
    checkSize(prompt, annotation, toolsValue, tools, report);
    List<PromptMethod> methods = methods(prompt, union, tools, report, lastRound);
    List<String> memberTypes = new ArrayList<>();
    for (Element member : elements.getAllMembers(prompt)) {
      if (member.getKind().isClass() || member.getKind().isInterface()) {
        memberTypes.add(member.getSimpleName().toString());
      }
    }
    return Optional.of(new PromptModel(type, List.copyOf(tools), methods, List.copyOf(memberTypes)));
  }

  /** The record a value of {@code @Prompt(tools)} names, or {@code null} when it is left out. */
  private TypeElement listedTool(TypeElement prompt, AnnotationMirror annotation,
      AnnotationValue value, ClassName union, Set<String> seen, Report report, List<String> missing) {
    String name = prompt.getSimpleName().toString();
    // javac gives a class literal of a type that does not exist as an error type, or as a string
    if (!(value.getValue() instanceof TypeMirror mirror) || mirror.getKind() == TypeKind.ERROR) {
      missing.add(value.getValue() instanceof TypeMirror error ? error.toString()
          : sourceText.apply(prompt, annotation, value).replaceFirst("\\.class$", ""));
      return null;
    }
    if (!(types.asElement(mirror) instanceof TypeElement tool)) {
      report.add(prompt, annotation, value, Message.TOOL_NOT_ANNOTATED, name, mirror, mirror, mirror);
      return null;
    }
    String toolName = tool.getSimpleName().toString();
    if (!seen.add(tool.getQualifiedName().toString())) {
      report.add(prompt, annotation, value, Message.DUPLICATE_TOOL, name, toolName);
      return null;
    }
    boolean annotated = Annotations.find(tool, Annotations.TOOL).isPresent();
    if (!annotated) {
      report.add(prompt, annotation, value, Message.TOOL_NOT_ANNOTATED, name, toolName, toolName,
          toolName);
    }
    if (tool.getKind() != ElementKind.RECORD) {
      return null; // reported on the tool itself as ToolNotRecord, or just now
    }
    String promptPackage = elements.getPackageOf(prompt).getQualifiedName().toString();
    String toolPackage = elements.getPackageOf(tool).getQualifiedName().toString();
    if (!toolPackage.equals(promptPackage)) {
      report.add(prompt, annotation, value, Message.TOOL_IN_OTHER_PACKAGE, name, toolName,
          toolPackage, name, promptPackage, toolName, promptPackage);
      return null;
    }
    if (!implementsType(tool, union)) {
      report.add(tool, Message.TOOL_NOT_IN_UNION, name, toolName, toolName, union.simpleName(),
          union.simpleName(), toolName);
      return null;
    }
    return tool;
  }

  /**
   * The types of the prompt's package (nested ones too) that implement its union but are not
   * listed: javac would only say that the sealed union does not permit them.
   */
  private List<TypeElement> unlisted(TypeElement prompt, ClassName union, Set<String> listed) {
    List<TypeElement> strays = new ArrayList<>();
    PackageElement pkg = elements.getPackageOf(prompt);
    List<TypeElement> pending = new ArrayList<>(ElementFilter.typesIn(pkg.getEnclosedElements()));
    while (!pending.isEmpty()) {
      TypeElement type = pending.removeLast();
      pending.addAll(ElementFilter.typesIn(type.getEnclosedElements()));
      if (!listed.contains(type.getQualifiedName().toString()) && implementsType(type, union)) {
        strays.add(type);
      }
    }
    strays.sort((a, b) -> a.getQualifiedName().toString().compareTo(b.getQualifiedName().toString()));
    return strays;
  }

  /** A tool whose intent another tool of the prompt has, renamed so the code still compiles. */
  private static ToolModel withUniqueIntent(ToolModel tool, Map<String, String> intents) {
    int n = 2;
    while (intents.containsKey(tool.intent() + "_" + n)) {
      n++;
    }
    String intent = tool.intent() + "_" + n;
    intents.put(intent, tool.type().simpleName());
    return tool.withIntent(intent);
  }

  /** Warnings for what OpenAI would refuse at run time: too many tools, a union too large. */
  private void checkSize(TypeElement prompt, AnnotationMirror annotation, AnnotationValue toolsValue,
      List<ToolModel> tools, Report report) {
    String name = prompt.getSimpleName().toString();
    if (tools.size() > MAX_TOOLS) {
      report.add(prompt, annotation, toolsValue, Message.TOO_MANY_TOOLS, name, tools.size(), MAX_TOOLS);
    }
    List<SchemaLimits.Breach> breaches =
        SchemaLimits.breaches(SchemaLimits.measure(SchemaWriter.union(tools)));
    if (!breaches.isEmpty()) {
      report.add(prompt, annotation, toolsValue, Message.UNION_LIMITS, name,
          breaches.stream().map(SchemaLimits.Breach::summary).collect(Collectors.joining(", ")));
    }
    TypeElement finalAnswer = elements.getTypeElement(FINAL_ANSWER);
    boolean finishes = finalAnswer == null || tools.stream().anyMatch(tool -> {
      TypeElement record = elements.getTypeElement(tool.type().canonicalName());
      return record != null && types.isAssignable(record.asType(), finalAnswer.asType());
    });
    if (!finishes) {
      report.add(prompt, annotation, null, Message.NO_FINAL_ANSWER, name);
    }
  }

  private List<PromptMethod> methods(TypeElement prompt, ClassName union, List<ToolModel> tools,
      Report report, boolean lastRound) throws TypeReader.MissingType {
    ClassName toolsClass = ClassName.get(union.packageName(), prompt.getSimpleName() + "Tools");
    TypeReader reader = new TypeReader(types, report, union, toolsClass, tools)
        .inLastRound(lastRound);
    List<PromptMethod> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(prompt.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      String methodName = prompt.getSimpleName() + "." + method.getSimpleName() + "()";
      Optional<AnnotationMirror> template = Annotations.find(method, Annotations.TEMPLATE);
      List<String> variables = List.of();
      boolean broken = false;
      if (template.isEmpty()) {
        report.add(method, Message.MISSING_TEMPLATE, methodName);
        broken = true;
      } else {
        variables = TemplateChecker.check(method, template.get(), report);
      }
      TypeMirror returned = method.getReturnType();
      PromptMethod.Result result = resultOf(returned, union);
      if (result == null && returned.getKind() == TypeKind.ERROR) {
        if (!lastRound) {
          throw new TypeReader.MissingType(returned.toString(), method,
              prompt.getSimpleName().toString());
        }
        report.add(method, Message.MISSING_TYPE, prompt.getSimpleName(),
            method.getSimpleName() + "()", returned);
        broken = true;
      } else if (result == null) {
        report.add(method, Message.BAD_RETURN_TYPE, methodName, returned, union.simpleName(),
            union.simpleName());
        broken = true;
      }
      TypeModel structured = null;
      if (!broken && result == PromptMethod.Result.STRUCTURED) {
        structured = reader.returnType((TypeElement) types.asElement(returned), prompt, method);
      }
      List<PromptMethod.Parameter> parameters = new ArrayList<>();
      for (var parameter : method.getParameters()) {
        parameters.add(new PromptMethod.Parameter(parameter.getSimpleName().toString(),
            TypeName.get(parameter.asType()), TemplateChecker.isThread(parameter.asType())));
      }
      TypeName returnType = result == PromptMethod.Result.NEXT_STEP ? union
          : result == PromptMethod.Result.NEXT_STEPS
              ? ParameterizedTypeName.get(ClassName.get(List.class), union)
              : TypeName.get(returned);
      methods.add(new PromptMethod(method.getSimpleName().toString(),
          template.map(t -> Annotations.string(t, "value", "")).orElse(""), returnType,
          broken ? PromptMethod.Result.BROKEN : result, structured, parameters, variables));
    }
    return methods;
  }

  /** How a method with this return type gets its answer, or {@code null} if it cannot. */
  private PromptMethod.Result resultOf(TypeMirror type, ClassName union) {
    if (type.getKind() == TypeKind.ERROR) {
      return simpleName(type.toString()).equals(union.simpleName()) ? PromptMethod.Result.NEXT_STEP : null;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getQualifiedName().contentEquals("java.lang.String")) {
      return PromptMethod.Result.TEXT;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    if (element.getQualifiedName().contentEquals("java.util.List") && arguments.size() == 1
        && resultOf(arguments.getFirst(), union) == PromptMethod.Result.NEXT_STEP) {
      return PromptMethod.Result.NEXT_STEPS;
    }
    if (element.getQualifiedName().contentEquals(union.canonicalName())) {
      return PromptMethod.Result.NEXT_STEP;
    }
    if ((element.getKind() == ElementKind.ENUM || element.getKind() == ElementKind.RECORD)
        && ((DeclaredType) type).getTypeArguments().isEmpty()) {
      return PromptMethod.Result.STRUCTURED;
    }
    return null;
  }

  /** Whether {@code type} implements {@code union}, which may not have been generated yet. */
  private boolean implementsType(TypeElement type, ClassName union) {
    for (TypeMirror implemented : type.getInterfaces()) {
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
      default -> "a " + element.getKind().toString().toLowerCase(Locale.ROOT);
    };
  }
}
