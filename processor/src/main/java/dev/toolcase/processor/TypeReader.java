package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.toolcase.processor.TypeModel.Component;
import dev.toolcase.processor.TypeModel.Constraints;
import dev.toolcase.processor.TypeModel.EnumType;
import dev.toolcase.processor.TypeModel.JsonType;
import dev.toolcase.processor.TypeModel.ListType;
import dev.toolcase.processor.TypeModel.MapType;
import dev.toolcase.processor.TypeModel.Member;
import dev.toolcase.processor.TypeModel.OptionalType;
import dev.toolcase.processor.TypeModel.RecordType;
import dev.toolcase.processor.TypeModel.Scalar;
import dev.toolcase.processor.TypeModel.ScalarKind;
import dev.toolcase.processor.TypeModel.StepType;
import dev.toolcase.processor.TypeModel.UnionType;
import dev.toolcase.processor.TypeModel.Unsupported;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Turns the components of a record into {@link TypeModel}s: their JSON names, constraints and
 * defaults too. Every problem is reported on the component that has it, and the type is then
 * {@link Unsupported}, so the reading goes on and the rest of a union is still generated.
 */
final class TypeReader {

  /** Thrown when a type refers to a class that does not exist yet; the element waits a round. */
  static final class MissingType extends Exception {
    private static final long serialVersionUID = 1L;

    /** The component that names the type, to report on if it never comes. */
    final transient Element component;
    /** The record that has the component. */
    final String owner;

    MissingType(String type, Element component, String owner) {
      super(type, null, false, false);
      this.component = component;
      this.owner = owner;
    }
  }

  private static final Map<String, ScalarKind> SCALARS =
      Map.ofEntries(
          Map.entry("java.lang.String", ScalarKind.STRING),
          Map.entry("java.lang.Boolean", ScalarKind.BOOLEAN),
          Map.entry("java.lang.Integer", ScalarKind.INT),
          Map.entry("java.lang.Long", ScalarKind.LONG),
          Map.entry("java.lang.Short", ScalarKind.SHORT),
          Map.entry("java.lang.Byte", ScalarKind.BYTE),
          Map.entry("java.lang.Character", ScalarKind.CHAR),
          Map.entry("java.lang.Double", ScalarKind.DOUBLE),
          Map.entry("java.lang.Float", ScalarKind.FLOAT),
          Map.entry("java.math.BigDecimal", ScalarKind.BIG_DECIMAL),
          Map.entry("java.math.BigInteger", ScalarKind.BIG_INTEGER),
          Map.entry("java.time.Instant", ScalarKind.INSTANT),
          Map.entry("java.time.LocalDate", ScalarKind.LOCAL_DATE));

  private static final Set<String> LISTS = Set.of("java.util.List", "java.util.Collection");
  private static final Set<String> SETS = Set.of("java.util.Set");
  private static final String JSON_NODE = "tools.jackson.databind.JsonNode";
  private static final List<String> CONSTRAINT_PACKAGES =
      List.of("jakarta.validation.constraints.", "javax.validation.constraints.");

  private final Types types;
  private final Report report;
  /** The union of the prompt being read, which a prompt method's record may hold; or null. */
  private final ClassName ownUnion;
  private final ClassName ownTools;
  private final List<ToolModel> ownMembers;
  /** Whether this is the last round, when a missing type is reported instead of awaited. */
  private boolean lastRound;
  /** The records being read, outermost first, to catch recursion. */
  private final Deque<String> reading = new ArrayDeque<>();

  TypeReader(Types types, Report report) {
    this(types, report, null, null, List.of());
  }

  /** A reader for a prompt's methods, whose records may hold the prompt's own union. */
  TypeReader(Types types, Report report, ClassName ownUnion, ClassName ownTools,
      List<ToolModel> ownMembers) {
    this.types = types;
    this.report = report;
    this.ownUnion = ownUnion;
    this.ownTools = ownTools;
    this.ownMembers = List.copyOf(ownMembers);
  }

  /** Reports missing types from now on, rather than waiting for a later round. */
  TypeReader inLastRound(boolean lastRound) {
    this.lastRound = lastRound;
    return this;
  }

  /** The components of {@code record}; a problem is reported and its type made unsupported. */
  List<Component> components(TypeElement record) throws MissingType {
    reading.push(record.getQualifiedName().toString());
    try {
      List<Component> components = new ArrayList<>();
      String owner = record.getSimpleName().toString();
      for (RecordComponentElement component : record.getRecordComponents()) {
        TypeModel type = read(component.asType(), record, component, true);
        String name = component.getSimpleName().toString();
        Optional<AnnotationMirror> param = Annotations.find(component, Annotations.PARAM);
        String jsonName = param.map(p -> Annotations.string(p, "name", "")).orElse("");
        if (jsonName.isEmpty()) {
          jsonName = name;
        } else if (jsonName.isBlank() || jsonName.chars().anyMatch(c -> c < 0x20)) {
          report.add(component, Message.INVALID_JSON_NAME, owner, name, jsonName);
          jsonName = name;
        }
        Constraints constraints = constraints(component, owner, name, type);
        String defaultValue = param.map(p -> Annotations.string(p, "defaultValue", "")).orElse("");
        if (!defaultValue.isEmpty() && !validDefault(component, owner, name, type, defaultValue)) {
          defaultValue = "";
        }
        components.add(new Component(name, jsonName, Annotations.paramText(component), type,
            constraints, defaultValue.isEmpty() ? null : defaultValue));
      }
      checkNames(record, components);
      return components;
    } finally {
      reading.pop();
    }
  }

  /** Two JSON names that read the same loosely would make the decoder guess: an error. */
  private void checkNames(TypeElement record, List<Component> components) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (Component component : components) {
      String earlier = seen.putIfAbsent(Naming.loose(component.jsonName()), component.jsonName());
      if (earlier != null) {
        Element element = record.getRecordComponents().stream()
            .filter(c -> c.getSimpleName().contentEquals(component.name())).findFirst()
            .map(Element.class::cast).orElse(record);
        report.add(element, Message.NAME_CLASH, record.getSimpleName(), earlier, component.jsonName());
      }
    }
  }

  /**
   * The model of a prompt method's record or enum return type; problems are reported on
   * {@code method}'s components.
   */
  TypeModel returnType(TypeElement type, TypeElement prompt, Element method) throws MissingType {
    return type.getKind() == ElementKind.ENUM
        ? enumType(type)
        : recordType(type, prompt, method);
  }

  private TypeModel read(TypeMirror type, TypeElement owner, Element component, boolean topLevel)
      throws MissingType {
    if (type.getKind().isPrimitive()) {
      return primitive(type);
    }
    if (type.getKind() == TypeKind.ERROR) {
      if (ownUnion != null && (type.toString().equals(ownUnion.simpleName())
          || type.toString().equals(ownUnion.canonicalName()))) {
        return new StepType(ownUnion, ownTools, ownMembers);
      }
      return missing(type, owner, component);
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return unsupported(owner, component, type);
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    ScalarKind scalar = SCALARS.get(name);
    if (scalar != null) {
      return new Scalar(scalar, TypeName.get(type));
    }
    if (name.equals(JSON_NODE)) {
      return new JsonType(TypeName.get(type));
    }
    if (ownUnion != null && name.equals(ownUnion.canonicalName())) {
      return new StepType(ownUnion, ownTools, ownMembers);
    }
    if (LISTS.contains(name) || SETS.contains(name)) {
      TypeModel elementType = argument(arguments, 0, owner, component, type);
      return elementType instanceof Unsupported ? unsupportedType(type)
          : new ListType(TypeName.get(type), elementType, SETS.contains(name));
    }
    if (name.equals("java.util.Map")) {
      if (arguments.size() != 2 || !isString(arguments.get(0))) {
        return unsupported(owner, component, type);
      }
      TypeModel value = argument(arguments, 1, owner, component, type);
      return value instanceof Unsupported ? unsupportedType(type) : new MapType(TypeName.get(type), value);
    }
    if (name.equals("java.util.Optional")) {
      if (!topLevel) {
        return unsupported(owner, component, type);
      }
      TypeModel value = argument(arguments, 0, owner, component, type);
      return value instanceof Unsupported ? unsupportedType(type) : new OptionalType(TypeName.get(type), value);
    }
    if (!arguments.isEmpty()) {
      return unsupported(owner, component, type);
    }
    return switch (element.getKind()) {
      case ENUM -> enumType(element);
      case RECORD -> recordType(element, owner, component);
      case INTERFACE -> element.getModifiers().contains(Modifier.SEALED)
          ? unionType(element, owner, component)
          : unsupported(owner, component, type);
      default -> unsupported(owner, component, type);
    };
  }

  private TypeModel argument(List<? extends TypeMirror> arguments, int index, TypeElement owner,
      Element component, TypeMirror whole) throws MissingType {
    if (arguments.size() <= index) {
      return unsupported(owner, component, whole);
    }
    TypeMirror argument = arguments.get(index);
    if (argument.getKind() == TypeKind.WILDCARD || argument.getKind() == TypeKind.TYPEVAR) {
      return unsupported(owner, component, whole);
    }
    return read(argument, owner, component, false);
  }

  private boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals("java.lang.String");
  }

  private static TypeModel primitive(TypeMirror type) {
    ScalarKind kind = switch (type.getKind()) {
      case BOOLEAN -> ScalarKind.BOOLEAN;
      case INT -> ScalarKind.INT;
      case LONG -> ScalarKind.LONG;
      case SHORT -> ScalarKind.SHORT;
      case BYTE -> ScalarKind.BYTE;
      case CHAR -> ScalarKind.CHAR;
      case DOUBLE -> ScalarKind.DOUBLE;
      case FLOAT -> ScalarKind.FLOAT;
      default -> throw new IllegalArgumentException("not a primitive: " + type);
    };
    return new Scalar(kind, TypeName.get(type));
  }

  private EnumType enumType(TypeElement element) {
    List<String> constants = new ArrayList<>();
    List<String> jsonNames = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    for (Element member : element.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        String constant = member.getSimpleName().toString();
        constants.add(constant);
        String jsonName = Annotations.find(member, Annotations.PARAM)
            .map(p -> Annotations.string(p, "name", "")).orElse("");
        jsonNames.add(jsonName.isEmpty() ? constant : jsonName);
        descriptions.add(Annotations.paramText(member));
      }
    }
    return new EnumType(ClassName.get(element), constants, jsonNames, descriptions);
  }

  private TypeModel recordType(TypeElement element, TypeElement owner, Element component)
      throws MissingType {
    String name = element.getQualifiedName().toString();
    if (reading.contains(name)) {
      report.add(component, Message.RECURSIVE_TYPE, owner.getSimpleName(),
          component.getSimpleName(), element.getSimpleName());
      return unsupportedType(element.asType());
    }
    return new RecordType(ClassName.get(element), components(element));
  }

  private TypeModel unionType(TypeElement element, TypeElement owner, Element component)
      throws MissingType {
    String name = element.getQualifiedName().toString();
    if (reading.contains(name)) {
      report.add(component, Message.RECURSIVE_TYPE, owner.getSimpleName(),
          component.getSimpleName(), element.getSimpleName());
      return unsupportedType(element.asType());
    }
    reading.push(name);
    try {
      List<Member> members = new ArrayList<>();
      boolean ok = true;
      for (TypeMirror permitted : element.getPermittedSubclasses()) {
        if (permitted.getKind() == TypeKind.ERROR) {
          missing(permitted, owner, component);
          ok = false;
          continue;
        }
        TypeElement member = (TypeElement) types.asElement(permitted);
        if (member.getKind() != ElementKind.RECORD) {
          report.add(component, Message.SEALED_MEMBER_NOT_RECORD, element.getSimpleName(),
              member.getSimpleName(), member.getSimpleName());
          ok = false;
          continue;
        }
        TypeModel record = recordType(member, owner, component);
        if (!(record instanceof RecordType recordType)) {
          ok = false;
          continue;
        }
        for (Component part : recordType.components()) {
          if (Naming.loose(part.jsonName()).equals(Naming.NESTED_DISCRIMINATOR)) {
            report.add(member, Message.RESERVED_NAME, member.getSimpleName(), Naming.NESTED_DISCRIMINATOR);
            ok = false;
          }
        }
        members.add(new Member(Naming.intentOf(member.getSimpleName().toString()), recordType));
      }
      if (members.isEmpty() && ok) {
        return unsupported(owner, component, element.asType());
      }
      return ok ? new UnionType(ClassName.get(element), members) : unsupportedType(element.asType());
    } finally {
      reading.pop();
    }
  }

  /**
   * A type no source declares: it may come from a processor in a later round, so the element
   * waits; in the last round it is reported on the component, and generation goes on without it.
   */
  private TypeModel missing(TypeMirror type, TypeElement owner, Element component)
      throws MissingType {
    if (!lastRound) {
      throw new MissingType(type.toString(), component, owner.getSimpleName().toString());
    }
    report.add(component, Message.MISSING_TYPE, owner.getSimpleName(), component.getSimpleName(),
        type);
    return new Unsupported(ClassName.OBJECT);
  }

  private TypeModel unsupported(TypeElement owner, Element component, TypeMirror type) {
    report.add(component, Message.UNSUPPORTED_TYPE, owner.getSimpleName(),
        component.getSimpleName(), type);
    return unsupportedType(type);
  }

  /** The generated code's stand-in for a type with no JSON form: its erasure, always declarable. */
  private TypeModel unsupportedType(TypeMirror type) {
    TypeName name;
    try {
      name = TypeName.get(types.erasure(type));
    } catch (IllegalArgumentException e) {
      name = ClassName.OBJECT;
    }
    return new Unsupported(name);
  }

  // ---------------------------------------------------------------- constraints

  private Constraints constraints(Element component, String owner, String name, TypeModel type) {
    TypeModel value = type instanceof OptionalType optional ? optional.value() : type;
    boolean number = value instanceof Scalar s && s.kind().numeric;
    boolean string = value instanceof Scalar s && s.kind() == ScalarKind.STRING;
    boolean sized = value instanceof ListType || value instanceof MapType;
    String min = null;
    boolean minInclusive = true;
    String max = null;
    boolean maxInclusive = true;
    int minSize = 0;
    int maxSize = Integer.MAX_VALUE;
    String pattern = null;
    boolean notBlank = false;
    for (AnnotationMirror mirror : constraintMirrors(component)) {
      String constraint = constraintName(mirror);
      switch (constraint) {
        case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative",
            "NegativeOrZero" -> {
          if (!number) {
            report.add(component, mirror, null, Message.CONSTRAINT_ON_WRONG_TYPE, owner, name,
                constraint, "numbers", type.javaType());
            continue;
          }
          String bound = switch (constraint) {
            case "Min", "Max" -> String.valueOf(Annotations.value(mirror, "value")
                .map(v -> v.getValue()).orElse(0L));
            case "DecimalMin", "DecimalMax" -> Annotations.string(mirror, "value", "0");
            default -> "0";
          };
          if (!isDecimal(bound)) {
            report.add(component, mirror, null, Message.BAD_CONSTRAINT, owner, name, constraint,
                bound, "is not a number");
            continue;
          }
          boolean inclusive = switch (constraint) {
            case "DecimalMin", "DecimalMax" -> Annotations.value(mirror, "inclusive")
                .map(v -> (Boolean) v.getValue()).orElse(true);
            case "Positive", "Negative" -> false;
            default -> true;
          };
          if (constraint.startsWith("Min") || constraint.startsWith("DecimalMin")
              || constraint.startsWith("Positive")) {
            min = bound;
            minInclusive = inclusive;
          } else {
            max = bound;
            maxInclusive = inclusive;
          }
        }
        case "Size" -> {
          if (!string && !sized) {
            report.add(component, mirror, null, Message.CONSTRAINT_ON_WRONG_TYPE, owner, name,
                constraint, "strings, lists, sets and maps", type.javaType());
            continue;
          }
          minSize = Annotations.value(mirror, "min").map(v -> (Integer) v.getValue()).orElse(0);
          maxSize = Annotations.value(mirror, "max").map(v -> (Integer) v.getValue())
              .orElse(Integer.MAX_VALUE);
          if (minSize < 0 || maxSize < minSize) {
            report.add(component, mirror, null, Message.BAD_CONSTRAINT, owner, name, constraint,
                "min = " + minSize + ", max = " + maxSize, "allows no size");
          }
        }
        case "Pattern" -> {
          if (!string) {
            report.add(component, mirror, null, Message.CONSTRAINT_ON_WRONG_TYPE, owner, name,
                constraint, "strings", type.javaType());
            continue;
          }
          pattern = Annotations.string(mirror, "regexp", "");
          try {
            java.util.regex.Pattern.compile(pattern);
          } catch (PatternSyntaxException e) {
            report.add(component, mirror, null, Message.BAD_CONSTRAINT, owner, name, constraint,
                "regexp = \"" + pattern + "\"", "is no regular expression: " + e.getDescription());
            pattern = null;
          }
        }
        case "NotBlank" -> {
          if (!string) {
            report.add(component, mirror, null, Message.CONSTRAINT_ON_WRONG_TYPE, owner, name,
                constraint, "strings", type.javaType());
            continue;
          }
          notBlank = true;
        }
        case "NotEmpty" -> {
          if (!string && !sized) {
            report.add(component, mirror, null, Message.CONSTRAINT_ON_WRONG_TYPE, owner, name,
                constraint, "strings, lists, sets and maps", type.javaType());
            continue;
          }
          minSize = Math.max(minSize, 1);
        }
        default -> { }
      }
    }
    return new Constraints(min, minInclusive, max, maxInclusive, minSize, maxSize, pattern, notBlank);
  }

  /**
   * The Bean Validation annotations of a component. Their targets include neither record
   * components nor, in javac's reading, the component itself, so they are found where the
   * language puts them: on the accessor and on the component's type.
   */
  private static List<AnnotationMirror> constraintMirrors(Element component) {
    List<AnnotationMirror> all = new ArrayList<>(component.getAnnotationMirrors());
    all.addAll(component.asType().getAnnotationMirrors());
    if (component instanceof RecordComponentElement recordComponent
        && recordComponent.getAccessor() != null) {
      all.addAll(recordComponent.getAccessor().getAnnotationMirrors());
    }
    Map<String, AnnotationMirror> found = new LinkedHashMap<>();
    for (AnnotationMirror mirror : all) {
      String name = constraintName(mirror);
      if (name != null) {
        found.putIfAbsent(name, mirror);
      }
    }
    return List.copyOf(found.values());
  }

  /** The simple name of a Bean Validation constraint annotation, or {@code null} for another. */
  private static String constraintName(AnnotationMirror mirror) {
    String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    for (String prefix : CONSTRAINT_PACKAGES) {
      if (name.startsWith(prefix)) {
        return name.substring(prefix.length());
      }
    }
    return null;
  }

  private static boolean isDecimal(String text) {
    try {
      new BigDecimal(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- defaults

  private boolean validDefault(Element component, String owner, String name, TypeModel type,
      String text) {
    String expected = switch (type) {
      case Scalar scalar -> switch (scalar.kind()) {
        case STRING -> null;
        case CHAR -> text.length() == 1 ? null : "one character";
        case BOOLEAN -> text.equals("true") || text.equals("false") ? null : "true or false";
        case INT -> integerWithin(text, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE) ? null : "an int";
        case LONG -> integerWithin(text, Long.MIN_VALUE, Long.MAX_VALUE) ? null : "a long";
        case SHORT -> integerWithin(text, (long) Short.MIN_VALUE, (long) Short.MAX_VALUE) ? null : "a short";
        case BYTE -> integerWithin(text, (long) Byte.MIN_VALUE, (long) Byte.MAX_VALUE) ? null : "a byte";
        case DOUBLE -> finite(text, false) ? null : "a finite double";
        case FLOAT -> finite(text, true) ? null : "a finite float";
        case BIG_DECIMAL -> isDecimal(text) ? null : "a number";
        case BIG_INTEGER -> integerWithin(text, null, null) ? null : "an integer";
        case INSTANT -> parses(() -> Instant.parse(text)) ? null
            : "an ISO-8601 instant such as 2026-01-31T09:30:00Z";
        case LOCAL_DATE -> parses(() -> LocalDate.parse(text)) ? null
            : "an ISO-8601 date such as 2026-01-31";
      };
      case EnumType e -> e.jsonNames().contains(text) ? null : "one of " + e.jsonNames();
      case Unsupported u -> null;
      default -> {
        report.add(component, Message.DEFAULT_ON_UNSUPPORTED, owner, name, type.javaType());
        yield "";
      }
    };
    if (expected == null) {
      return !(type instanceof Unsupported);
    }
    if (!expected.isEmpty()) {
      report.add(component, Message.BAD_DEFAULT, owner, name, text, expected);
    }
    return false;
  }

  private static boolean integerWithin(String text, Long min, Long max) {
    try {
      BigInteger value = new BigInteger(text);
      return (min == null || value.compareTo(BigInteger.valueOf(min)) >= 0)
          && (max == null || value.compareTo(BigInteger.valueOf(max)) <= 0);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean finite(String text, boolean asFloat) {
    try {
      return asFloat ? Float.isFinite(Float.parseFloat(text)) && isDecimal(text)
          : Double.isFinite(Double.parseDouble(text)) && isDecimal(text);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
