package dev.toolcase.example.codec;

import dev.toolcase.example.types.KindsTools;
import dev.toolcase.example.types.KindsNextStep;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.catalogue.CatalogueTools;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every generated schema is a valid Draft 2020-12 schema, keeps to OpenAI's strict subset, admits
 * what the codec writes and rejects what it should.
 */
class SchemaTest {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final Schema META_SCHEMA =
      REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

  /** Keywords OpenAI's strict mode accepts. */
  private static final Set<String> STRICT_KEYWORDS = Set.of("type", "properties", "required",
      "additionalProperties", "items", "enum", "const", "anyOf", "format", "description", "title",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems",
      "pattern");

  static Stream<StepCodec<?>> codecs() {
    return Stream.of(KindsTools.CODEC, DeployBotTools.CODEC, CalculatorTools.CODEC,
        CatalogueTools.CODEC);
  }

  static List<String> allSchemas(StepCodec<?> codec) {
    List<String> schemas = new ArrayList<>(codec.schemas().values());
    schemas.add(codec.unionSchema());
    for (JsonNode tool : Json.readTree(codec.openAiTools())) {
      schemas.add(Json.write(tool.get("function").get("parameters")));
    }
    for (JsonNode tool : Json.readTree(codec.anthropicTools())) {
      schemas.add(Json.write(tool.get("input_schema")));
    }
    return schemas;
  }

  @ParameterizedTest
  @MethodSource("codecs")
  void everySchemaIsValidDraft202012(StepCodec<?> codec) {
    for (String schema : allSchemas(codec)) {
      List<Error> errors = META_SCHEMA.validate(Json.readTree(schema));
      assertThat(errors).as(schema).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("codecs")
  void everySchemaKeepsToOpenAiStrictMode(StepCodec<?> codec) {
    for (String schema : allSchemas(codec)) {
      JsonNode root = Json.readTree(schema);
      assertThat(root.get("type").asString()).as("root of %s", schema).isEqualTo("object");
      assertStrict(root, schema);
    }
  }

  private static void assertStrict(JsonNode node, String whole) {
    for (String keyword : node.propertyNames()) {
      assertThat(STRICT_KEYWORDS).as("keyword %s in %s", keyword, whole).contains(keyword);
    }
    long kinds = Stream.of("type", "anyOf", "$ref").filter(node::has).count();
    assertThat(kinds).as("exactly one of type/anyOf/$ref in %s", node).isEqualTo(1);
    if (node.has("properties")) {
      assertThat(node.get("additionalProperties").asBoolean(true)).as("closed: %s", node).isFalse();
      List<String> required = new ArrayList<>();
      node.get("required").forEach(r -> required.add(r.asString()));
      assertThat(required).as("all properties required in %s", node)
          .containsExactlyElementsOf(node.get("properties").propertyNames());
      node.get("properties").forEach(p -> assertStrict(p, whole));
    } else if (node.path("type").asString("").equals("object")) {
      throw new AssertionError("object without properties in " + whole);
    }
    if (node.has("items")) {
      assertStrict(node.get("items"), whole);
    }
    if (node.has("anyOf")) {
      node.get("anyOf").forEach(member -> assertStrict(member, whole));
    }
  }

  @Test
  void whatTheCodecWritesFitsTheSchemas() {
    Map<String, String> schemas = KindsTools.SCHEMAS;
    Schema union = REGISTRY.getSchema(KindsTools.UNION_SCHEMA);
    Map<String, Schema> arguments = new java.util.HashMap<>();
    for (JsonNode tool : Json.readTree(KindsTools.openAiTools())) {
      arguments.put(tool.get("function").get("name").asString(),
          REGISTRY.getSchema(tool.get("function").get("parameters")));
    }
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      KindsNextStep step = new KindsSamples(random, true).any();
      String intent = KindsTools.intentOf(step);
      JsonNode json = Json.readTree(KindsTools.toJson(step));
      assertThat(REGISTRY.getSchema(schemas.get(intent)).validate(json)).as(json.toString()).isEmpty();
      ObjectNode wrapped = Json.mapper().createObjectNode();
      wrapped.set("next_step", json);
      assertThat(union.validate(wrapped)).as(wrapped.toString()).isEmpty();
      JsonNode args = Json.readTree(KindsTools.argumentsJson(step));
      assertThat(arguments.get(intent).validate(args)).as(args.toString()).isEmpty();
    }
  }

  @Test
  void constraintsAndDefaultsAreInTheSchema() {
    Schema factorial = REGISTRY.getSchema(CatalogueTools.SCHEMAS.get("math_factorial"));
    assertThat(factorial.validate(Json.readTree("{\"intent\":\"math_factorial\",\"n\":170}"))).isEmpty();
    assertThat(factorial.validate(Json.readTree("{\"intent\":\"math_factorial\",\"n\":171}"))).isNotEmpty();
    Schema code = REGISTRY.getSchema(CatalogueTools.SCHEMAS.get("2fa"));
    assertThat(code.validate(Json.readTree("{\"intent\":\"2fa\",\"phone\":\"+4915112345678\"}"))).isEmpty();
    assertThat(code.validate(Json.readTree("{\"intent\":\"2fa\",\"phone\":\"x+4915112345678\"}")))
        .as("the pattern matches the whole string").isNotEmpty();
    Schema travel = REGISTRY.getSchema(CatalogueTools.SCHEMAS.get("Travel_1_FindAttractions"));
    assertThat(travel.validate(Json.readTree("{\"intent\":\"Travel_1_FindAttractions\","
        + "\"location\":\"Rome\",\"free_entry\":null,\"limit\":null}"))).as("null for a default").isEmpty();
    assertThat(CatalogueTools.SCHEMAS.get("Travel_1_FindAttractions"))
        .contains("how many to list. Null means the default, 10.");
  }

  @Test
  void invalidArgumentsAreRejected() {
    Schema deploy = REGISTRY.getSchema(DeployBotTools.SCHEMAS.get("deploy_backend"));
    assertThat(deploy.validate(Json.readTree(
        "{\"intent\":\"deploy_backend\",\"tag\":\"v1\",\"environment\":\"staging\"}"))).isEmpty();
    assertThat(deploy.validate(Json.readTree(
        "{\"intent\":\"deploy_backend\",\"tag\":\"v1\",\"environment\":\"prod\"}"))).isNotEmpty();
    assertThat(deploy.validate(Json.readTree(
        "{\"intent\":\"deploy_backend\",\"environment\":\"staging\"}"))).isNotEmpty();
    assertThat(deploy.validate(Json.readTree(
        "{\"intent\":\"deploy_backend\",\"tag\":\"v1\",\"environment\":\"staging\",\"force\":true}")))
        .isNotEmpty();
    assertThat(deploy.validate(Json.readTree(
        "{\"intent\":\"deploy_frontend\",\"tag\":\"v1\",\"environment\":\"staging\"}"))).isNotEmpty();

    Schema optionals = REGISTRY.getSchema(KindsTools.SCHEMAS.get("optionals"));
    String nulls = "{\"intent\":\"optionals\",\"note\":null,\"limit\":null,\"priority\":null,"
        + "\"address\":null,\"labels\":null,\"shape\":null}";
    assertThat(optionals.validate(Json.readTree(nulls))).isEmpty();
    assertThat(optionals.validate(Json.readTree(nulls.replace("\"limit\":null", "\"limit\":\"ten\""))))
        .isNotEmpty();
    assertThat(optionals.validate(Json.readTree(nulls.replace("\"priority\":null", "\"priority\":\"urgent\""))))
        .isNotEmpty();
    assertThat(optionals.validate(Json.readTree(nulls.replace(",\"shape\":null", "")))).isNotEmpty();

    Schema shapes = REGISTRY.getSchema(KindsTools.SCHEMAS.get("shapes"));
    assertThat(shapes.validate(Json.readTree(
        "{\"intent\":\"shapes\",\"main\":{\"type\":\"circle\",\"radius\":1},\"others\":[]}"))).isEmpty();
    assertThat(shapes.validate(Json.readTree(
        "{\"intent\":\"shapes\",\"main\":{\"type\":\"triangle\",\"radius\":1},\"others\":[]}"))).isNotEmpty();
  }
}
