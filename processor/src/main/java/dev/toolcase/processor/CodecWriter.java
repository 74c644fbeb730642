package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.toolcase.processor.TypeModel.Component;
import dev.toolcase.processor.TypeModel.EnumType;
import dev.toolcase.processor.TypeModel.ListType;
import dev.toolcase.processor.TypeModel.MapType;
import dev.toolcase.processor.TypeModel.Member;
import dev.toolcase.processor.TypeModel.OptionalType;
import dev.toolcase.processor.TypeModel.RecordType;
import dev.toolcase.processor.TypeModel.Scalar;
import dev.toolcase.processor.TypeModel.UnionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the private reader and writer methods of one {@code XTools} class: one method pair per
 * record, enum and nested union reachable from the tools, named after the type. Readers go
 * through the runtime's {@code Decoder}, writers through its {@code JsonOutput}; no reflection.
 */
final class CodecWriter {

  static final ClassName DECODER = ClassName.get("dev.toolcase.json", "Decoder");
  static final ClassName SHAPE = DECODER.nestedClass("Shape");
  static final ClassName TAGGED = DECODER.nestedClass("Tagged");
  static final ClassName JSON_OUTPUT = ClassName.get("dev.toolcase.json", "JsonOutput");
  static final ClassName JSON_NODE = ClassName.get("tools.jackson.databind", "JsonNode");

  private final ClassName owner;
  /** Every named type to read and write, in the order first reached. */
  private final Map<TypeName, TypeModel> named = new LinkedHashMap<>();
  /** Discriminator properties each record may carry besides its components. */
  private final Map<TypeName, Set<String>> tags = new LinkedHashMap<>();
  private final Map<TypeName, String> baseNames = new LinkedHashMap<>();
  /** Records written as values of their own (components), not only as tools or union members. */
  private final Set<TypeName> standalone = new LinkedHashSet<>();
  private final NameAllocator names = new NameAllocator();

  /**
   * @param owner the generated class the methods go into
   * @param tools the tools, read and written with their {@code intent}
   * @param others further records and enums to read and write
   * @param reserved names of the owner's own members, which the methods must not take
   */
  CodecWriter(ClassName owner, List<ToolModel> tools, List<TypeModel> others, List<String> reserved) {
    this.owner = owner;
    reserved.forEach(names::newName);
    for (ToolModel tool : tools) {
      registerRecord(tool.asRecord());
      tags.get(tool.type()).add(Naming.INTENT);
    }
    others.forEach(this::register);
  }

  private void registerRecord(RecordType record) {
    if (addNamed(record.javaType(), record)) {
      tags.put(record.javaType(), new LinkedHashSet<>());
      record.components().forEach(c -> register(c.type()));
    }
  }

  private void register(TypeModel type) {
    switch (type) {
      case Scalar scalar -> { }
      case EnumType enumType -> addNamed(enumType.javaType(), enumType);
      case RecordType record -> {
        registerRecord(record);
        standalone.add(record.javaType());
      }
      case UnionType union -> {
        if (addNamed(union.javaType(), union)) {
          for (Member member : union.members()) {
            registerRecord(member.record());
            tags.get(member.record().javaType()).add(Naming.NESTED_DISCRIMINATOR);
          }
        }
      }
      case ListType list -> register(list.element());
      case MapType map -> register(map.value());
      case OptionalType optional -> register(optional.value());
    }
  }

  private boolean addNamed(ClassName type, TypeModel model) {
    if (named.containsKey(type)) {
      return false;
    }
    named.put(type, model);
    baseNames.put(type, names.newName(String.join("", type.simpleNames())));
    return true;
  }

  /** {@code readX}, the reader method of a named type. */
  String reader(TypeName type) {
    return "read" + baseNames.get(type);
  }

  /** {@code writeX}, the writer method of a named type. */
  String writer(TypeName type) {
    return "write" + baseNames.get(type);
  }

  /** {@code writeXFields}, the writer of a record's properties without the braces. */
  String fieldsWriter(TypeName type) {
    return "write" + baseNames.get(type) + "Fields";
  }

  /** The constant holding a record's known property names. */
  String propertiesConstant(TypeName type) {
    return Naming.constant(Naming.intentOf(baseNames.get(type))) + "_PROPERTIES";
  }

  /** The constant holding a nested union's member shapes. */
  String shapesConstant(TypeName type) {
    return Naming.constant(Naming.intentOf(baseNames.get(type))) + "_SHAPES";
  }

  /** The constants the methods use. */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    for (TypeModel type : named.values()) {
      if (type instanceof RecordType record) {
        List<String> properties = new ArrayList<>(tags.get(record.javaType()));
        record.components().forEach(c -> properties.add(c.name()));
        fields.add(FieldSpec.builder(
                ParameterizedTypeName.get(Set.class, String.class), propertiesConstant(record.javaType()),
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", Set.class, strings(properties))
            .build());
      } else if (type instanceof UnionType union) {
        fields.add(shapes(shapesConstant(union.javaType()),
            union.members().stream().map(m -> new Shaped(m.tag(), m.record())).toList()));
      }
    }
    return fields;
  }

  /** A member of a union as inference sees it. */
  record Shaped(String tag, RecordType record) {}

  /** A {@code List<Decoder.Shape>} constant for inferring a missing discriminator. */
  static FieldSpec shapes(String name, List<Shaped> members) {
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class).indent();
    for (int i = 0; i < members.size(); i++) {
      Shaped member = members.get(i);
      List<String> required = new ArrayList<>();
      List<String> all = new ArrayList<>();
      for (Component component : member.record().components()) {
        all.add(component.name());
        if (!(component.type() instanceof OptionalType)) {
          required.add(component.name());
        }
      }
      list.add("\nnew $T($S, $T.of($L), $T.of($L))$L", SHAPE, member.tag(), List.class,
          strings(required), List.class, strings(all), i + 1 < members.size() ? "," : "");
    }
    list.unindent().add(")");
    return FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), SHAPE), name,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(list.build())
        .build();
  }

  static CodeBlock strings(List<String> values) {
    List<CodeBlock> parts = new ArrayList<>();
    for (String value : values) {
      parts.add(CodeBlock.of("$S", value));
    }
    return CodeBlock.join(parts, ", ");
  }

  /** The reader and writer methods of every named type. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    for (TypeModel type : named.values()) {
      switch (type) {
        case RecordType record -> {
          methods.add(recordReader(record));
          if (standalone.contains(record.javaType())) {
            methods.add(recordWriter(record));
          }
          methods.add(fieldsWriter(record));
        }
        case EnumType enumType -> methods.add(enumReader(enumType));
        case UnionType union -> {
          methods.add(unionReader(union));
          methods.add(unionWriter(union));
        }
        default -> throw new IllegalStateException("not a named type: " + type);
      }
    }
    return methods;
  }

  private MethodSpec recordReader(RecordType record) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(reader(record.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record.javaType())
        .addParameter(DECODER, "d")
        .addParameter(JSON_NODE, "node");
    method.addStatement("$T object = d.object(node)", JSON_NODE);
    method.beginControlFlow("if (object == null)").addStatement("return null").endControlFlow();
    NameAllocator locals = new NameAllocator();
    for (String reserved : List.of("d", "node", "object", "mark")) {
      locals.newName(reserved);
    }
    List<String> arguments = new ArrayList<>();
    if (!record.components().isEmpty()) {
      method.addStatement("int mark = d.mark()");
    }
    for (Component component : record.components()) {
      String local = locals.newName(component.name());
      arguments.add(local);
      if (component.type() instanceof OptionalType optional) {
        method.addStatement("$T $N = d.optional(object, $S, $L)",
            optional.javaType(), local, component.name(), readerOf(optional.value(), 1));
      } else {
        method.addStatement("$T $N = d.required(object, $S, $L)",
            component.type().javaType().box(), local, component.name(), readerOf(component.type(), 1));
      }
    }
    method.addStatement("d.unknownProperties(object, $N)", propertiesConstant(record.javaType()));
    if (record.components().isEmpty()) {
      method.addStatement("return new $T()", record.javaType());
    } else {
      method.addStatement("return d.failedSince(mark) ? null : new $T($L)",
          record.javaType(), String.join(", ", arguments));
    }
    return method.build();
  }

  private MethodSpec recordWriter(RecordType record) {
    return MethodSpec.methodBuilder(writer(record.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(JSON_OUTPUT, "out")
        .addParameter(record.javaType(), "value")
        .beginControlFlow("if (value == null)")
        .addStatement("out.nullValue()")
        .addStatement("return")
        .endControlFlow()
        .addStatement("out.beginObject()")
        .addStatement("$N(out, value)", fieldsWriter(record.javaType()))
        .addStatement("out.endObject()")
        .build();
  }

  private MethodSpec fieldsWriter(RecordType record) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(fieldsWriter(record.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(JSON_OUTPUT, "out")
        .addParameter(record.javaType(), "value");
    for (Component component : record.components()) {
      CodeBlock value = CodeBlock.of("value.$N()", component.name());
      method.addStatement("out.name($S).$L", component.name(), write(component.type(), value, 0));
    }
    return method.build();
  }

  private MethodSpec enumReader(EnumType type) {
    return MethodSpec.methodBuilder(reader(type.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type.javaType())
        .addParameter(DECODER, "d")
        .addParameter(JSON_NODE, "node")
        .addStatement("return d.enumValue(node, $T.values())", type.javaType())
        .build();
  }

  private MethodSpec unionReader(UnionType union) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(reader(union.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union.javaType())
        .addParameter(DECODER, "d")
        .addParameter(JSON_NODE, "node")
        .addStatement("$T tagged = d.tagged(node, $S, $N)", TAGGED, Naming.NESTED_DISCRIMINATOR,
            shapesConstant(union.javaType()))
        .beginControlFlow("if (tagged == null)")
        .addStatement("return null")
        .endControlFlow();
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (tagged.tag()) {\n").indent();
    List<String> tagNames = new ArrayList<>();
    for (Member member : union.members()) {
      tagNames.add(member.tag());
      cases.add("case $S -> $N(d, tagged.object());\n", member.tag(), reader(member.record().javaType()));
    }
    cases.add("default -> d.unknownMember($S, tagged.tag(), $T.of($L));\n",
        Naming.NESTED_DISCRIMINATOR, List.class, strings(tagNames));
    cases.unindent().add("};\n");
    return method.addCode(cases.build()).build();
  }

  private MethodSpec unionWriter(UnionType union) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(writer(union.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(JSON_OUTPUT, "out")
        .addParameter(union.javaType(), "value")
        .beginControlFlow("if (value == null)")
        .addStatement("out.nullValue()")
        .addStatement("return")
        .endControlFlow()
        .addStatement("out.beginObject()")
        .beginControlFlow("switch (value)");
    for (Member member : union.members()) {
      method.beginControlFlow("case $T member ->", member.record().javaType())
          .addStatement("out.name($S).value($S)", Naming.NESTED_DISCRIMINATOR, member.tag())
          .addStatement("$N(out, member)", fieldsWriter(member.record().javaType()))
          .endControlFlow();
    }
    return method.endControlFlow().addStatement("out.endObject()").build();
  }

  /**
   * A {@code Decoder.Reader} expression for {@code type}. Lambdas name their parameters after
   * {@code depth} ({@code d1}, {@code n1}, ...) so nested ones never shadow the method's {@code d}.
   */
  CodeBlock readerOf(TypeModel type, int depth) {
    String d = "d" + depth;
    String n = "n" + depth;
    return switch (type) {
      case Scalar scalar -> CodeBlock.of("$T::$N", DECODER, scalar.kind().decoderMethod);
      case EnumType e -> CodeBlock.of("$T::$N", owner, reader(e.javaType()));
      case RecordType r -> CodeBlock.of("$T::$N", owner, reader(r.javaType()));
      case UnionType u -> CodeBlock.of("$T::$N", owner, reader(u.javaType()));
      case ListType list -> CodeBlock.of("($N, $N) -> $N.$N($N, $L)", d, n, d,
          list.set() ? "set" : "list", n, readerOf(list.element(), depth + 1));
      case MapType map -> CodeBlock.of("($N, $N) -> $N.map($N, $L)", d, n, d, n,
          readerOf(map.value(), depth + 1));
      case OptionalType optional ->
          throw new IllegalStateException("Optional is read as a component: " + optional);
    };
  }

  /**
   * The call that writes {@code value} of {@code type}, chained after {@code out.name(...)}:
   * {@code value(...)}, {@code array(...)}, or {@code write(XTools::writeX, ...)}.
   */
  CodeBlock write(TypeModel type, CodeBlock value, int depth) {
    return switch (type) {
      case Scalar scalar -> CodeBlock.of("value($L)", value);
      case EnumType e -> CodeBlock.of("value($L)", value);
      case RecordType r -> CodeBlock.of("write($L, $T::$N)", value, owner, writer(r.javaType()));
      case UnionType u -> CodeBlock.of("write($L, $T::$N)", value, owner, writer(u.javaType()));
      case ListType list -> CodeBlock.of("array($L, $L)", value, writerOf(list.element(), depth + 1));
      case MapType map -> CodeBlock.of("entries($L, $L)", value, writerOf(map.value(), depth + 1));
      case OptionalType optional ->
          CodeBlock.of("optional($L, $L)", value, writerOf(optional.value(), depth + 1));
    };
  }

  /** A {@code JsonOutput.Writer} expression for {@code type}. */
  private CodeBlock writerOf(TypeModel type, int depth) {
    String o = depth <= 1 ? "o" : "o" + depth;
    String v = depth <= 1 ? "v" : "v" + depth;
    return switch (type) {
      case Scalar scalar -> CodeBlock.of("$T::value", JSON_OUTPUT);
      case EnumType e -> CodeBlock.of("$T::value", JSON_OUTPUT);
      case RecordType r -> CodeBlock.of("$T::$N", owner, writer(r.javaType()));
      case UnionType u -> CodeBlock.of("$T::$N", owner, writer(u.javaType()));
      case ListType list -> CodeBlock.of("($N, $N) -> $N.array($N, $L)", o, v, o, v,
          writerOf(list.element(), depth + 1));
      case MapType map -> CodeBlock.of("($N, $N) -> $N.entries($N, $L)", o, v, o, v,
          writerOf(map.value(), depth + 1));
      case OptionalType optional ->
          throw new IllegalStateException("Optional is written as a component: " + optional);
    };
  }
}
