package dev.toolcase.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.toolcase.processor.TypeModel.Component;
import dev.toolcase.processor.TypeModel.EnumType;
import dev.toolcase.processor.TypeModel.JsonType;
import dev.toolcase.processor.TypeModel.ListType;
import dev.toolcase.processor.TypeModel.MapType;
import dev.toolcase.processor.TypeModel.Member;
import dev.toolcase.processor.TypeModel.OptionalType;
import dev.toolcase.processor.TypeModel.RecordType;
import dev.toolcase.processor.TypeModel.Scalar;
import dev.toolcase.processor.TypeModel.StepType;
import dev.toolcase.processor.TypeModel.UnionType;
import dev.toolcase.processor.TypeModel.Unsupported;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the private readers and writers of one generated class: for each record, enum and nested
 * union reachable from the tools, a fast reader ({@code fastX}, strict JSON straight into the
 * type with the runtime's {@code JsonReader}), a reader of the tree ({@code readX}, with
 * {@code Decoder}: repairs, coercions and problems with their paths) and a writer
 * ({@code writeX}, with {@code JsonWriter}). No reflection; every name goes through one
 * {@link NameAllocator}.
 */
final class CodecWriter {

  static final String CODEC = "dev.toolcase.codec";
  static final ClassName DECODER = ClassName.get(CODEC, "Decoder");
  static final ClassName SCALARS = ClassName.get(CODEC, "Scalars");
  static final ClassName CONTAINERS = ClassName.get(CODEC, "Containers");
  static final ClassName UNIONS = ClassName.get(CODEC, "Unions");
  static final ClassName SHAPE = UNIONS.nestedClass("Shape");
  static final ClassName TAGGED = UNIONS.nestedClass("Tagged");
  static final ClassName JSON_WRITER = ClassName.get(CODEC, "JsonWriter");
  static final ClassName JSON_READER = ClassName.get(CODEC, "JsonReader");
  static final ClassName JSON_VALUE = ClassName.get(CODEC, "JsonValue");
  static final ClassName CHECKS = ClassName.get(CODEC, "Checks");
  static final ClassName JSON_OBJECT = ClassName.get(CODEC, "JsonObject");

  /**
   * Unions of more tools than this have no one-pass reader of any member: its last switch builds
   * every tool, and a method's code is limited to 64 KB. Their steps read fast when the intent
   * comes first, as models write it.
   */
  private static final int MAX_ANY_TOOLS = 100;

  /** Records with more names than this have no fast reader: a {@code long} tracks what was seen. */
  private static final int MAX_FAST_NAMES = 63;

  private final ClassName owner;
  private final boolean fast;
  /** Every named type to read and write, in the order first reached. */
  private final Map<TypeName, TypeModel> named = new LinkedHashMap<>();
  /** Discriminator properties each record may carry besides its components. */
  private final Map<TypeName, Set<String>> tags = new LinkedHashMap<>();
  private final Map<TypeName, String> baseNames = new LinkedHashMap<>();
  /** The value of each discriminator a record carries: its intent, its member tag. */
  private final Map<TypeName, Map<String, String>> tagValues = new LinkedHashMap<>();
  /** Records read and written as values of their own (components), not only as tools or members. */
  private final Set<TypeName> standalone = new LinkedHashSet<>();
  private final NameAllocator names;

  /**
   * @param owner the generated class the methods go into
   * @param tools the tools, read and written with their {@code intent}
   * @param others further records and enums to read and write
   * @param names the owner's name allocator, with its own members' names taken
   * @param fast whether to write fast readers and writers too, as {@code XTools} has; the
   *     structured answers of {@code XPrompts} are only read, from the tree
   */
  CodecWriter(ClassName owner, List<ToolModel> tools, List<TypeModel> others, NameAllocator names,
      boolean fast) {
    this.owner = owner;
    this.names = names;
    this.fast = fast;
    for (ToolModel tool : tools) {
      registerRecord(tool.asRecord());
      tags.get(tool.type()).add(Naming.INTENT);
      tagValues.computeIfAbsent(tool.type(), t -> new LinkedHashMap<>()).put(Naming.INTENT, tool.intent());
    }
    others.forEach(this::register);
    placeConstants();
  }

  private void registerRecord(RecordType record) {
    if (addNamed(record.javaType(), record)) {
      tags.put(record.javaType(), new LinkedHashSet<>());
      String base = Naming.constant(Naming.intentOf(baseNames.get(record.javaType())));
      for (Component component : record.components()) {
        register(component.type());
        if (checked(component)) {
          names.newName(base + "_" + Naming.constant(Naming.intentOf(component.name())) + "_"
                  + Naming.constant(checkKind(valueType(component)).simpleName()),
              checkKey(record.javaType(), component));
        }
      }
    }
  }

  private static String checkKey(TypeName record, Component component) {
    return "check:" + record + ":" + component.name();
  }

  /** Whether the decoder checks the component's value against constraints. */
  private static boolean checked(Component component) {
    return component.constraints().any() && checkKind(valueType(component)) != null;
  }

  /** The type of a component's value: inside its {@code Optional}, if it has one. */
  private static TypeModel valueType(Component component) {
    return component.type() instanceof OptionalType optional ? optional.value() : component.type();
  }

  /** The kind of {@code Checks} a value of {@code type} gets, or {@code null} for none. */
  private static ClassName checkKind(TypeModel type) {
    return switch (type) {
      case Scalar scalar when scalar.kind() == TypeModel.ScalarKind.STRING -> CHECKS.nestedClass("Text");
      case Scalar scalar when scalar.kind().numeric -> CHECKS.nestedClass("Range");
      case ListType list -> CHECKS.nestedClass("Size");
      case MapType map -> CHECKS.nestedClass("Size");
      default -> null;
    };
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
            tagValues.computeIfAbsent(member.record().javaType(), t -> new LinkedHashMap<>())
                .putIfAbsent(Naming.NESTED_DISCRIMINATOR, member.tag());
          }
        }
      }
      case ListType list -> register(list.element());
      case MapType map -> register(map.value());
      case OptionalType optional -> register(optional.value());
      case JsonType json -> { }
      case StepType step -> { }
      case Unsupported unsupported -> { }
    }
  }

  private boolean addNamed(ClassName type, TypeModel model) {
    if (named.containsKey(type)) {
      return false;
    }
    named.put(type, model);
    String base = String.join("", type.simpleNames());
    baseNames.put(type, base);
    for (String role : List.of("read", "fast", "write")) {
      names.newName(role + base, role + ":" + type);
    }
    names.newName("write" + base + "Fields", "fields:" + type);
    String constant = Naming.constant(Naming.intentOf(base));
    for (String role : List.of("PROPERTIES", "NAMES", "VALUES", "SHAPES")) {
      names.newName(constant + "_" + role, role + ":" + type);
    }
    return true;
  }

  /** {@code readX}, the tree reader of a named type. */
  String reader(TypeName type) {
    return names.get("read:" + type);
  }

  /** {@code fastX}, the fast reader of a named type. */
  String fastReader(TypeName type) {
    return names.get("fast:" + type);
  }

  /** {@code writeX}, the writer of a named type. */
  String writer(TypeName type) {
    return names.get("write:" + type);
  }

  /** {@code writeXFields}, the writer of a record's properties without the braces. */
  String fieldsWriter(TypeName type) {
    return names.get("fields:" + type);
  }

  private String rawConstant(String role, TypeName type) {
    return names.get(role + ":" + type);
  }

  /** A constant as the methods refer to it: in its holder class, when it has one. */
  private String constant(String role, TypeName type) {
    return qualified(names.get(role + ":" + type));
  }

  private String checkConstant(TypeName record, Component component) {
    return qualified(names.get(checkKey(record, component)));
  }

  private String qualified(String constant) {
    String holder = holders.get(constant);
    return holder == null ? constant : holder + "." + constant;
  }

  /** Whether the record has a fast reader. */
  boolean hasFastReader(RecordType record) {
    return fast && tags.get(record.javaType()).size() + record.components().size() <= MAX_FAST_NAMES;
  }

  // ---------------------------------------------------------------- constants

  /**
   * A class holds at most this many of the constants: they are initialised in its one static
   * initialiser, whose code the class file format limits to 64 KB.
   */
  private static final int CONSTANTS_PER_CLASS = 100;

  /** The holder class of each constant, when there are too many for one class. */
  private final Map<String, String> holders = new LinkedHashMap<>();
  private final List<String> holderNames = new ArrayList<>();

  /**
   * Puts the constants of a large catalogue into nested holder classes of
   * {@link #CONSTANTS_PER_CLASS} each (which the JVM initialises only when first used).
   */
  private void placeConstants() {
    List<FieldSpec> all = allFields();
    if (all.size() <= CONSTANTS_PER_CLASS) {
      return;
    }
    for (int i = 0; i < all.size(); i++) {
      if (i % CONSTANTS_PER_CLASS == 0) {
        holderNames.add(names.newName("Constants" + holderNames.size()));
      }
      holders.put(all.get(i).name(), holderNames.getLast());
    }
  }

  /** The constants the methods use that belong in the class itself. */
  List<FieldSpec> fields() {
    return holders.isEmpty() ? allFields() : List.of();
  }

  /** The holder classes of the constants of a large catalogue; none for a small one. */
  List<TypeSpec> holders() {
    List<TypeSpec> classes = new ArrayList<>();
    List<FieldSpec> all = allFields();
    for (int k = 0; k < holderNames.size(); k++) {
      TypeSpec.Builder holder = TypeSpec.classBuilder(holderNames.get(k))
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
      all.subList(k * CONSTANTS_PER_CLASS, Math.min(all.size(), (k + 1) * CONSTANTS_PER_CLASS))
          .forEach(holder::addField);
      classes.add(holder.build());
    }
    return classes;
  }

  private List<FieldSpec> allFields() {
    List<FieldSpec> fields = new ArrayList<>();
    ParameterizedTypeName stringSet = ParameterizedTypeName.get(Set.class, String.class);
    ArrayTypeName stringArray = ArrayTypeName.of(String.class);
    for (TypeModel type : named.values()) {
      switch (type) {
        case RecordType record -> {
          List<String> properties = propertyNames(record);
          fields.add(FieldSpec.builder(stringSet, rawConstant("PROPERTIES", record.javaType()),
                  Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("$T.of($L)", Set.class, strings(properties))
              .build());
          for (Component component : record.components()) {
            if (checked(component)) {
              fields.add(FieldSpec.builder(checkKind(valueType(component)),
                      names.get(checkKey(record.javaType(), component)), Modifier.PRIVATE,
                      Modifier.STATIC, Modifier.FINAL)
                  .initializer(checkOf(component))
                  .build());
            }
          }
          if (hasFastReader(record)) {
            fields.add(FieldSpec.builder(stringArray, rawConstant("NAMES", record.javaType()),
                    Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("{$L}", strings(properties))
                .build());
          }
        }
        case EnumType enumType -> {
          fields.add(FieldSpec.builder(ArrayTypeName.of(enumType.javaType()),
                  rawConstant("VALUES", enumType.javaType()), Modifier.PRIVATE, Modifier.STATIC,
                  Modifier.FINAL)
              .initializer("$T.values()", enumType.javaType())
              .build());
          fields.add(FieldSpec.builder(stringArray, rawConstant("NAMES", enumType.javaType()),
                  Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("{$L}", strings(enumType.jsonNames()))
              .build());
        }
        case UnionType union -> {
          fields.add(shapes(rawConstant("SHAPES", union.javaType()),
              union.members().stream().map(m -> new Shaped(m.tag(), m.record())).toList()));
          if (fast) {
            fields.add(FieldSpec.builder(stringArray, rawConstant("NAMES", union.javaType()),
                    Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("{$L}", strings(union.members().stream().map(Member::tag).toList()))
                .build());
          }
        }
        default -> throw new IllegalStateException("not a named type: " + type);
      }
    }
    return fields;
  }

  /** The {@code Checks} value of a constrained component. */
  private static CodeBlock checkOf(Component component) {
    TypeModel.Constraints c = component.constraints();
    ClassName kind = checkKind(valueType(component));
    if (kind.simpleName().equals("Range")) {
      return CodeBlock.of("new $T($L, $L, $L, $L)", kind, decimal(c.min()), c.minInclusive(),
          decimal(c.max()), c.maxInclusive());
    }
    CodeBlock max = c.maxSize() == Integer.MAX_VALUE
        ? CodeBlock.of("$T.MAX_VALUE", Integer.class) : CodeBlock.of("$L", c.maxSize());
    if (kind.simpleName().equals("Size")) {
      return CodeBlock.of("new $T($L, $L)", kind, c.minSize(), max);
    }
    CodeBlock pattern = c.pattern() == null ? CodeBlock.of("null")
        : CodeBlock.of("$T.compile($S)", java.util.regex.Pattern.class, c.pattern());
    return CodeBlock.of("new $T($L, $L, $L, $L)", kind, c.minSize(), max, pattern, c.notBlank());
  }

  private static CodeBlock decimal(String value) {
    return value == null ? CodeBlock.of("null")
        : CodeBlock.of("new $T($S)", java.math.BigDecimal.class, value);
  }

  /** The JSON names a record may carry: its discriminators, then its components. */
  private List<String> propertyNames(RecordType record) {
    List<String> properties = new ArrayList<>(tags.get(record.javaType()));
    record.components().forEach(c -> properties.add(c.jsonName()));
    return properties;
  }

  /** A member of a union as inference sees it. */
  record Shaped(String tag, RecordType record) {}

  /** A {@code List<Unions.Shape>} constant: the members' names and properties, in order. */
  static FieldSpec shapes(String name, List<Shaped> members) {
    return FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), SHAPE), name,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(listOf(shapeElements(members)))
        .build();
  }

  /** Each member as a {@code new Unions.Shape(...)} expression. */
  static List<CodeBlock> shapeElements(List<Shaped> members) {
    List<CodeBlock> elements = new ArrayList<>();
    for (Shaped member : members) {
      List<String> required = new ArrayList<>();
      List<String> all = new ArrayList<>();
      for (Component component : member.record().components()) {
        all.add(component.jsonName());
        if (component.required()) {
          required.add(component.jsonName());
        }
      }
      elements.add(CodeBlock.of("new $T($S, $T.of($L), $T.of($L))", SHAPE, member.tag(), List.class,
          strings(required), List.class, strings(all)));
    }
    return elements;
  }

  /** {@code List.of(...)} of the elements, one per line. */
  static CodeBlock listOf(List<CodeBlock> elements) {
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class).indent();
    for (int i = 0; i < elements.size(); i++) {
      list.add("\n$L$L", elements.get(i), i + 1 < elements.size() ? "," : "");
    }
    return list.unindent().add(")").build();
  }

  static CodeBlock strings(List<String> values) {
    List<CodeBlock> parts = new ArrayList<>();
    for (String value : values) {
      parts.add(CodeBlock.of("$S", value));
    }
    return CodeBlock.join(parts, ", ");
  }

  // ---------------------------------------------------------------- one pass over any member

  /**
   * {@code fastAny(in)}: a step whose {@code intent} does not come first, read in one pass. Every
   * property name of the union is read into a local of its own (so a name must have one type
   * across the tools), and the intent, wherever it comes, picks the record built from them; a
   * property another tool owns, or a missing one, gives up. Empty when the names do not allow it.
   */
  Optional<MethodSpec> anyMemberReader(List<ToolModel> tools, String name, TypeName union,
      String intentNames) {
    if (tools.size() > MAX_ANY_TOOLS) {
      return Optional.empty();
    }
    Map<String, Component> types = new LinkedHashMap<>();
    Map<String, ToolModel> owners = new LinkedHashMap<>();
    for (ToolModel tool : tools) {
      if (!hasFastReader(tool.asRecord())) {
        return Optional.empty();
      }
      for (Component component : tool.components()) {
        Component earlier = types.putIfAbsent(component.jsonName(), component);
        owners.putIfAbsent(component.jsonName(), tool);
        if (earlier != null && !(earlier.type().equals(component.type())
            && earlier.constraints().equals(component.constraints())
            && java.util.Objects.equals(earlier.defaultValue(), component.defaultValue()))) {
          return Optional.empty();
        }
      }
    }
    if (types.size() + 1 > MAX_FAST_NAMES) {
      return Optional.empty();
    }
    List<String> properties = new ArrayList<>(types.keySet());
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union)
        .addParameter(JSON_READER, "in");
    NameAllocator locals = new NameAllocator();
    for (String reserved : List.of("in", "seen", "index", "intent")) {
      locals.newName(reserved);
    }
    reserveLambdaNames(locals, "in");
    List<String> names = new ArrayList<>(List.of(Naming.INTENT));
    names.addAll(properties);
    Map<String, String> local = new LinkedHashMap<>();
    method.addStatement("int intent = -1");
    for (String property : properties) {
      Component component = types.get(property);
      String variable = locals.newName(Naming.lowerCamel(javaName(property)), property);
      local.put(property, variable);
      method.addStatement("$T $N = $L", component.type().javaType(), variable, initial(component));
    }
    method.addStatement("long seen = 0");
    method.addStatement("in.beginObject()");
    method.beginControlFlow("while (in.hasMember())");
    this.names.newName("ANY_NAMES", "ANY_NAMES:" + union);
    method.addStatement("int index = in.name($N)", constant("ANY_NAMES", union));
    method.beginControlFlow("if (index < 0 || (seen & 1L << index) != 0)")
        .addStatement("throw $T.bail()", JSON_READER)
        .endControlFlow();
    method.addStatement("seen |= 1L << index");
    method.beginControlFlow("switch (index)");
    method.addStatement("case 0 -> intent = in.stringIndex($N)", intentNames);
    for (int i = 0; i < properties.size(); i++) {
      String property = properties.get(i);
      method.addStatement("case $L -> $N = $L", i + 1, local.get(property),
          fastComponent(owners.get(property).type(), types.get(property), "in"));
    }
    method.addStatement("default -> throw $T.bail()", JSON_READER);
    method.endControlFlow();
    method.endControlFlow();
    CodeBlock.Builder build = CodeBlock.builder().add("return switch (intent) {\n").indent();
    for (int t = 0; t < tools.size(); t++) {
      ToolModel tool = tools.get(t);
      long allowed = 1;
      long required = 1;
      List<String> arguments = new ArrayList<>();
      for (Component component : tool.components()) {
        long bit = 1L << (names.indexOf(component.jsonName()));
        allowed |= bit;
        if (component.required()) {
          required |= bit;
        }
        arguments.add(local.get(component.jsonName()));
      }
      build.add("case $L -> (seen & ~$LL) != 0 || (seen & $LL) != $LL ? $T.giveUp() : new $T($L);\n",
          t, allowed, required, required, JSON_READER, tool.type(), String.join(", ", arguments));
    }
    build.add("default -> throw $T.bail();\n", JSON_READER);
    build.unindent().add("};\n");
    method.addCode(build.build());
    anyNames.put(union, names);
    return Optional.of(method.build());
  }

  /** The names {@link #anyMemberReader} reads, by union, for their constant. */
  private final Map<TypeName, List<String>> anyNames = new LinkedHashMap<>();

  /** The constant of the names the one-pass reader of {@code union} reads, if there is one. */
  Optional<FieldSpec> anyNamesField(TypeName union) {
    List<String> names = anyNames.get(union);
    return names == null ? Optional.empty() : Optional.of(FieldSpec.builder(
            ArrayTypeName.of(String.class), constant("ANY_NAMES", union), Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .initializer("{$L}", strings(names))
        .build());
  }

  /** A Java identifier for a JSON name: {@code Content-Type} gives {@code contentType}. */
  private static String javaName(String jsonName) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (int i = 0; i < jsonName.length(); i++) {
      char c = jsonName.charAt(i);
      if (Character.isJavaIdentifierPart(c) && c != '$' && c != '_') {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = name.length() > 0;
      }
    }
    return name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) ? "value" + name : name.toString();
  }

  // ---------------------------------------------------------------- methods

  /** The reader and writer methods of every named type. */
  List<MethodSpec> methods() {
    List<MethodSpec> methods = new ArrayList<>();
    for (TypeModel type : named.values()) {
      switch (type) {
        case RecordType record -> {
          if (hasFastReader(record)) {
            methods.add(recordFastReader(record));
          }
          methods.add(recordReader(record));
          if (fast && standalone.contains(record.javaType())) {
            methods.add(recordWriter(record));
          }
          if (fast) {
            methods.add(fieldsWriter(record));
          }
        }
        case EnumType enumType -> {
          if (fast) {
            methods.add(enumFastReader(enumType));
          }
          methods.add(enumReader(enumType));
          if (fast) {
            methods.add(enumWriter(enumType));
          }
        }
        case UnionType union -> {
          if (fast) {
            methods.add(unionFastReader(union));
          }
          methods.add(unionReader(union));
          if (fast) {
            methods.add(unionWriter(union));
          }
        }
        default -> throw new IllegalStateException("not a named type: " + type);
      }
    }
    return methods;
  }

  /**
   * {@code fastX(in, tag)}: the members in any order, each name exactly once; the discriminator,
   * when the record has one, must be {@code tag} if present. Gives up on anything else.
   */
  private MethodSpec recordFastReader(RecordType record) {
    boolean tagged = !tags.get(record.javaType()).isEmpty();
    MethodSpec.Builder method = MethodSpec.methodBuilder(fastReader(record.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record.javaType())
        .addParameter(JSON_READER, "in");
    if (tagged) {
      // A caller that read the opening brace and the discriminator says so with seen = 1.
      method.addParameter(long.class, "seen");
    }
    NameAllocator locals = new NameAllocator();
    for (String reserved : List.of("in", "seen", "index")) {
      locals.newName(reserved);
    }
    reserveLambdaNames(locals, "in");
    List<String> arguments = new ArrayList<>();
    Map<String, String> values = tagValues.getOrDefault(record.javaType(), Map.of());
    List<String> tagNames = new ArrayList<>(tags.get(record.javaType()));
    long requiredMask = 0;
    for (int i = 0; i < record.components().size(); i++) {
      Component component = record.components().get(i);
      String local = locals.newName(component.name(), component);
      arguments.add(local);
      method.addStatement("$T $N = $L", component.type().javaType(), local, initial(component));
      if (component.required()) {
        requiredMask |= 1L << (tagNames.size() + i);
      }
    }
    List<String> properties = propertyNames(record);
    if (tagged) {
      method.beginControlFlow("if (seen == 0)").addStatement("in.beginObject()").endControlFlow();
    } else {
      if (!properties.isEmpty()) {
        method.addStatement("long seen = 0");
      }
      method.addStatement("in.beginObject()");
    }
    method.beginControlFlow("while (in.hasMember())");
    if (properties.isEmpty()) {
      method.addStatement("throw $T.bail()", JSON_READER);
    } else {
      method.addStatement("int index = in.name($N)", constant("NAMES", record.javaType()));
      method.beginControlFlow("if (index < 0 || (seen & 1L << index) != 0)")
          .addStatement("throw $T.bail()", JSON_READER)
          .endControlFlow();
      method.addStatement("seen |= 1L << index");
      method.beginControlFlow("switch (index)");
      int index = 0;
      for (String tag : tagNames) {
        // Each record knows its own discriminator values; a member of another is the slow path's.
        String value = values.get(tag);
        if (value == null) {
          method.addStatement("case $L -> throw $T.bail()", index++, JSON_READER);
        } else {
          method.addStatement("case $L -> in.expectString($S)", index++, value);
        }
      }
      for (int i = 0; i < record.components().size(); i++) {
        Component component = record.components().get(i);
        method.addStatement("case $L -> $N = $L", index++, arguments.get(i),
            fastComponent(record.javaType(), component, "in"));
      }
      method.addStatement("default -> throw $T.bail()", JSON_READER);
      method.endControlFlow();
    }
    method.endControlFlow();
    if (requiredMask != 0) {
      method.beginControlFlow("if ((seen & $LL) != $LL)", requiredMask, requiredMask)
          .addStatement("throw $T.bail()", JSON_READER)
          .endControlFlow();
    }
    method.addStatement("return new $T($L)", record.javaType(), String.join(", ", arguments));
    return method.build();
  }

  /**
   * Takes the names the nested lambdas of a method use ({@code d1}, {@code v1}, {@code in1}, ...),
   * so no component's local is given one: a lambda's parameter may not shadow a local.
   */
  private static void reserveLambdaNames(NameAllocator locals, String... prefixes) {
    for (int depth = 1; depth <= MAX_LAMBDA_DEPTH; depth++) {
      for (String prefix : prefixes) {
        locals.newName(prefix + depth);
      }
    }
  }

  /** Deeper nesting of lists and maps than this is refused by javac's own limits long before. */
  private static final int MAX_LAMBDA_DEPTH = 16;

  /** The value a fast reader's local starts with, before its member is read: its default, if any. */
  static CodeBlock initial(Component component) {
    if (component.defaultValue() != null) {
      return defaultValue(component);
    }
    TypeModel type = component.type();
    if (type instanceof OptionalType) {
      return CodeBlock.of("$T.empty()", Optional.class);
    }
    if (type.javaType().isPrimitive()) {
      return CodeBlock.of(type.javaType().equals(TypeName.BOOLEAN) ? "false"
          : type.javaType().equals(TypeName.CHAR) ? "'\\0'" : "0");
    }
    return CodeBlock.of("null");
  }

  /**
   * The fast expression that reads a component's value from {@code in}: checked against its
   * constraints (giving up when it fails them, so the tree reader says why), and its default
   * for {@code null}.
   */
  private CodeBlock fastComponent(TypeName record, Component component, String in) {
    TypeModel type = valueType(component);
    CodeBlock value = fastValue(type, in, 1);
    if (checked(component)) {
      value = CodeBlock.of("$T.$N($L, $N)", CHECKS, type instanceof MapType ? "passedMap" : "passed",
          value, checkConstant(record, component));
    }
    if (component.type() instanceof OptionalType) {
      return CodeBlock.of("$N.nullValue() ? $T.empty() : $T.of($L)", in, Optional.class,
          Optional.class, value);
    }
    if (component.defaultValue() != null) {
      return CodeBlock.of("$N.nullValue() ? $L : $L", in, defaultValue(component), value);
    }
    return value;
  }

  /** The Java expression of a component's default, which the processor checked is of its type. */
  static CodeBlock defaultValue(Component component) {
    String text = component.defaultValue();
    return switch (component.type()) {
      case Scalar scalar -> switch (scalar.kind()) {
        case STRING -> CodeBlock.of("$S", text);
        case CHAR -> CodeBlock.of("$L", characterLiteral(text.charAt(0)));
        case BOOLEAN -> CodeBlock.of("$L", Boolean.parseBoolean(text));
        case INT -> CodeBlock.of("$L", new java.math.BigInteger(text));
        case LONG -> CodeBlock.of("$LL", new java.math.BigInteger(text));
        case SHORT -> CodeBlock.of("(short) $L", new java.math.BigInteger(text));
        case BYTE -> CodeBlock.of("(byte) $L", new java.math.BigInteger(text));
        case DOUBLE -> CodeBlock.of("$L", Double.toString(Double.parseDouble(text)));
        case FLOAT -> CodeBlock.of("$Lf", Float.toString(Float.parseFloat(text)));
        case BIG_DECIMAL -> CodeBlock.of("new $T($S)", java.math.BigDecimal.class, text);
        case BIG_INTEGER -> CodeBlock.of("new $T($S)", java.math.BigInteger.class, text);
        case INSTANT -> CodeBlock.of("$T.parse($S)", java.time.Instant.class, text);
        case LOCAL_DATE -> CodeBlock.of("$T.parse($S)", java.time.LocalDate.class, text);
      };
      case EnumType e -> CodeBlock.of("$T.$N", e.javaType(), e.constants().get(e.jsonNames().indexOf(text)));
      default -> throw new IllegalStateException("validated: no default for " + component);
    };
  }

  /** A char literal; one outside printable ASCII as a cast, which no unicode escape can break. */
  private static String characterLiteral(char c) {
    return switch (c) {
      case '\'' -> "'\\''";
      case '\\' -> "'\\\\'";
      default -> c < 0x20 || c > 0x7e ? String.format("(char) 0x%04x", (int) c) : "'" + c + "'";
    };
  }

  /** The fast expression that reads one value of {@code type} from the reader {@code in}. */
  CodeBlock fastValue(TypeModel type, String in, int depth) {
    return switch (type) {
      case Scalar scalar -> CodeBlock.of("$N.$N()", in, fastScalar(scalar));
      case EnumType e -> CodeBlock.of("$N($N)", fastReader(e.javaType()), in);
      case RecordType r when !hasFastReader(r) -> CodeBlock.of("$T.giveUp()", JSON_READER);
      case RecordType r -> tags.get(r.javaType()).isEmpty()
          ? CodeBlock.of("$N($N)", fastReader(r.javaType()), in)
          : CodeBlock.of("$N($N, 0L)", fastReader(r.javaType()), in);
      case UnionType u -> CodeBlock.of("$N($N)", fastReader(u.javaType()), in);
      case ListType list -> CodeBlock.of("$N.$N($L)", in, list.set() ? "set" : "list",
          fastReaderOf(list.element(), depth));
      case MapType map -> CodeBlock.of("$N.map($L)", in, fastReaderOf(map.value(), depth));
      case OptionalType optional -> CodeBlock.of("$N.nullValue() ? $T.empty() : $T.of($L)",
          in, Optional.class, Optional.class, fastValue(optional.value(), in, depth));
      case JsonType json -> CodeBlock.of("$T.jsonText($N.string())", SCALARS, in);
      case StepType step -> CodeBlock.of("$T.giveUp()", JSON_READER);
      case Unsupported unsupported -> CodeBlock.of("$T.giveUp()", JSON_READER);
    };
  }

  /** A {@code FastReader} expression for {@code type}: a method reference, or a lambda. */
  private CodeBlock fastReaderOf(TypeModel type, int depth) {
    return switch (type) {
      case Scalar scalar -> CodeBlock.of("$T::$N", JSON_READER, fastScalar(scalar));
      case EnumType e -> CodeBlock.of("$T::$N", owner, fastReader(e.javaType()));
      case UnionType u -> CodeBlock.of("$T::$N", owner, fastReader(u.javaType()));
      case RecordType r when hasFastReader(r) && tags.get(r.javaType()).isEmpty() ->
          CodeBlock.of("$T::$N", owner, fastReader(r.javaType()));
      default -> {
        String in = "in" + depth;
        yield CodeBlock.of("$N -> $L", in, fastValue(type, in, depth + 1));
      }
    };
  }

  private static String fastScalar(Scalar scalar) {
    return switch (scalar.kind()) {
      case STRING -> "string";
      case BOOLEAN -> "bool";
      case INT -> "intValue";
      case LONG -> "longValue";
      case SHORT -> "shortValue";
      case BYTE -> "byteValue";
      case CHAR -> "character";
      case DOUBLE -> "doubleValue";
      case FLOAT -> "floatValue";
      case BIG_DECIMAL -> "decimal";
      case BIG_INTEGER -> "bigInteger";
      case INSTANT -> "instant";
      case LOCAL_DATE -> "date";
    };
  }

  private MethodSpec recordReader(RecordType record) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(reader(record.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record.javaType())
        .addParameter(DECODER, "d")
        .addParameter(JSON_VALUE, "value");
    method.addStatement("$T object = d.object(value)", JSON_OBJECT);
    method.beginControlFlow("if (object == null)").addStatement("return null").endControlFlow();
    NameAllocator locals = new NameAllocator();
    for (String reserved : List.of("d", "value", "object", "mark")) {
      locals.newName(reserved);
    }
    reserveLambdaNames(locals, "d", "v");
    List<String> arguments = new ArrayList<>();
    if (!record.components().isEmpty()) {
      method.addStatement("int mark = d.mark()");
    }
    boolean single = record.components().size() == 1
        && record.components().getFirst().type() instanceof RecordType;
    for (Component component : record.components()) {
      String local = locals.newName(component.name(), component);
      arguments.add(local);
      if (component.type() instanceof OptionalType optional) {
        method.addStatement("$T $N = d.optional(object, $S, $L)",
            optional.javaType(), local, component.jsonName(), checkedReader(record, component));
      } else if (component.defaultValue() != null) {
        method.addStatement("$T $N = d.withDefault(object, $S, $L, $L)",
            component.type().javaType().box(), local, component.jsonName(),
            checkedReader(record, component), defaultValue(component));
      } else if (single) {
        RecordType inner = (RecordType) component.type();
        method.addStatement("$T $N = d.single(object, $S, $L, $T.of($L), $N)",
            component.type().javaType(), local, component.jsonName(), readerOf(inner, 1),
            Set.class, strings(new ArrayList<>(tags.get(record.javaType()))),
            constant("PROPERTIES", inner.javaType()));
      } else {
        method.addStatement("$T $N = d.required(object, $S, $L)",
            component.type().javaType().box(), local, component.jsonName(),
            checkedReader(record, component));
      }
    }
    method.addStatement("d.unknownProperties(object, $N)", constant("PROPERTIES", record.javaType()));
    if (record.components().isEmpty()) {
      method.addStatement("return new $T()", record.javaType());
    } else {
      method.addStatement("return d.failedSince(mark) ? null : d.built(() -> new $T($L))",
          record.javaType(), String.join(", ", arguments));
    }
    return method.build();
  }

  private MethodSpec recordWriter(RecordType record) {
    return MethodSpec.methodBuilder(writer(record.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(JSON_WRITER, "out")
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
        .addParameter(JSON_WRITER, "out")
        .addParameter(record.javaType(), "value");
    for (Component component : record.components()) {
      CodeBlock value = CodeBlock.of("value.$N()", component.name());
      method.addStatement("out.name($S).$L", component.jsonName(), write(component.type(), value, 0));
    }
    return method.build();
  }

  private MethodSpec enumFastReader(EnumType type) {
    return MethodSpec.methodBuilder(fastReader(type.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type.javaType())
        .addParameter(JSON_READER, "in")
        .addStatement("return $N[in.stringIndex($N)]", constant("VALUES", type.javaType()),
            constant("NAMES", type.javaType()))
        .build();
  }

  private MethodSpec enumReader(EnumType type) {
    return MethodSpec.methodBuilder(reader(type.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(type.javaType())
        .addParameter(DECODER, "d")
        .addParameter(JSON_VALUE, "value")
        .addStatement("return $T.enumValue(d, value, $N, $N)", SCALARS,
            constant("VALUES", type.javaType()), constant("NAMES", type.javaType()))
        .build();
  }

  private MethodSpec enumWriter(EnumType type) {
    return MethodSpec.methodBuilder(writer(type.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(JSON_WRITER, "out")
        .addParameter(type.javaType(), "value")
        .addStatement("out.value(value == null ? null : $N[value.ordinal()])",
            constant("NAMES", type.javaType()))
        .build();
  }

  /** {@code fastU(in)}: the member its {@code type} names exactly; gives up without one. */
  private MethodSpec unionFastReader(UnionType union) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(fastReader(union.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union.javaType())
        .addParameter(JSON_READER, "in");
    method.addStatement("int index = in.leadingIndex($S, $N)", Naming.NESTED_DISCRIMINATOR,
        constant("NAMES", union.javaType()));
    method.addStatement("long seen = index < 0 ? 0L : 1L");
    CodeBlock.Builder cases = CodeBlock.builder()
        .add("return switch (index < 0 ? in.peekIndex($S, $N) : index) {\n",
            Naming.NESTED_DISCRIMINATOR, constant("NAMES", union.javaType()))
        .indent();
    for (int i = 0; i < union.members().size(); i++) {
      RecordType record = union.members().get(i).record();
      if (hasFastReader(record)) {
        cases.add("case $L -> $N(in, seen);\n", i, fastReader(record.javaType()));
      }
    }
    cases.add("default -> throw $T.bail();\n", JSON_READER);
    cases.unindent().add("};\n");
    return method.addCode(cases.build()).build();
  }

  private MethodSpec unionReader(UnionType union) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(reader(union.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(union.javaType())
        .addParameter(DECODER, "d")
        .addParameter(JSON_VALUE, "value")
        .addStatement("$T tagged = $T.tagged(d, value, $S, $N)", TAGGED, UNIONS,
            Naming.NESTED_DISCRIMINATOR, constant("SHAPES", union.javaType()))
        .beginControlFlow("if (tagged == null)")
        .addStatement("return null")
        .endControlFlow();
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (tagged.index()) {\n").indent();
    for (int i = 0; i < union.members().size(); i++) {
      cases.add("case $L -> $N(d, tagged.object());\n", i,
          reader(union.members().get(i).record().javaType()));
    }
    cases.add("default -> throw new $T($S + tagged.index());\n", IllegalStateException.class,
        "no member ");
    cases.unindent().add("};\n");
    return method.addCode(cases.build()).build();
  }

  private MethodSpec unionWriter(UnionType union) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(writer(union.javaType()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(JSON_WRITER, "out")
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

  /** The reader of a component's value, which checks it against the component's constraints. */
  private CodeBlock checkedReader(RecordType record, Component component) {
    TypeModel type = valueType(component);
    if (!checked(component)) {
      return readerOf(type, 1);
    }
    return CodeBlock.of("(d1, v1) -> $T.$N(d1, $L, $N)", CHECKS,
        type instanceof MapType ? "checkMap" : "check", readCall(type, "d1", "v1", 2),
        checkConstant(record.javaType(), component));
  }

  /** The expression that reads a value of {@code type} from {@code v} with the decoder {@code d}. */
  private CodeBlock readCall(TypeModel type, String d, String v, int depth) {
    return switch (type) {
      case Scalar scalar -> CodeBlock.of("$T.$N($N, $N)", SCALARS, scalar.kind().decoderMethod, d, v);
      case ListType list -> CodeBlock.of("$T.$N($N, $N, $L)", CONTAINERS, list.set() ? "set" : "list",
          d, v, readerOf(list.element(), depth));
      case MapType map -> CodeBlock.of("$T.map($N, $N, $L)", CONTAINERS, d, v, readerOf(map.value(), depth));
      default -> throw new IllegalStateException("no constraints on " + type);
    };
  }

  /**
   * A {@code Decoder.Reader} expression for {@code type}. Lambdas name their parameters after
   * {@code depth} ({@code d1}, {@code v1}, ...) so nested ones never shadow the method's own.
   */
  CodeBlock readerOf(TypeModel type, int depth) {
    String d = "d" + depth;
    String v = "v" + depth;
    return switch (type) {
      case Scalar scalar -> CodeBlock.of("$T::$N", SCALARS, scalar.kind().decoderMethod);
      case EnumType e -> CodeBlock.of("$T::$N", owner, reader(e.javaType()));
      case RecordType r -> CodeBlock.of("$T::$N", owner, reader(r.javaType()));
      case UnionType u -> CodeBlock.of("$T::$N", owner, reader(u.javaType()));
      case ListType list -> CodeBlock.of("($N, $N) -> $T.$N($N, $N, $L)", d, v, CONTAINERS,
          list.set() ? "set" : "list", d, v, readerOf(list.element(), depth + 1));
      case MapType map -> CodeBlock.of("($N, $N) -> $T.map($N, $N, $L)", d, v, CONTAINERS, d, v,
          readerOf(map.value(), depth + 1));
      case OptionalType optional ->
          throw new IllegalStateException("Optional is read as a component: " + optional);
      case JsonType json -> CodeBlock.of("$T::json", SCALARS);
      case StepType step -> CodeBlock.of("$T::readStep", step.tools());
      case Unsupported unsupported -> CodeBlock.of("($N, $N) -> null", d, v);
    };
  }

  /**
   * The call that writes {@code value} of {@code type}, chained after {@code out.name(...)}:
   * {@code value(...)}, {@code array(...)}, or {@code write(..., XTools::writeX)}.
   */
  CodeBlock write(TypeModel type, CodeBlock value, int depth) {
    return switch (type) {
      case Scalar scalar -> CodeBlock.of("value($L)", value);
      case EnumType e -> CodeBlock.of("write($L, $T::$N)", value, owner, writer(e.javaType()));
      case RecordType r -> CodeBlock.of("write($L, $T::$N)", value, owner, writer(r.javaType()));
      case UnionType u -> CodeBlock.of("write($L, $T::$N)", value, owner, writer(u.javaType()));
      case ListType list -> CodeBlock.of("array($L, $L)", value, writerOf(list.element(), depth + 1));
      case MapType map -> CodeBlock.of("entries($L, $L)", value, writerOf(map.value(), depth + 1));
      case OptionalType optional ->
          CodeBlock.of("optional($L, $L)", value, writerOf(optional.value(), depth + 1));
      case JsonType json -> CodeBlock.of("json($L)", value);
      case StepType step -> CodeBlock.of("write($L, $L)", value, writerOf(step, depth + 1));
      case Unsupported unsupported -> CodeBlock.of("nullValue()");
    };
  }

  /** A {@code JsonWriter.Writer} expression for {@code type}. */
  private CodeBlock writerOf(TypeModel type, int depth) {
    String o = depth <= 1 ? "o" : "o" + depth;
    String v = depth <= 1 ? "v" : "v" + depth;
    return switch (type) {
      case Scalar scalar -> CodeBlock.of("$T::value", JSON_WRITER);
      case EnumType e -> CodeBlock.of("$T::$N", owner, writer(e.javaType()));
      case RecordType r -> CodeBlock.of("$T::$N", owner, writer(r.javaType()));
      case UnionType u -> CodeBlock.of("$T::$N", owner, writer(u.javaType()));
      case ListType list -> CodeBlock.of("($N, $N) -> $N.array($N, $L)", o, v, o, v,
          writerOf(list.element(), depth + 1));
      case MapType map -> CodeBlock.of("($N, $N) -> $N.entries($N, $L)", o, v, o, v,
          writerOf(map.value(), depth + 1));
      case OptionalType optional ->
          throw new IllegalStateException("Optional is written as a component: " + optional);
      case JsonType json -> CodeBlock.of("$T::json", JSON_WRITER);
      case StepType step -> CodeBlock.of("($N, $N) -> $T.writeStep($N, $N, true)", o, v, step.tools(), o, v);
      case Unsupported unsupported -> CodeBlock.of("($N, $N) -> $N.nullValue()", o, v, o);
    };
  }
}
