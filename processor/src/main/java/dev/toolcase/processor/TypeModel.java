package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * The types a tool argument can have, as the generators see them. Built from {@code TypeMirror}s
 * by {@link TypeReader}; no {@code javax.lang.model} type gets past that step.
 */
sealed interface TypeModel {

  /** The Java type, for generated declarations. */
  TypeName javaType();

  /** The kinds of scalar value, each with its Java type and JSON Schema type. */
  enum ScalarKind {
    STRING("string", "string", null),
    BOOLEAN("boolean", "bool", null),
    INT("integer", "integer", null),
    LONG("integer", "longValue", null),
    SHORT("integer", "shortValue", null),
    BYTE("integer", "byteValue", null),
    CHAR("string", "character", null),
    DOUBLE("number", "doubleValue", null),
    FLOAT("number", "floatValue", null),
    BIG_DECIMAL("number", "decimal", null),
    BIG_INTEGER("integer", "bigInteger", null),
    INSTANT("string", "instant", "date-time"),
    LOCAL_DATE("string", "date", "date");

    final String jsonType;
    final String decoderMethod;
    final String format;

    ScalarKind(String jsonType, String decoderMethod, String format) {
      this.jsonType = jsonType;
      this.decoderMethod = decoderMethod;
      this.format = format;
    }
  }

  /** A string, number, boolean, date or instant. */
  record Scalar(ScalarKind kind, TypeName javaType) implements TypeModel {}

  /**
   * An enum.
   *
   * @param constants the constant names, in declaration order
   * @param jsonNames the JSON name of each constant: its {@code @Param(name)}, or its Java name
   * @param descriptions the {@code @Param} text of each constant, empty where there is none
   */
  record EnumType(ClassName javaType, List<String> constants, List<String> jsonNames,
      List<String> descriptions) implements TypeModel {}

  /** A record of named components. */
  record RecordType(ClassName javaType, List<Component> components) implements TypeModel {}

  /**
   * A sealed interface of records, told apart by a {@code type} property.
   *
   * @param members the permitted records with their discriminator values
   */
  record UnionType(ClassName javaType, List<Member> members) implements TypeModel {}

  /** A member of a nested union. */
  record Member(String tag, RecordType record) {}

  /** A {@code List} or, when {@code set}, a {@code Set}. */
  record ListType(TypeName javaType, TypeModel element, boolean set) implements TypeModel {}

  /** A {@code Map<String, V>}. */
  record MapType(TypeName javaType, TypeModel value) implements TypeModel {}

  /** An {@code Optional<T>} record component: required in the schema but nullable. */
  record OptionalType(TypeName javaType, TypeModel value) implements TypeModel {}

  /**
   * A record component.
   *
   * @param name the component's Java name, its accessor
   * @param jsonName the JSON property name: {@code @Param(name)}, or the Java name
   * @param description the {@code @Param} text, or empty
   * @param type its type
   */
  record Component(String name, String jsonName, String description, TypeModel type) {}
}
