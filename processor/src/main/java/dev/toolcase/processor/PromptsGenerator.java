package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.toolcase.processor.TypeModel.EnumType;
import dev.toolcase.processor.TypeModel.RecordType;
import java.util.ArrayList;
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
  static JavaFile prompts(PromptModel prompt) {
    ClassName self = prompt.prompts();
    NameAllocator names = new NameAllocator();
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
    for (PromptMethod method : prompt.methods()) {
      String base = Naming.constant(Naming.intentOf(method.name()));
      names.newName(base + "_TEMPLATE", new Constant("template", method));
      names.newName(base + "_SCHEMA", new Constant("schema", method));
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
        .addAnnotation(Generators.generated())
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
      if (method.structured() != null) {
        type.addField(FieldSpec.builder(String.class, names.get(new Constant("schema", method)), Modifier.PRIVATE,
                Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", JsonText.write(structuredSchema(method.structured())))
            .build());
      }
    }
    type.addFields(codec.fields());
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
    return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  /** The tag of a method's constant in the class's name allocator. */
  private record Constant(String role, PromptMethod method) {}

  /** The strict schema of a structured answer: a record as it is, an enum inside {@code {"value"}}. */
  private static Map<String, Object> structuredSchema(TypeModel type) {
    return switch (type) {
      case RecordType record -> SchemaWriter.record(record);
      case EnumType enumType -> SchemaWriter.wrappedEnum(enumType);
      default -> throw new IllegalArgumentException("not a structured answer: " + type);
    };
  }

  private static MethodSpec messages(PromptModel prompt, PromptMethod method, NameAllocator names) {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name() + "Messages")
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
    for (String variable : TemplateChecker.variables(method.template())) {
      if (variable == null || variable.equals("role") || variable.startsWith("role ") || cases.containsKey(variable)) {
        continue;
      }
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
        case STRUCTURED -> CodeBlock.of("runner.outputFormat($N)", names.get(new Constant("schema", method)));
        case TEXT -> CodeBlock.of("runner.value($S)", "");
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
        method.name() + "Messages", String.join(", ", arguments));
    switch (method.result()) {
      case NEXT_STEP -> builder.addStatement("return runner.nextStep($N, $T.CODEC)", messages, prompt.toolsClass());
      case TEXT -> builder.addStatement("return runner.text($N)", messages);
      case STRUCTURED -> {
        TypeModel type = method.structured();
        if (type instanceof EnumType enumType) {
          builder.addStatement("return runner.structured($N, $S, $N, (d, value) -> d.wrapped(value, $S, $T::$N))",
              messages, Naming.intentOf(method.name()), names.get(new Constant("schema", method)), SchemaWriter.ENUM_WRAPPER,
              prompt.prompts(), codec.reader(enumType.javaType()));
        } else {
          builder.addStatement("return runner.structured($N, $S, $N, $T::$N)", messages,
              Naming.intentOf(method.name()), names.get(new Constant("schema", method)), prompt.prompts(),
              codec.reader(((RecordType) type).javaType()));
        }
      }
    }
    return builder.build();
  }
}
