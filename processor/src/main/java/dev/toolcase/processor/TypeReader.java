package dev.toolcase.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.toolcase.processor.TypeModel.Component;
import dev.toolcase.processor.TypeModel.EnumType;
import dev.toolcase.processor.TypeModel.ListType;
import dev.toolcase.processor.TypeModel.MapType;
import dev.toolcase.processor.TypeModel.Member;
import dev.toolcase.processor.TypeModel.OptionalType;
import dev.toolcase.processor.TypeModel.RecordType;
import dev.toolcase.processor.TypeModel.Scalar;
import dev.toolcase.processor.TypeModel.ScalarKind;
import dev.toolcase.processor.TypeModel.UnionType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Turns the components of a record into {@link TypeModel}s, reporting every unsupported type on
 * the component that has it. One reader serves one prompt.
 */
final class TypeReader {

  /** Thrown when a type refers to a class that does not exist yet; the prompt waits a round. */
  static final class MissingType extends Exception {
    private static final long serialVersionUID = 1L;

    MissingType(String type) {
      super(type, null, false, false);
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

  private final Types types;
  private final Report report;
  /** The records being read, outermost first, to catch recursion. */
  private final Deque<String> reading = new ArrayDeque<>();

  TypeReader(Types types, Report report) {
    this.types = types;
    this.report = report;
  }

  /** The components of {@code record}, or {@code null} after reporting a problem. */
  List<Component> components(TypeElement record) throws MissingType {
    reading.push(record.getQualifiedName().toString());
    try {
      List<Component> components = new ArrayList<>();
      boolean ok = true;
      for (RecordComponentElement component : record.getRecordComponents()) {
        TypeModel type = read(component.asType(), record, component, true);
        if (type == null) {
          ok = false;
        } else {
          String name = component.getSimpleName().toString();
          components.add(new Component(name, name, Annotations.paramText(component), type));
        }
      }
      return ok ? components : null;
    } finally {
      reading.pop();
    }
  }

  /**
   * The model of a prompt method's record or enum return type, or {@code null} after reporting a
   * problem on {@code method}.
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
      throw new MissingType(type.toString());
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
    if (LISTS.contains(name) || SETS.contains(name)) {
      TypeModel elementType = argument(arguments, 0, owner, component, type);
      return elementType == null ? null : new ListType(TypeName.get(type), elementType, SETS.contains(name));
    }
    if (name.equals("java.util.Map")) {
      if (arguments.size() != 2 || !isString(arguments.get(0))) {
        return unsupported(owner, component, type);
      }
      TypeModel value = argument(arguments, 1, owner, component, type);
      return value == null ? null : new MapType(TypeName.get(type), value);
    }
    if (name.equals("java.util.Optional")) {
      if (!topLevel) {
        return unsupported(owner, component, type);
      }
      TypeModel value = argument(arguments, 0, owner, component, type);
      return value == null ? null : new OptionalType(TypeName.get(type), value);
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
    List<String> descriptions = new ArrayList<>();
    for (Element member : element.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(member.getSimpleName().toString());
        descriptions.add(Annotations.paramText(member));
      }
    }
    return new EnumType(ClassName.get(element), constants, constants, descriptions);
  }

  private RecordType recordType(TypeElement element, TypeElement owner, Element component)
      throws MissingType {
    String name = element.getQualifiedName().toString();
    if (reading.contains(name)) {
      report.error(component, Messages.recursiveType(
          owner.getSimpleName().toString(), component.getSimpleName().toString(), element.getSimpleName().toString()));
      return null;
    }
    List<Component> components = components(element);
    return components == null ? null : new RecordType(ClassName.get(element), components);
  }

  private UnionType unionType(TypeElement element, TypeElement owner, Element component)
      throws MissingType {
    String name = element.getQualifiedName().toString();
    if (reading.contains(name)) {
      report.error(component, Messages.recursiveType(
          owner.getSimpleName().toString(), component.getSimpleName().toString(), element.getSimpleName().toString()));
      return null;
    }
    reading.push(name);
    try {
      List<Member> members = new ArrayList<>();
      boolean ok = true;
      for (TypeMirror permitted : element.getPermittedSubclasses()) {
        if (permitted.getKind() == TypeKind.ERROR) {
          throw new MissingType(permitted.toString());
        }
        TypeElement member = (TypeElement) types.asElement(permitted);
        if (member.getKind() != ElementKind.RECORD) {
          report.error(component, Messages.badUnionMember(
              element.getSimpleName().toString(), member.getSimpleName().toString()));
          ok = false;
          continue;
        }
        RecordType record = recordType(member, owner, component);
        if (record == null) {
          ok = false;
          continue;
        }
        for (Component part : record.components()) {
          if (part.name().equals(Naming.NESTED_DISCRIMINATOR)) {
            report.error(member, Messages.reservedComponent(
                member.getSimpleName().toString(), Naming.NESTED_DISCRIMINATOR));
            ok = false;
          }
        }
        members.add(new Member(Naming.intentOf(member.getSimpleName().toString()), record));
      }
      if (members.isEmpty() && ok) {
        return unsupported(owner, component, element.asType());
      }
      return ok ? new UnionType(ClassName.get(element), members) : null;
    } finally {
      reading.pop();
    }
  }

  private <T> T unsupported(TypeElement owner, Element component, TypeMirror type) {
    report.error(component, Messages.unsupportedType(
        owner.getSimpleName().toString(), component.getSimpleName().toString(), type.toString()));
    return null;
  }
}
