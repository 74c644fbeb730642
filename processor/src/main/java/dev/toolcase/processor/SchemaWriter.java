package dev.toolcase.processor;

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

  private static void addComponents(List<Component> components, Map<String, Object> properties,
      List<Object> required) {
    for (Component component : components) {
      Map<String, Object> schema = type(component.type());
      if (!component.description().isEmpty()) {
        schema = withDescription(schema, component.description());
      }
      properties.put(component.jsonName(), schema);
      required.add(component.jsonName());
    }
  }

  private static Map<String, Object> withDescription(Map<String, Object> schema, String description) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("description", schema.containsKey("description")
        ? description + " " + schema.get("description")
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
    };
  }

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
