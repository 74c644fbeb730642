package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Pure functions from a {@link PromptModel} to the generated types: {@code XNextStep},
 * {@code XTools} and {@code XHandler}, all in the prompt's package; {@link Sources} writes them.
 */
final class Generators {

  private static final ClassName PARSING = ClassName.get(CodecWriter.CODEC, "Parsing");
  private static final ClassName PARSED = ClassName.get("dev.toolcase", "Parsed");
  private static final ClassName PARSE_EXCEPTION = ClassName.get("dev.toolcase", "ParseException");
  private static final ClassName UNKNOWN_PROPERTIES = ClassName.get("dev.toolcase", "UnknownProperties");
  private static final ClassName STEP_CODEC = ClassName.get(CodecWriter.CODEC, "StepCodec");
  private static final ClassName TOOL_CALL = ClassName.get("dev.toolcase.llm", "ToolCall");
  static final ClassName TOOL_JSON = ClassName.get(CodecWriter.CODEC, "ToolJson");
  private static final ClassName TOOL = TOOL_JSON.nestedClass("Tool");
  private static final ClassName STEP_KIND = ClassName.get("dev.toolcase.codec", "StepKind");

  /** Text constants longer than this (in modified UTF-8) are split: javac refuses 65,535. */
  private static final int MAX_CONSTANT_BYTES = 60_000;

  private Generators() {}

  /**
   * A string literal, or, when javac could not hold it as one constant, its parts joined at run
   * time.
   */
  static CodeBlock text(String value) {
    if (modifiedUtf8Length(value) <= MAX_CONSTANT_BYTES) {
      return CodeBlock.of("$S", value);
    }
    List<CodeBlock> parts = new ArrayList<>();
    int chunk = MAX_CONSTANT_BYTES / 3;
    int start = 0;
    while (start < value.length()) {
      int end = Math.min(value.length(), start + chunk);
      if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
        end--;
      }
      parts.add(CodeBlock.of("$S", value.substring(start, end)));
      start = end;
    }
    return CodeBlock.of("$T.join($L)", TOOL_JSON, CodeBlock.join(parts, ", "));
  }

  private static int modifiedUtf8Length(String value) {
    int length = value.getBytes(StandardCharsets.UTF_8).length;
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) == 0) {
        length++;
      }
    }
    return length + value.codePoints().filter(c -> c > 0xFFFF).map(c -> 2).sum();
  }

  /** A list constant's elements beyond this many are built by methods of this many each. */
  private static final int ELEMENTS_PER_METHOD = 100;

  /**
   * The initialiser of a list constant: {@code List.of(...)}; or, for a large catalogue, the
   * lists of methods of {@link #ELEMENTS_PER_METHOD} elements each, joined, since the class
   * initialiser that would build them all at once may hold only 64 KB of code.
   */
  private static CodeBlock chunkedList(TypeSpec.Builder owner, NameAllocator names, String base,
      TypeName element, List<CodeBlock> elements) {
    if (elements.size() <= ELEMENTS_PER_METHOD) {
      return CodecWriter.listOf(elements);
    }
    List<CodeBlock> parts = new ArrayList<>();
    for (int from = 0; from < elements.size(); from += ELEMENTS_PER_METHOD) {
      String method = names.newName(base + (from / ELEMENTS_PER_METHOD));
      owner.addMethod(MethodSpec.methodBuilder(method)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(ParameterizedTypeName.get(ClassName.get(List.class), element))
          .addStatement("return $L", CodecWriter.listOf(
              elements.subList(from, Math.min(elements.size(), from + ELEMENTS_PER_METHOD))))
          .build());
      parts.add(CodeBlock.of("$N()", method));
    }
    return CodeBlock.of("$T.of($L).flatMap($T::stream).toList()", Stream.class,
        CodeBlock.join(parts, ", "), List.class);
  }

  /** {@code XNextStep}: the sealed union of the tools. */
  static TypeSpec union(ClassName prompt, ClassName union, List<ClassName> tools) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(union)
        .addJavadoc("The next step the model may choose for {@link $T}: one of its tools.\n", prompt)
        .addJavadoc("\n<p>Sealed, so a {@code switch} over it must handle every tool.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED);
    for (ClassName tool : tools) {
      type.addPermittedSubclass(tool);
    }
    return type.build();
  }

  /** {@code XHandler<R>}: one method per tool and an exhaustive {@code handle}. */
  static TypeSpec handler(PromptModel prompt) {
    TypeVariableName r = TypeVariableName.get("R");
    TypeSpec.Builder handler = TypeSpec.interfaceBuilder(prompt.handler())
        .addJavadoc("Handles each step of {@link $T}. Implement one method per tool; {@link #handle}\n",
            prompt.type())
        .addJavadoc("dispatches with an exhaustive switch, so a new tool breaks every handler that\n")
        .addJavadoc("does not handle it.\n\n@param <R> what handling a step returns\n")
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariable(r);
    List<String> methods = new ArrayList<>();
    NameAllocator names = new NameAllocator();
    names.newName("handle");
    for (ToolModel tool : prompt.tools()) {
      String name = names.newName(Naming.lowerCamel(tool.type().simpleName()));
      methods.add(name);
      handler.addMethod(MethodSpec.methodBuilder(name)
          .addJavadoc("Handles {@link $T} ({@code $L}).\n\n", tool.type(), tool.intent())
          .addJavadoc("@param call the step\n@return what the model reads as the result\n")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(r)
          .addParameter(tool.type(), "call")
          .build());
    }
    CodeBlock.Builder dispatch = CodeBlock.builder().add("return switch (step) {\n").indent();
    for (int i = 0; i < prompt.tools().size(); i++) {
      dispatch.add("case $T call -> $N(call);\n", prompt.tools().get(i).type(), methods.get(i));
    }
    dispatch.unindent().add("};\n");
    handler.addMethod(MethodSpec.methodBuilder("handle")
        .addJavadoc("Dispatches {@code step} to the method of its tool.\n\n")
        .addJavadoc("@param step the step\n@return what its method returns\n")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .returns(r)
        .addParameter(prompt.union(), "step")
        .addCode(dispatch.build())
        .build());
    return handler.build();
  }

  /** {@code XTools}: schemas, tool definitions and the codec. */
  static TypeSpec tools(PromptModel prompt) {
    ClassName self = prompt.toolsClass();
    ClassName union = prompt.union();
    NameAllocator names = new NameAllocator();
    for (String member : List.of("parse", "parseWithRepairs", "parseStrict", "fromToolCall",
        "toJson", "argumentsJson", "intentOf", "requiresApproval", "openAiTools", "anthropicTools",
        "readArguments", "fastStep", "fastCall", "fastMember", "readStep", "readCall", "readMember",
        "writeStep", "fastAny", "parseSteps", "fromToolCalls", "TOOLS", "INTENTS", "NAMES", "SHAPES", "SCHEMAS",
        "UNION_SCHEMA", "STEPS_SCHEMA", "OPENAI_TOOLS", "ANTHROPIC_TOOLS",
        "CODEC", "Codec")) {
      names.newName(member);
    }
    CodecWriter codec = new CodecWriter(self, prompt.tools(), List.of(), names, true);
    TypeName stringList = ParameterizedTypeName.get(List.class, String.class);
    TypeName stringMap = ParameterizedTypeName.get(Map.class, String.class, String.class);
    ClassName parseException = PARSE_EXCEPTION;
    String example = prompt.tools().getFirst().intent();

    TypeSpec.Builder tools = TypeSpec.classBuilder(self)
        .addJavadoc("Schemas, tool definitions and the JSON codec of {@link $T}, generated without\n",
            prompt.type())
        .addJavadoc("reflection from its tools.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);

    List<CodeBlock> toolElements = new ArrayList<>();
    List<String> intents = new ArrayList<>();
    for (ToolModel tool : prompt.tools()) {
      intents.add(tool.intent());
      toolElements.add(CodeBlock.of("new $T($S, $L,\n    $L,\n    $L,\n    $T.$L)", TOOL,
          tool.intent(), text(tool.description()), text(SchemaWriter.propertiesJson(tool)),
          text(SchemaWriter.requiredJson(tool)), STEP_KIND, tool.kind().name()));
    }
    tools.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), TOOL),
            "TOOLS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(chunkedList(tools, names, "tools", TOOL, toolElements))
        .build());
    tools.addField(FieldSpec.builder(stringList, "INTENTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", List.class, CodecWriter.strings(intents))
        .build());
    tools.addField(FieldSpec.builder(String[].class, "NAMES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("INTENTS.toArray(new String[0])")
        .build());
    tools.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class),
            CodecWriter.SHAPE), "SHAPES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(chunkedList(tools, names, "shapes", CodecWriter.SHAPE, CodecWriter.shapeElements(
            prompt.tools().stream().map(t -> new CodecWriter.Shaped(t.intent(), t.asRecord())).toList())))
        .build());
    tools.addFields(codec.fields());
    tools.addTypes(codec.holders());
    Optional<MethodSpec> anyMember = codec.anyMemberReader(prompt.tools(), "fastAny", union, "NAMES");
    codec.anyNamesField(union).ifPresent(tools::addField);
    tools.addField(FieldSpec.builder(stringMap, "SCHEMAS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The JSON Schema (Draft 2020-12, OpenAI strict) of each tool of {@link $T}, by\n", prompt.type())
        .addJavadoc("intent, in the order the prompt lists them. Each carries its {@code intent}.\n")
        .initializer("$T.schemas(TOOLS)", TOOL_JSON)
        .build());
    tools.addField(FieldSpec.builder(String.class, "UNION_SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The schema of {@link $T}: an object whose {@code $L} property is any of the\n",
            union, Naming.UNION_WRAPPER)
        .addJavadoc("tools, usable as a strict response format. {@link #parse} reads it, too.\n")
        .initializer("$T.union(SCHEMAS)", TOOL_JSON)
        .build());
    tools.addField(FieldSpec.builder(String.class, "STEPS_SCHEMA", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.steps(SCHEMAS)", TOOL_JSON)
        .build());
    tools.addField(FieldSpec.builder(String.class, "OPENAI_TOOLS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.openAi(TOOLS)", TOOL_JSON)
        .build());
    tools.addField(FieldSpec.builder(String.class, "ANTHROPIC_TOOLS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.anthropic(TOOLS)", TOOL_JSON)
        .build());
    tools.addField(FieldSpec.builder(ParameterizedTypeName.get(STEP_CODEC, union), "CODEC",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("This class as the runtime's {@link $T}, for the loop, thread and stores.\n", STEP_CODEC)
        .initializer("new Codec()")
        .build());

    tools.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    tools.addMethod(MethodSpec.methodBuilder("openAiTools")
        .addJavadoc("The tools as OpenAI chat-completions {@code tools}: a JSON array of functions named\n")
        .addJavadoc("by intent, with {@code strict: true}.\n\n@return the JSON array\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addStatement("return OPENAI_TOOLS")
        .build());
    tools.addMethod(MethodSpec.methodBuilder("anthropicTools")
        .addJavadoc("The tools as Anthropic messages {@code tools}: a JSON array of\n")
        .addJavadoc("{@code {name, description, input_schema}}.\n\n@return the JSON array\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addStatement("return ANTHROPIC_TOOLS")
        .build());
    tools.addMethod(MethodSpec.methodBuilder("parse")
        .addJavadoc("Reads the model's output as a step of {@link $T}.\n\n", prompt.type())
        .addJavadoc("@param modelOutput the output: JSON, possibly inside prose or a fenced block\n")
        .addJavadoc("@return the step\n")
        .addJavadoc("@throws $T if it is not one valid step; the message is written for the model\n",
            parseException)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(union)
        .addParameter(String.class, "modelOutput")
        .addStatement("return $T.value(modelOutput, $T::fastStep, $T::readStep)", PARSING, self, self)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("parseWithRepairs")
        .addJavadoc("Like {@link #parse}, and tells which repairs and coercions the output needed.\n\n")
        .addJavadoc("@param modelOutput the output: JSON, possibly inside prose or a fenced block\n")
        .addJavadoc("@return the step and its repairs\n")
        .addJavadoc("@throws $T if it is not one valid step\n", parseException)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(PARSED, union))
        .addParameter(String.class, "modelOutput")
        .addStatement("return parseWithRepairs(modelOutput, $T.IGNORE)", UNKNOWN_PROPERTIES)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("parseWithRepairs")
        .addJavadoc("Like {@link #parseWithRepairs(String)}; with {@link $T#REJECT}, properties that no\n",
            UNKNOWN_PROPERTIES)
        .addJavadoc("component names are problems instead of repairs.\n\n")
        .addJavadoc("@param modelOutput the output: JSON, possibly inside prose or a fenced block\n")
        .addJavadoc("@param unknownProperties what to do with properties that no component names\n")
        .addJavadoc("@return the step and its repairs\n")
        .addJavadoc("@throws $T if it is not one valid step\n", parseException)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(PARSED, union))
        .addParameter(String.class, "modelOutput")
        .addParameter(UNKNOWN_PROPERTIES, "unknownProperties")
        .addStatement("return $T.parse(modelOutput, $T::fastStep, $T::readStep, unknownProperties)",
            PARSING, self, self)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("parseStrict")
        .addJavadoc("Reads exactly one well-formed JSON step, with no search and no repairs of the text:\n")
        .addJavadoc("for JSON a program wrote.\n\n")
        .addJavadoc("@param json one JSON object\n@return the step\n")
        .addJavadoc("@throws $T if it is not strict JSON of one valid step\n", parseException)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(union)
        .addParameter(String.class, "json")
        .addStatement("return $T.parseStrict(json, $T::fastStep, $T::readStep)", PARSING, self, self)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("fromToolCall")
        .addJavadoc("Reads a native tool call: {@code name} is the tool's intent, matched exactly, else\n")
        .addJavadoc("ignoring case and separators.\n\n")
        .addJavadoc("@param name the tool's name as the model called it\n")
        .addJavadoc("@param argumentsJson the call's arguments\n@return the step\n")
        .addJavadoc("@throws $T if the name is no tool of {@link $T} or the arguments do not fit\n",
            parseException, prompt.type())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(union)
        .addParameter(String.class, "name")
        .addParameter(String.class, "argumentsJson")
        .addStatement("return $T.arguments(argumentsJson, in -> fastCall(in, name), (d, value) -> readCall(d, name, value))",
            PARSING)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("parseSteps")
        .addJavadoc("Reads several steps of {@link $T} from the model's output, for a turn that does\n",
            prompt.type())
        .addJavadoc("several things at once: a JSON array of steps, an object whose\n")
        .addJavadoc("{@code $L} holds them, or one step.\n\n", "next_steps")
        .addJavadoc("@param modelOutput the output: JSON, possibly inside prose or a fenced block\n")
        .addJavadoc("@return the steps, at least one, in order\n")
        .addJavadoc("@throws $T if they are not valid steps; the message is written for the model\n",
            parseException)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), union))
        .addParameter(String.class, "modelOutput")
        .addStatement("return $T.parse(modelOutput, null, (d, value) -> $T.steps(d, value, $T.STEPS_WRAPPER, $T::readStep), $T.IGNORE).value()",
            PARSING, CodecWriter.UNIONS, TOOL_JSON, self, UNKNOWN_PROPERTIES)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("fromToolCalls")
        .addJavadoc("Reads every native tool call of one answer, in order: all of them, or none.\n\n")
        .addJavadoc("@param calls the calls, as the model made them\n@return one step per call\n")
        .addJavadoc("@throws $T naming each call that is no tool of {@link $T} or whose arguments do\n",
            parseException, prompt.type())
        .addJavadoc("    not fit\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), union))
        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), TOOL_CALL), "calls")
        .addStatement("return $T.readAll(calls, $T::fromToolCall)", TOOL_CALL, self)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("toJson")
        .addJavadoc("The step as a JSON object with its {@code intent}.\n\n")
        .addJavadoc("@param step the step\n@return the JSON text\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addParameter(union, "step")
        .addStatement("return $T.write(out -> writeStep(out, step, true))", CodecWriter.JSON_WRITER)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("argumentsJson")
        .addJavadoc("The step's arguments as a JSON object, without {@code intent}: a tool call's arguments.\n\n")
        .addJavadoc("@param step the step\n@return the JSON text\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addParameter(union, "step")
        .addStatement("return $T.write(out -> writeStep(out, step, false))", CodecWriter.JSON_WRITER)
        .build());

    CodeBlock.Builder intentSwitch = CodeBlock.builder().add("return switch (step) {\n").indent();
    CodeBlock.Builder approvalSwitch = CodeBlock.builder().add("return switch (step) {\n").indent();
    CodeBlock.Builder fastSwitch = CodeBlock.builder().add("return switch (name) {\n").indent();
    CodeBlock.Builder fastIndexSwitch = CodeBlock.builder().add("return switch (index) {\n").indent();
    CodeBlock.Builder readSwitch = CodeBlock.builder().add("return switch (index) {\n").indent();
    CodeBlock.Builder writeSwitch = CodeBlock.builder();
    for (int i = 0; i < prompt.tools().size(); i++) {
      ToolModel tool = prompt.tools().get(i);
      intentSwitch.add("case $T call -> $S;\n", tool.type(), tool.intent());
      approvalSwitch.add("case $T call -> $L;\n", tool.type(), tool.approval());
      if (codec.hasFastReader(tool.asRecord())) {
        fastSwitch.add("case $S -> $N(in, 0L);\n", tool.intent(), codec.fastReader(tool.type()));
        fastIndexSwitch.add("case $L -> $N(in, seen);\n", i, codec.fastReader(tool.type()));
      }
      readSwitch.add("case $L -> $N(d, object);\n", i, codec.reader(tool.type()));
      writeSwitch.add("case $T call -> $N(out, call);\n", tool.type(), codec.fieldsWriter(tool.type()));
    }
    fastSwitch.add("default -> throw $T.bail();\n", CodecWriter.JSON_READER);
    fastIndexSwitch.add("default -> throw $T.bail();\n", CodecWriter.JSON_READER);
    readSwitch.add("default -> throw new $T($S + index);\n", IllegalStateException.class, "no tool ");
    for (CodeBlock.Builder block : List.of(intentSwitch, approvalSwitch, fastSwitch, fastIndexSwitch, readSwitch)) {
      block.unindent().add("};\n");
    }
    tools.addMethod(MethodSpec.methodBuilder("intentOf")
        .addJavadoc("The intent of a step, such as {@code $L}: its tool's name for providers.\n\n", example)
        .addJavadoc("@param step the step\n@return its intent\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addParameter(union, "step")
        .addCode(intentSwitch.build())
        .build());
    tools.addMethod(MethodSpec.methodBuilder("requiresApproval")
        .addJavadoc("Whether the step's tool is declared {@code @Tool(approval = true)}.\n\n")
        .addJavadoc("@param step the step\n@return whether a human approves each call first\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(boolean.class)
        .addParameter(union, "step")
        .addCode(approvalSwitch.build())
        .build());
    tools.addMethod(MethodSpec.methodBuilder("readArguments")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(String.class, "intent")
        .addParameter(String.class, "argumentsJson")
        .addStatement("int index = INTENTS.indexOf(intent)")
        .beginControlFlow("if (index < 0)")
        .addStatement("throw new $T($S + intent + $S + INTENTS)", parseException, "no tool \"",
            "\"; the tools are ")
        .endControlFlow()
        .addStatement("return $T.parseStrict(argumentsJson, in -> fastMember(in, index, 0L), (d, value) -> readMember(d, index, value))",
            PARSING)
        .build());
    tools.addMethod(MethodSpec.methodBuilder("fastStep")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(CodecWriter.JSON_READER, "in")
        .addStatement("int index = in.leadingIndex($S, NAMES)", Naming.INTENT)
        .addCode(anyMember.isPresent()
            ? CodeBlock.of("return index < 0 ? fastAny(in) : fastMember(in, index, 1L);\n")
            : CodeBlock.of("return index < 0 ? fastMember(in, in.peekIndex($S, NAMES), 0L) : fastMember(in, index, 1L);\n",
                Naming.INTENT))
        .build());
    anyMember.ifPresent(tools::addMethod);
    tools.addMethod(MethodSpec.methodBuilder("fastMember")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(CodecWriter.JSON_READER, "in")
        .addParameter(int.class, "index")
        .addParameter(long.class, "seen")
        .addCode(fastIndexSwitch.build())
        .build());
    tools.addMethod(MethodSpec.methodBuilder("fastCall")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(CodecWriter.JSON_READER, "in")
        .addParameter(String.class, "name")
        .addCode(fastSwitch.build())
        .build());
    tools.addMethod(MethodSpec.methodBuilder("readStep")
        .addJavadoc("Reads a step from the tree, for this class and for {@code $T}, whose answers may\n",
            prompt.prompts())
        .addJavadoc("hold steps.\n")
        .addModifiers(Modifier.STATIC)
        .returns(union)
        .addParameter(CodecWriter.DECODER, "d")
        .addParameter(CodecWriter.JSON_VALUE, "value")
        .addStatement("$T tagged = $T.step(d, value, $S, $S, SHAPES)", CodecWriter.TAGGED,
            CodecWriter.UNIONS, Naming.UNION_WRAPPER, Naming.INTENT)
        .addStatement("return tagged == null ? null : readMember(d, tagged.index(), tagged.object())")
        .build());
    tools.addMethod(MethodSpec.methodBuilder("readCall")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(CodecWriter.DECODER, "d")
        .addParameter(String.class, "name")
        .addParameter(CodecWriter.JSON_VALUE, "value")
        .addStatement("int index = $T.member(d, name, $S, SHAPES)", CodecWriter.UNIONS, Naming.INTENT)
        .addStatement("$T object = index < 0 ? null : d.object(value)", CodecWriter.JSON_OBJECT)
        .beginControlFlow("if (object == null)")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T.agrees(d, object, $S, SHAPES, index)", CodecWriter.UNIONS, Naming.INTENT)
        .addStatement("return readMember(d, index, object)")
        .build());
    tools.addMethod(MethodSpec.methodBuilder("readMember")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(CodecWriter.DECODER, "d")
        .addParameter(int.class, "index")
        .addParameter(CodecWriter.JSON_VALUE, "object")
        .addCode(readSwitch.build())
        .build());
    tools.addMethod(MethodSpec.methodBuilder("writeStep")
        .addJavadoc("Writes a step, with its intent when {@code withIntent}, for this class and for\n")
        .addJavadoc("{@code $T}.\n", prompt.prompts())
        .addModifiers(Modifier.STATIC)
        .addParameter(CodecWriter.JSON_WRITER, "out")
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
    return tools.build();
  }

  private static TypeSpec codecClass(PromptModel prompt) {
    ClassName union = prompt.union();
    ClassName self = prompt.toolsClass();
    TypeName stringMap = ParameterizedTypeName.get(Map.class, String.class, String.class);
    TypeSpec.Builder codec = TypeSpec.classBuilder("Codec")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(STEP_CODEC, union));
    codec.addMethod(override("stepType", ParameterizedTypeName.get(ClassName.get(Class.class), union))
        .addStatement("return $T.class", union).build());
    codec.addMethod(override("intents", ParameterizedTypeName.get(List.class, String.class))
        .addStatement("return INTENTS").build());
    codec.addMethod(override("intentOf", ClassName.get(String.class)).addParameter(union, "step")
        .addStatement("return $T.intentOf(step)", self).build());
    codec.addMethod(override("toJson", ClassName.get(String.class)).addParameter(union, "step")
        .addStatement("return $T.toJson(step)", self).build());
    codec.addMethod(override("argumentsJson", ClassName.get(String.class)).addParameter(union, "step")
        .addStatement("return $T.argumentsJson(step)", self).build());
    codec.addMethod(override("writeArguments", TypeName.VOID)
        .addParameter(CodecWriter.JSON_WRITER, "out").addParameter(union, "step")
        .addStatement("writeStep(out, step, false)").build());
    codec.addMethod(override("parse", union).addParameter(String.class, "modelOutput")
        .addStatement("return $T.parse(modelOutput)", self).build());
    codec.addMethod(override("fromToolCall", union).addParameter(String.class, "name")
        .addParameter(String.class, "argumentsJson")
        .addStatement("return $T.fromToolCall(name, argumentsJson)", self).build());
    codec.addMethod(override("readArguments", union).addParameter(String.class, "intent")
        .addParameter(String.class, "argumentsJson")
        .addStatement("return $T.readArguments(intent, argumentsJson)", self).build());
    codec.addMethod(override("requiresApproval", TypeName.BOOLEAN).addParameter(union, "step")
        .addStatement("return $T.requiresApproval(step)", self).build());
    codec.addMethod(override("tools", ParameterizedTypeName.get(ClassName.get(List.class), TOOL))
        .addStatement("return TOOLS").build());
    codec.addMethod(override("schemas", stringMap).addStatement("return SCHEMAS").build());
    codec.addMethod(override("unionSchema", ClassName.get(String.class)).addStatement("return UNION_SCHEMA").build());
    codec.addMethod(override("stepsSchema", ClassName.get(String.class)).addStatement("return STEPS_SCHEMA").build());
    codec.addMethod(override("parseSteps", ParameterizedTypeName.get(ClassName.get(List.class), union))
        .addParameter(String.class, "modelOutput")
        .addStatement("return $T.parseSteps(modelOutput)", self).build());
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
