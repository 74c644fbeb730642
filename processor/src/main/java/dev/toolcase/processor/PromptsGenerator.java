package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.toolcase.processor.TypeModel.EnumType;
import dev.toolcase.processor.TypeModel.RecordType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code XPrompts}: the implementation of a {@code @Prompt} interface that renders each
 * method's template, calls the model through the runtime's {@code PromptRunner}, and reads the
 * answer with generated code. Rendering is public, so the exact messages can be checked without
 * calling a model.
 */
final class PromptsGenerator {

  private static final ClassName RUNNER = ClassName.get("dev.toolcase.prompt", "PromptRunner");
  private static final ClassName TEMPLATE_TEXT = ClassName.get("dev.toolcase.prompt", "TemplateText");
  private static final ClassName LLM_CLIENT = ClassName.get("dev.toolcase.llm", "LlmClient");
  private static final ClassName CHAT_MESSAGE = ClassName.get("dev.toolcase.llm", "ChatMessage");

  private PromptsGenerator() {}

  /** {@code XPrompts}. */
  static TypeSpec prompts(PromptModel prompt) {
    ClassName self = prompt.prompts();
    NameAllocator names = new NameAllocator();
    Map<TypeName, String> schemas = new LinkedHashMap<>();
    names.newName("using");
    names.newName("runner");
    Set<String> methodNames = new LinkedHashSet<>();
    for (PromptMethod method : prompt.methods()) {
      // Overloads share a name, and their ...Messages methods overload too.
      if (methodNames.add(method.name())) {
        names.newName(method.name(), "method:" + method.name());
        names.newName(method.name() + "Messages", "messages:" + method.name());
      }
    }
    Map<String, Integer> overloads = new HashMap<>();
    for (PromptMethod method : prompt.methods()) {
      String base = Naming.constant(Naming.intentOf(method.name()));
      int overload = overloads.merge(method.name(), 1, Integer::sum);
      names.newName(base + "_TEMPLATE" + (overload == 1 ? "" : "_" + overload),
          new Constant("template", method));
      if (method.structured() != null && !schemas.containsKey(method.structured().javaType())) {
        // One schema per answer type: overloads that answer the same type share it.
        String schema = names.newName(Naming.constant(Naming.intentOf(
            ((ClassName) method.structured().javaType()).simpleName())) + "_SCHEMA",
            "schema:" + method.structured().javaType());
        schemas.put(method.structured().javaType(), schema);
      }
    }
    List<TypeModel> structured = new ArrayList<>();
    for (PromptMethod method : prompt.methods()) {
      if (method.structured() != null) {
        structured.add(method.structured());
      }
    }
    CodecWriter codec = new CodecWriter(self, List.of(), structured, names, false);

    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc("{@link $T} on a model: renders each template, calls the model and reads the answer\n",
            prompt.type())
        .addJavadoc("with generated code. The {@code ...Messages} methods give the exact messages\n")
        .addJavadoc("that would be sent, without calling the model.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(prompt.type())
        .alwaysQualify(prompt.memberTypes().toArray(String[]::new));
    Set<String> constants = new LinkedHashSet<>();
    for (PromptMethod method : prompt.methods()) {
      String constant = names.get(new Constant("template", method));
      constants.add(constant);
      type.addField(FieldSpec.builder(String.class, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$S", method.template())
          .build());
    }
    schemas.forEach((answer, constant) -> {
      TypeModel model = prompt.methods().stream().map(PromptMethod::structured)
          .filter(t -> t != null && t.javaType().equals(answer)).findFirst().orElseThrow();
      type.addField(FieldSpec.builder(String.class, constant, Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL)
          .initializer(schemaText(prompt, JsonText.write(structuredSchema(model))))
          .build());
    });
    type.addFields(codec.fields());
    type.addTypes(codec.holders());
    type.addField(RUNNER, "runner", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(RUNNER, "runner")
        .addStatement("this.runner = runner")
        .build());
    type.addMethod(MethodSpec.methodBuilder("using")
        .addJavadoc("{@link $T} on {@code client}, with native tool calling and the default context format.\n\n",
            prompt.type())
        .addJavadoc("@param client the model\n@return the prompt on it\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(LLM_CLIENT, "client")
        .addStatement("return new $T($T.using(client))", self, RUNNER)
        .build());
    type.addMethod(MethodSpec.methodBuilder("using")
        .addJavadoc("{@link $T} on a configured runner: its output mode and context format.\n\n", prompt.type())
        .addJavadoc("@param runner the runner, with its model\n@return the prompt on it\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(RUNNER, "runner")
        .addStatement("return new $T(runner)", self)
        .build());
    for (PromptMethod method : prompt.methods()) {
      type.addMethod(messages(prompt, method, names));
      type.addMethod(call(prompt, method, codec, names));
    }
    type.addMethods(codec.methods());
    return type.build();
  }

  /** The tag of a method's constant in the class's name allocator. */
  private record Constant(String role, PromptMethod method) {}

  /**
   * The code of a structured answer's schema: its text, where the prompt's own steps are spliced
   * in from {@code XTools.SCHEMAS} at class initialisation rather than written out again.
   */
  private static CodeBlock schemaText(PromptModel prompt, String schema) {
    String marker = JsonText.write(SchemaWriter.STEPS_MARKER);
    List<CodeBlock> parts = new ArrayList<>();
    int from = 0;
    for (int at = schema.indexOf(marker); at >= 0; at = schema.indexOf(marker, from)) {
      if (at > from) {
        parts.add(Generators.text(schema.substring(from, at)));
      }
      parts.add(CodeBlock.of("$T.anyOf($T.SCHEMAS)", Generators.TOOL_JSON, prompt.toolsClass()));
      from = at + marker.length();
    }
    if (from < schema.length() || parts.isEmpty()) {
      parts.add(Generators.text(schema.substring(from)));
    }
    return CodeBlock.join(parts, "\n    + ");
  }

  /** The strict schema of a structured answer: a record as it is, an enum inside {@code {"value"}}. */
  private static Map<String, Object> structuredSchema(TypeModel type) {
    return switch (type) {
      case RecordType record -> SchemaWriter.record(record);
      case EnumType enumType -> SchemaWriter.wrappedEnum(enumType);
      default -> throw new IllegalArgumentException("not a structured answer: " + type);
    };
  }

  private static MethodSpec messages(PromptModel prompt, PromptMethod method, NameAllocator names) {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(names.get("messages:" + method.name()))
        .addJavadoc("The messages {@link #$L} sends, rendered from its template, without calling the model.\n\n",
            method.name())
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), CHAT_MESSAGE));
    for (PromptMethod.Parameter parameter : method.parameters()) {
      builder.addParameter(parameter.type(), parameter.name());
      builder.addJavadoc("@param $L as {@link #$L} takes it\n", parameter.name(), method.name());
    }
    builder.addJavadoc("@return the messages, in order\n");
    Map<String, CodeBlock> cases = new LinkedHashMap<>();
    for (String variable : method.variables()) {
      cases.put(variable, expansion(prompt, method, variable, names));
    }
    CodeBlock.Builder lambda = CodeBlock.builder().add("variable -> switch (variable) {\n").indent();
    cases.forEach((variable, code) -> lambda.add("case $S -> $L;\n", variable, code));
    lambda.add("default -> throw new $T($S + variable);\n", IllegalStateException.class,
        "no such template variable: ");
    lambda.unindent().add("}");
    return builder
        .addStatement("return $T.render($N, $L)", TEMPLATE_TEXT,
            names.get(new Constant("template", method)), lambda.build())
        .build();
  }

  private static CodeBlock expansion(PromptModel prompt, PromptMethod method, String variable,
      NameAllocator names) {
    String[] path = variable.split("\\.", -1);
    PromptMethod.Parameter parameter = method.parameters().stream()
        .filter(p -> p.name().equals(path[0])).findFirst().orElse(null);
    if (parameter == null && variable.equals("thread")) {
      parameter = method.parameters().stream().filter(PromptMethod.Parameter::thread).findFirst()
          .orElseThrow(() -> new IllegalStateException("validated: {{thread}} needs a thread parameter"));
    }
    if (parameter != null && parameter.thread() && path.length == 1) {
      return CodeBlock.of("runner.thread($N, $T.CODEC)", parameter.name(), prompt.toolsClass());
    }
    if (parameter != null) {
      CodeBlock.Builder access = CodeBlock.builder().add("$N", parameter.name());
      for (int i = 1; i < path.length; i++) {
        access.add(".$N()", path[i]);
      }
      return CodeBlock.of("runner.value($L)", access.build());
    }
    if (variable.equals("output_format")) {
      return switch (method.result()) {
        case NEXT_STEP -> CodeBlock.of("runner.outputFormat($T.CODEC)", prompt.toolsClass());
        case NEXT_STEPS -> CodeBlock.of("runner.stepsFormat($T.CODEC)", prompt.toolsClass());
        case STRUCTURED -> CodeBlock.of("runner.outputFormat($N)", names.get("schema:" + method.structured().javaType()));
        case TEXT, BROKEN -> CodeBlock.of("runner.value($S)", "");
      };
    }
    throw new IllegalStateException("validated: unknown template variable " + variable);
  }

  private static MethodSpec call(PromptModel prompt, PromptMethod method, CodecWriter codec,
      NameAllocator names) {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(method.returnType());
    List<String> arguments = new ArrayList<>();
    for (PromptMethod.Parameter parameter : method.parameters()) {
      builder.addParameter(parameter.type(), parameter.name());
      arguments.add(parameter.name());
    }
    NameAllocator locals = new NameAllocator();
    arguments.forEach(locals::newName);
    String messages = locals.newName("messages");
    builder.addStatement("$T<$T> $N = $N($L)", List.class, CHAT_MESSAGE, messages,
        names.get("messages:" + method.name()), String.join(", ", arguments));
    switch (method.result()) {
      case BROKEN -> builder.addStatement("throw new $T($S)", IllegalStateException.class,
          prompt.type().simpleName() + "." + method.name() + "() did not compile");
      case NEXT_STEP -> builder.addStatement("return runner.nextStep($N, $T.CODEC)", messages, prompt.toolsClass());
      case NEXT_STEPS -> builder.addStatement("return runner.nextSteps($N, $T.CODEC)", messages, prompt.toolsClass());
      case TEXT -> builder.addStatement("return runner.text($N)", messages);
      case STRUCTURED -> {
        TypeModel type = method.structured();
        if (type instanceof EnumType enumType) {
          builder.addStatement("return runner.structured($N, $S, $N, (d, value) -> d.wrapped(value, $S, $T::$N))",
              messages, Naming.intentOf(method.name()), names.get("schema:" + method.structured().javaType()), SchemaWriter.ENUM_WRAPPER,
              prompt.prompts(), codec.reader(enumType.javaType()));
        } else {
          builder.addStatement("return runner.structured($N, $S, $N, $T::$N)", messages,
              Naming.intentOf(method.name()), names.get("schema:" + method.structured().javaType()), prompt.prompts(),
              codec.reader(((RecordType) type).javaType()));
        }
      }
    }
    return builder.build();
  }
}
