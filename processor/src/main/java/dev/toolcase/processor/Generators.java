package dev.toolcase.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Pure functions from a {@link PromptModel} to the generated sources: {@code XNextStep},
 * {@code XTools} and {@code XHandler}.
 */
final class Generators {

  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName PARSING = ClassName.get("dev.toolcase.json", "Parsing");
  private static final ClassName PARSED = PARSING.nestedClass("Parsed");
  private static final ClassName UNKNOWN_PROPERTIES = ClassName.get("dev.toolcase.json", "UnknownProperties");
  private static final ClassName STEP_CODEC = ClassName.get("dev.toolcase", "StepCodec");

  private Generators() {}

  /** The {@code @Generated} annotation every generated type carries. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED)
        .addMember("value", "$S", ToolcaseProcessor.class.getName())
        .build();
  }

  private static JavaFile file(ClassName name, TypeSpec type) {
    return JavaFile.builder(name.packageName(), type).skipJavaLangImports(true).indent("  ").build();
  }

  /** {@code XNextStep}: the sealed union of the tools. */
  static JavaFile union(PromptModel prompt) {
    TypeSpec.Builder union = TypeSpec.interfaceBuilder(prompt.union())
        .addJavadoc("The next step the model may choose for {@link $T}: one of its tools.\n", prompt.type())
        .addJavadoc("\n<p>Sealed, so a {@code switch} over it must handle every tool.\n")
        .addAnnotation(generated())
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED);
    for (ToolModel tool : prompt.tools()) {
      union.addPermittedSubclass(tool.type());
    }
    return file(prompt.union(), union.build());
  }

  /** {@code XHandler<R>}: one method per tool and an exhaustive {@code handle}. */
  static JavaFile handler(PromptModel prompt) {
    TypeVariableName r = TypeVariableName.get("R");
    TypeSpec.Builder handler = TypeSpec.interfaceBuilder(prompt.handler())
        .addJavadoc("Handles each step of {@link $T}. Implement one method per tool; {@link #handle}\n",
            prompt.type())
        .addJavadoc("dispatches with an exhaustive switch, so a new tool breaks every handler that\n")
        .addJavadoc("does not handle it.\n\n@param <R> what handling a step returns\n")
        .addAnnotation(generated())
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(r);
    Map<ToolModel, String> methods = new LinkedHashMap<>();
    com.palantir.javapoet.NameAllocator names = new com.palantir.javapoet.NameAllocator();
    names.newName("handle");
    for (ToolModel tool : prompt.tools()) {
      String name = names.newName(Naming.lowerCamel(tool.type().simpleName()));
      methods.put(tool, name);
      handler.addMethod(MethodSpec.methodBuilder(name)
          .addJavadoc("Handles {@link $T} ({@code $L}).\n", tool.type(), tool.intent())
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(r)
          .addParameter(tool.type(), "call")
          .build());
    }
    CodeBlock.Builder dispatch = CodeBlock.builder().add("return switch (step) {\n").indent();
    for (Map.Entry<ToolModel, String> entry : methods.entrySet()) {
      dispatch.add("case $T call -> $N(call);\n", entry.getKey().type(), entry.getValue());
    }
    dispatch.unindent().add("};\n");
    handler.addMethod(MethodSpec.methodBuilder("handle")
        .addJavadoc("Dispatches {@code step} to the method of its tool.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .returns(r)
        .addParameter(prompt.union(), "step")
        .addCode(dispatch.build())
        .build());
    return file(prompt.handler(), handler.build());
  }

  /** {@code XTools}: schemas, tool definitions and the codec. */
  static JavaFile tools(PromptModel prompt) {
    ClassName self = prompt.toolsClass();
    ClassName union = prompt.union();
    CodecWriter codec = new CodecWriter(self, prompt.tools(), List.of(), List.of("parse",
        "parseWithRepairs", "parseStrict", "fromToolCall", "toJson", "argumentsJson", "intentOf",
        "requiresApproval", "openAiTools", "anthropicTools", "readStep", "readMember", "writeStep",
        "schemas"));
    TypeName stringList = ParameterizedTypeName.get(List.class, String.class);
    TypeName stringMap = ParameterizedTypeName.get(Map.class, String.class, String.class);

    TypeSpec.Builder tools = TypeSpec.classBuilder(self)
        .addJavadoc("Schemas, tool definitions and the JSON codec of {@link $T}, generated without\n",
            prompt.type())
        .addJavadoc("reflection from its tools.\n")
        .addAnnotation(generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);

    List<String> intents = new ArrayList<>();
    CodeBlock.Builder schemas = CodeBlock.builder();
    for (ToolModel tool : prompt.tools()) {
      intents.add(tool.intent());
      String constant = Naming.constant(tool.intent()) + "_SCHEMA";
      tools.addField(FieldSpec.builder(String.class, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$S", JsonText.write(SchemaWriter.tool(tool, true)))
          .build());
      schemas.addStatement("schemas.put($S, $N)", tool.intent(), constant);
    }
    tools.addField(FieldSpec.builder(stringList, "INTENTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", List.class, CodecWriter.strings(intents))
        .build());
    tools.addField(CodecWriter.shapes("SHAPES",
        prompt.tools().stream().map(t -> new CodecWriter.Shaped(t.intent(), t.asRecord())).toList()));
    tools.addFields(codec.fields());
    tools.addField(FieldSpec.builder(String.class, "OPENAI_TOOLS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", JsonText.write(SchemaWriter.openAiTools(prompt.tools())))
        .build());
    tools.addField(FieldSpec.builder(String.class, "ANTHROPIC_TOOLS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", JsonText.write(SchemaWriter.anthropicTools(prompt.tools())))
        .build());
    tools.addField(FieldSpec.builder(stringMap, "SCHEMAS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The JSON Schema (Draft 2020-12, OpenAI strict) of each tool of {@link $T}, by\n", prompt.type())
        .addJavadoc("intent, in the order the prompt lists them. Each carries its {@code intent}.\n")
        .initializer("schemas()")
        .build());
    tools.addField(FieldSpec.builder(String.class, "UNION_SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The schema of {@link $T}: an object whose {@code $L} property is any of the\n",
            union, Naming.UNION_WRAPPER)
        .addJavadoc("tools, usable as a strict response format. {@link #parse} reads it, too.\n")
        .initializer("$S", JsonText.write(SchemaWriter.union(prompt.tools())))
        .build());
    tools.addField(FieldSpec.builder(ParameterizedTypeName.get(STEP_CODEC, union), "CODEC",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("This class as the runtime's {@link $T}, for the loop, thread and stores.\n", STEP_CODEC)
        .initializer("new Codec()")
        .build());

    tools.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    tools.addMethod(MethodSpec.methodBuilder("schemas")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(stringMap)
        .addStatement("$T schemas = new $T<>()", stringMap, LinkedHashMap.class)
        .addCode(schemas.build())
        .addStatement("return $T.unmodifiableMap(schemas)", Collections.class)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("openAiTools")
        .addJavadoc("The tools as OpenAI chat-completions {@code tools}: a JSON array of functions named\n")
        .addJavadoc("by intent, with {@code strict: true}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addStatement("return OPENAI_TOOLS")
        .build());
    tools.addMethod(MethodSpec.methodBuilder("anthropicTools")
        .addJavadoc("The tools as Anthropic messages {@code tools}: a JSON array of\n")
        .addJavadoc("{@code {name, description, input_schema}}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addStatement("return ANTHROPIC_TOOLS")
        .build());
    tools.addMethod(MethodSpec.methodBuilder("parse")
        .addJavadoc("Reads the model's output as a step of {@link $T}.\n\n", prompt.type())
        .addJavadoc("@throws $T if it is not one valid step; the message is written for the model\n",
            ClassName.get("dev.toolcase", "ParseException"))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(union)
        .addParameter(String.class, "modelOutput")
        .addStatement("return parseWithRepairs(modelOutput).value()")
        .build());
    tools.addMethod(MethodSpec.methodBuilder("parseWithRepairs")
        .addJavadoc("Like {@link #parse}, and tells which repairs and coercions the output needed.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(PARSED, union))
        .addParameter(String.class, "modelOutput")
        .addStatement("return $T.parse(modelOutput, $T::readStep)", PARSING, self)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("parseWithRepairs")
        .addJavadoc("Like {@link #parseWithRepairs(String)}; with {@link $T#REJECT}, properties that no\n",
            UNKNOWN_PROPERTIES)
        .addJavadoc("component names are problems instead of repairs.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(PARSED, union))
        .addParameter(String.class, "modelOutput")
        .addParameter(UNKNOWN_PROPERTIES, "unknownProperties")
        .addStatement("return $T.parse(modelOutput, $T::readStep, unknownProperties)", PARSING, self)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("parseStrict")
        .addJavadoc("Reads exactly one well-formed JSON step, with no search and no repairs of the text:\n")
        .addJavadoc("for JSON a program wrote.\n\n")
        .addJavadoc("@throws $T if it is not strict JSON of one valid step\n",
            ClassName.get("dev.toolcase", "ParseException"))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(union)
        .addParameter(String.class, "json")
        .addStatement("return $T.parseStrict(json, $T::readStep)", PARSING, self)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("fromToolCall")
        .addJavadoc("Reads a native tool call: {@code name} is the tool's intent.\n\n")
        .addJavadoc("@throws $T if the name is no tool of {@link $T} or the arguments do not fit\n",
            ClassName.get("dev.toolcase", "ParseException"), prompt.type())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(union)
        .addParameter(String.class, "name")
        .addParameter(String.class, "argumentsJson")
        .addStatement("String intent = $T.tagOf(name)", CodecWriter.DECODER)
        .addStatement("return $T.parseArguments(argumentsJson, (d, node) -> readMember(d, intent, node)).value()",
            PARSING)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("toJson")
        .addJavadoc("The step as a JSON object with its {@code intent}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addParameter(union, "step")
        .addStatement("return $T.write(out -> writeStep(out, step, true))", CodecWriter.JSON_OUTPUT)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("argumentsJson")
        .addJavadoc("The step's arguments as a JSON object, without {@code intent}: a tool call's arguments.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addParameter(union, "step")
        .addStatement("return $T.write(out -> writeStep(out, step, false))", CodecWriter.JSON_OUTPUT)
        .build());

    CodeBlock.Builder intentSwitch = CodeBlock.builder().add("return switch (step) {\n").indent();
    CodeBlock.Builder approvalSwitch = CodeBlock.builder().add("return switch (step) {\n").indent();
    CodeBlock.Builder readSwitch = CodeBlock.builder().add("return switch (intent) {\n").indent();
    CodeBlock.Builder writeSwitch = CodeBlock.builder();
    for (ToolModel tool : prompt.tools()) {
      intentSwitch.add("case $T call -> $S;\n", tool.type(), tool.intent());
      approvalSwitch.add("case $T call -> $L;\n", tool.type(), tool.approval());
      readSwitch.add("case $S -> $N(d, node);\n", tool.intent(), codec.reader(tool.type()));
      writeSwitch.add("case $T call -> $N(out, call);\n", tool.type(), codec.fieldsWriter(tool.type()));
    }
    readSwitch.add("default -> d.unknownMember($S, intent, INTENTS);\n", Naming.INTENT);
    for (CodeBlock.Builder block : List.of(intentSwitch, approvalSwitch, readSwitch)) {
      block.unindent().add("};\n");
    }
    tools.addMethod(MethodSpec.methodBuilder("intentOf")
        .addJavadoc("The intent of a step, such as {@code $L}.\n", prompt.tools().getFirst().intent())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addParameter(union, "step")
        .addCode(intentSwitch.build())
        .build());
    tools.addMethod(MethodSpec.methodBuilder("requiresApproval")
        .addJavadoc("Whether the step's tool is declared {@code @Tool(approval = true)}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(union, "step")
        .addCode(approvalSwitch.build())
        .build());
    tools.addMethod(MethodSpec.methodBuilder("readStep")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(CodecWriter.DECODER, "d")
        .addParameter(CodecWriter.JSON_NODE, "node")
        .addStatement("$T tagged = d.tagged(d.stepObject(node, $S, $S), $S, SHAPES)", CodecWriter.TAGGED,
            Naming.UNION_WRAPPER, Naming.INTENT, Naming.INTENT)
        .addStatement("return tagged == null ? null : readMember(d, tagged.tag(), tagged.object())")
        .build());
    tools.addMethod(MethodSpec.methodBuilder("readMember")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(CodecWriter.DECODER, "d")
        .addParameter(String.class, "intent")
        .addParameter(CodecWriter.JSON_NODE, "node")
        .addCode(readSwitch.build())
        .build());
    tools.addMethod(MethodSpec.methodBuilder("writeStep")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(CodecWriter.JSON_OUTPUT, "out")
        .addParameter(union, "step")
        .addParameter(boolean.class, "withIntent")
        .addStatement("out.beginObject()")
        .beginControlFlow("if (withIntent)")
        .addStatement("out.name($S).value(intentOf(step))", Naming.INTENT)
        .endControlFlow()
        .beginControlFlow("switch (step)")
        .addCode(writeSwitch.build())
        .endControlFlow()
        .addStatement("out.endObject()")
        .build());
    tools.addMethods(codec.methods());
    tools.addType(codecClass(prompt));
    return file(self, tools.build());
  }

  private static TypeSpec codecClass(PromptModel prompt) {
    ClassName union = prompt.union();
    TypeName stringMap = ParameterizedTypeName.get(Map.class, String.class, String.class);
    TypeSpec.Builder codec = TypeSpec.classBuilder("Codec")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(STEP_CODEC, union));
    codec.addMethod(override("stepType", ParameterizedTypeName.get(ClassName.get(Class.class), union))
        .addStatement("return $T.class", union).build());
    codec.addMethod(override("intents", ParameterizedTypeName.get(List.class, String.class))
        .addStatement("return INTENTS").build());
    codec.addMethod(override("intentOf", ClassName.get(String.class)).addParameter(union, "step")
        .addStatement("return $T.intentOf(step)", prompt.toolsClass()).build());
    codec.addMethod(override("toJson", ClassName.get(String.class)).addParameter(union, "step")
        .addStatement("return $T.toJson(step)", prompt.toolsClass()).build());
    codec.addMethod(override("argumentsJson", ClassName.get(String.class)).addParameter(union, "step")
        .addStatement("return $T.argumentsJson(step)", prompt.toolsClass()).build());
    codec.addMethod(override("parse", union).addParameter(String.class, "modelOutput")
        .addStatement("return $T.parse(modelOutput)", prompt.toolsClass()).build());
    codec.addMethod(override("fromToolCall", union).addParameter(String.class, "name")
        .addParameter(String.class, "argumentsJson")
        .addStatement("return $T.fromToolCall(name, argumentsJson)", prompt.toolsClass()).build());
    codec.addMethod(override("requiresApproval", TypeName.BOOLEAN).addParameter(union, "step")
        .addStatement("return $T.requiresApproval(step)", prompt.toolsClass()).build());
    codec.addMethod(override("schemas", stringMap).addStatement("return SCHEMAS").build());
    codec.addMethod(override("unionSchema", ClassName.get(String.class)).addStatement("return UNION_SCHEMA").build());
    codec.addMethod(override("openAiTools", ClassName.get(String.class)).addStatement("return OPENAI_TOOLS").build());
    codec.addMethod(override("anthropicTools", ClassName.get(String.class)).addStatement("return ANTHROPIC_TOOLS").build());
    return codec.build();
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }
}
