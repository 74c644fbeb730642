package dev.toolcase.processor;

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
import dev.toolcase.processor.TypeModel.StepType;
import dev.toolcase.processor.TypeModel.UnionType;
import dev.toolcase.processor.TypeModel.Unsupported;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schemas (Draft 2020-12) in the subset OpenAI's strict mode accepts: every object closed
 * with {@code additionalProperties: false} and every property required, optional values as
 * nullable types, maps as arrays of {@code {key, value}} entries, no {@code anyOf} at the root.
 * Pure functions from the model to schema values ({@code Map}/{@code List}/scalars).
 */
final class SchemaWriter {

  private SchemaWriter() {}

  /** The schema of a tool, with its {@code intent} constant when {@code withIntent}. */
  static Map<String, Object> tool(ToolModel tool, boolean withIntent) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    if (!tool.description().isEmpty()) {
      schema.put("description", tool.description());
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    List<Object> required = new ArrayList<>();
    if (withIntent) {
      properties.put(Naming.INTENT, ordered("type", "string", "const", tool.intent()));
      required.add(Naming.INTENT);
    }
    addComponents(tool.components(), properties, required);
    schema.put("properties", properties);
    schema.put("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  /**
   * The inside of the {@code properties} object of a tool's parameters, as JSON: what the
   * runtime's {@code ToolJson} puts together with the tool's name and description.
   */
  static String propertiesJson(ToolModel tool) {
    Map<String, Object> properties = new LinkedHashMap<>();
    addComponents(tool.components(), properties, new ArrayList<>());
    String json = JsonText.write(properties);
    return json.substring(1, json.length() - 1);
  }

  /** The inside of the {@code required} array of a tool's parameters, as JSON. */
  static String requiredJson(ToolModel tool) {
    List<Object> required = new ArrayList<>();
    addComponents(tool.components(), new LinkedHashMap<>(), required);
    String json = JsonText.write(required);
    return json.substring(1, json.length() - 1);
  }

  /** The property that holds an enum answer, since a strict schema's root is an object. */
  static final String ENUM_WRAPPER = "value";

  /** A record as a strict root schema. */
  static Map<String, Object> record(RecordType record) {
    return object(record.components(), null, null);
  }

  /** An enum answer as a strict root schema: {@code {"value": <one of the constants>}}. */
  static Map<String, Object> wrappedEnum(EnumType type) {
    return ordered("type", "object", "properties", ordered(ENUM_WRAPPER, enumSchema(type, false)),
        "required", List.of(ENUM_WRAPPER), "additionalProperties", false);
  }

  /** The union: an object whose one property holds any of the tools. */
  static Map<String, Object> union(List<ToolModel> tools) {
    List<Object> members = new ArrayList<>();
    for (ToolModel tool : tools) {
      members.add(tool(tool, true));
    }
    Map<String, Object> wrapper = new LinkedHashMap<>();
    wrapper.put("type", "object");
    wrapper.put("properties", ordered(Naming.UNION_WRAPPER, ordered("anyOf", members)));
    wrapper.put("required", List.of(Naming.UNION_WRAPPER));
    wrapper.put("additionalProperties", false);
    return wrapper;
  }

  /** Tool definitions in OpenAI's chat completions {@code tools} shape. */
  static List<Object> openAiTools(List<ToolModel> tools) {
    List<Object> definitions = new ArrayList<>();
    for (ToolModel tool : tools) {
      Map<String, Object> function = new LinkedHashMap<>();
      function.put("name", tool.intent());
      function.put("description", tool.description());
      function.put("parameters", tool(tool, false));
      function.put("strict", true);
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("type", "function");
      definition.put("function", function);
      definitions.add(definition);
    }
    return definitions;
  }

  /** Tool definitions in Anthropic's messages {@code tools} shape. */
  static List<Object> anthropicTools(List<ToolModel> tools) {
    List<Object> definitions = new ArrayList<>();
    for (ToolModel tool : tools) {
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("name", tool.intent());
      definition.put("description", tool.description());
      definition.put("input_schema", tool(tool, false));
      definitions.add(definition);
    }
    return definitions;
  }

  /**
   * Each component's schema, every one required (strict mode has no optional property): a value
   * that may be left out, an {@code Optional} or one with a default, is nullable instead.
   * Constraints that strict mode takes become keywords, the others words of the description, as
   * does the default.
   */
  private static void addComponents(List<Component> components, Map<String, Object> properties,
      List<Object> required) {
    for (Component component : components) {
      Map<String, Object> schema = component.defaultValue() == null
          ? type(component.type())
          : nullable(component.type());
      schema = constrained(schema, component.constraints());
      String description = sentences(nonEmpty(component.description(),
          constraintWords(component.constraints(), component.type()),
          component.defaultValue() == null ? "" : "Null means the default, " + component.defaultValue() + "."));
      if (!description.isEmpty()) {
        schema = withDescription(schema, description);
      }
      properties.put(component.jsonName(), schema);
      required.add(component.jsonName());
    }
  }

  /** Texts joined as sentences: each that does not end a sentence gets a full stop. */
  private static String sentences(List<String> texts) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      out.append(i == 0 ? "" : " ").append(text);
      char last = text.charAt(text.length() - 1);
      if (i + 1 < texts.size() && last != '.' && last != '!' && last != '?') {
        out.append('.');
      }
    }
    return out.toString();
  }

  private static List<String> nonEmpty(String... texts) {
    List<String> kept = new ArrayList<>();
    for (String text : texts) {
      if (!text.isEmpty()) {
        kept.add(text);
      }
    }
    return kept;
  }

  /** The schema with the constraint keywords strict mode allows: ranges, array sizes, patterns. */
  private static Map<String, Object> constrained(Map<String, Object> schema, Constraints constraints) {
    if (!constraints.any()) {
      return schema;
    }
    if (schema.get("anyOf") instanceof List<?> either && !either.isEmpty()
        && either.getFirst() instanceof Map<?, ?> first) {
      @SuppressWarnings("unchecked") // the maps this class builds
      Map<String, Object> value = (Map<String, Object>) first;
      List<Object> branches = new ArrayList<>(either);
      branches.set(0, constrained(value, constraints));
      Map<String, Object> copy = new LinkedHashMap<>(schema);
      copy.put("anyOf", branches);
      return copy;
    }
    Map<String, Object> copy = new LinkedHashMap<>(schema);
    Object type = schema.get("type");
    boolean array = "array".equals(type) || (type instanceof List<?> types && types.contains("array"));
    if (constraints.min() != null) {
      copy.put(constraints.minInclusive() ? "minimum" : "exclusiveMinimum",
          new JsonText.Number(constraints.min()));
    }
    if (constraints.max() != null) {
      copy.put(constraints.maxInclusive() ? "maximum" : "exclusiveMaximum",
          new JsonText.Number(constraints.max()));
    }
    if (array && constraints.minSize() > 0) {
      copy.put("minItems", constraints.minSize());
    }
    if (array && constraints.maxSize() < Integer.MAX_VALUE) {
      copy.put("maxItems", constraints.maxSize());
    }
    if (constraints.pattern() != null) {
      // Bean Validation matches the whole string; JSON Schema's pattern searches in it.
      copy.put("pattern", "^(?:" + constraints.pattern() + ")$");
    }
    return copy;
  }

  /** What strict mode has no keyword for, in words: string lengths, not blank. */
  private static String constraintWords(Constraints constraints, TypeModel type) {
    TypeModel value = type instanceof OptionalType optional ? optional.value() : type;
    if (!(value instanceof Scalar scalar) || scalar.kind() != TypeModel.ScalarKind.STRING) {
      return "";
    }
    List<String> words = new ArrayList<>();
    int min = constraints.minSize();
    int max = constraints.maxSize();
    if (min > 0 && max < Integer.MAX_VALUE) {
      words.add(min == max ? "Exactly " + min + " characters." : "From " + min + " to " + max + " characters.");
    } else if (min > 0) {
      words.add("At least " + min + (min == 1 ? " character." : " characters."));
    } else if (max < Integer.MAX_VALUE) {
      words.add("At most " + max + (max == 1 ? " character." : " characters."));
    }
    if (constraints.notBlank()) {
      words.add("Not blank.");
    }
    return String.join(" ", words);
  }

  private static Map<String, Object> withDescription(Map<String, Object> schema, String description) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("description", schema.containsKey("description")
        ? sentences(List.of(description, (String) schema.get("description")))
        : description);
    schema.forEach((key, value) -> {
      if (!key.equals("description")) {
        described.put(key, value);
      }
    });
    return described;
  }

  private static Map<String, Object> type(TypeModel type) {
    return switch (type) {
      case Scalar scalar -> {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", scalar.kind().jsonType);
        if (scalar.kind().format != null) {
          schema.put("format", scalar.kind().format);
        }
        yield schema;
      }
      case EnumType enumType -> enumSchema(enumType, false);
      case RecordType record -> object(record.components(), null, null);
      case UnionType union -> {
        List<Object> members = new ArrayList<>();
        for (Member member : union.members()) {
          members.add(object(member.record().components(), Naming.NESTED_DISCRIMINATOR, member.tag()));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("anyOf", members);
        yield schema;
      }
      case ListType list -> {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "array");
        schema.put("items", type(list.element()));
        yield schema;
      }
      case MapType map -> {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("key", ordered("type", "string"));
        properties.put("value", type(map.value()));
        entry.put("properties", properties);
        entry.put("required", List.of("key", "value"));
        entry.put("additionalProperties", false);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "array");
        schema.put("description", "entries of a map with unique keys");
        schema.put("items", entry);
        yield schema;
      }
      case OptionalType optional -> nullable(optional.value());
      case JsonType json -> ordered("type", "string", "description", JSON_TEXT);
      case StepType step -> STEPS_MARKER;
      case Unsupported unsupported -> new LinkedHashMap<>();
    };
  }

  /**
   * Where a prompt's own steps go in a structured answer's schema: {@code XPrompts} puts the
   * union's members there from {@code XTools.SCHEMAS}, so no tool's schema is written twice.
   */
  static final Map<String, Object> STEPS_MARKER = Map.of("anyOf", "\u0000steps");

  /** How a free-form value is written: strict mode has no open object, so as a string. */
  static final String JSON_TEXT = "Any JSON value, written as JSON text in this string:"
      + " an object, an array, a number, true, false or null as JSON, or plain text.";

  private static Map<String, Object> nullable(TypeModel type) {
    if (type instanceof EnumType enumType) {
      return enumSchema(enumType, true);
    }
    Map<String, Object> schema = type(type);
    Object jsonType = schema.get("type");
    if (jsonType instanceof String single && !single.equals("object") && !schema.containsKey("anyOf")) {
      Map<String, Object> copy = new LinkedHashMap<>(schema);
      copy.put("type", List.of(single, "null"));
      return copy;
    }
    Map<String, Object> either = new LinkedHashMap<>();
    either.put("anyOf", List.of(schema, ordered("type", "null")));
    return either;
  }

  private static Map<String, Object> enumSchema(EnumType type, boolean nullable) {
    Map<String, Object> schema = new LinkedHashMap<>();
    StringBuilder described = new StringBuilder();
    for (int i = 0; i < type.constants().size(); i++) {
      String description = type.descriptions().get(i);
      if (!description.isEmpty()) {
        if (!described.isEmpty()) {
          described.append("; ");
        }
        described.append(type.jsonNames().get(i)).append(": ").append(description);
      }
    }
    if (!described.isEmpty()) {
      schema.put("description", described.toString());
    }
    schema.put("type", nullable ? List.of("string", "null") : "string");
    List<Object> values = new ArrayList<>(type.jsonNames());
    if (nullable) {
      values.add(null);
    }
    schema.put("enum", values);
    return schema;
  }

  private static Map<String, Object> object(List<Component> components, String tagKey, String tag) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    Map<String, Object> properties = new LinkedHashMap<>();
    List<Object> required = new ArrayList<>();
    if (tagKey != null) {
      properties.put(tagKey, ordered("type", "string", "const", tag));
      required.add(tagKey);
    }
    addComponents(components, properties, required);
    schema.put("properties", properties);
    schema.put("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  /** A map that keeps the order its keys are given in: schemas must print deterministically. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
