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
    /** Whether values are numbers, which {@code @Min} and friends constrain. */
    final boolean numeric;

    ScalarKind(String jsonType, String decoderMethod, String format) {
      this.jsonType = jsonType;
      this.decoderMethod = decoderMethod;
      this.format = format;
      this.numeric = jsonType.equals("integer") || jsonType.equals("number");
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
   * Any JSON value, as a Jackson {@code JsonNode}. Strict mode has no open object, so its schema
   * is a string that holds the value as JSON text; the reader takes that and the value itself.
   */
  record JsonType(TypeName javaType) implements TypeModel {}

  /**
   * The prompt's own union, used inside a record a prompt method returns (a plan of steps): read
   * and written by {@code XTools}, told apart by {@code intent}.
   *
   * @param tools {@code XTools}, which reads and writes it
   * @param members the prompt's tools, for its schema
   */
  record StepType(ClassName javaType, ClassName tools, List<ToolModel> members) implements TypeModel {}

  /**
   * A type that has no JSON form, already reported: generated code for it compiles and is never
   * run, so one error does not bring the others of a whole union.
   */
  record Unsupported(TypeName javaType) implements TypeModel {}

  /**
   * A record component.
   *
   * @param name the component's Java name, its accessor
   * @param jsonName the JSON property name: {@code @Param(name)}, or the Java name
   * @param description the {@code @Param} text, or empty
   * @param type its type
   * @param constraints what its value must be, from Jakarta Bean Validation's annotations
   * @param defaultValue the {@code @Param(defaultValue)} text, or {@code null}: the value taken
   *     when the model gives {@code null} or nothing
   */
  record Component(String name, String jsonName, String description, TypeModel type,
      Constraints constraints, String defaultValue) {

    /** A component with no constraints and no default. */
    Component(String name, String jsonName, String description, TypeModel type) {
      this(name, jsonName, description, type, Constraints.NONE, null);
    }

    /** Whether a value must be given: not an {@code Optional} and without a default. */
    boolean required() {
      return !(type instanceof OptionalType) && defaultValue == null;
    }
  }

  /**
   * What a value must be: Jakarta Bean Validation's {@code @Min}, {@code @Max},
   * {@code @DecimalMin}, {@code @DecimalMax}, {@code @Positive} and friends, {@code @Size},
   * {@code @Pattern}, {@code @NotBlank} and {@code @NotEmpty}, read by name.
   *
   * @param min the least number allowed, as text, or {@code null}
   * @param minInclusive whether {@code min} itself is allowed
   * @param max the greatest number allowed, as text, or {@code null}
   * @param maxInclusive whether {@code max} itself is allowed
   * @param minSize the least length of a string or size of a collection, or 0
   * @param maxSize the greatest, or {@code Integer.MAX_VALUE}
   * @param pattern a regular expression a string must match as a whole, or {@code null}
   * @param notBlank whether a string must hold more than whitespace
   */
  record Constraints(String min, boolean minInclusive, String max, boolean maxInclusive,
      int minSize, int maxSize, String pattern, boolean notBlank) {

    static final Constraints NONE = new Constraints(null, true, null, true, 0, Integer.MAX_VALUE,
        null, false);

    /** Whether there is any constraint. */
    boolean any() {
      return !equals(NONE);
    }

    /** Whether a number's range is constrained. */
    boolean bounded() {
      return min != null || max != null;
    }

    /** Whether a length or size is constrained. */
    boolean sized() {
      return minSize > 0 || maxSize < Integer.MAX_VALUE;
    }
  }
}
