package dev.toolcase.example.types;

import dev.toolcase.ParseException;
import dev.toolcase.StepCodec;
import dev.toolcase.json.Decoder;
import dev.toolcase.json.JsonOutput;
import dev.toolcase.json.Parsing;
import dev.toolcase.json.UnknownProperties;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;
import tools.jackson.databind.JsonNode;

/**
 * Schemas, tool definitions and the JSON codec of {@link Kinds}, generated without
 * reflection from its tools.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public final class KindsTools {
  private static final String SCALARS_SCHEMA = "{\"type\":\"object\",\"description\":\"scalars\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"scalars\"},\"text\":{\"description\":\"some text\",\"type\":\"string\"},\"flag\":{\"type\":\"boolean\"},\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},\"small\":{\"type\":\"integer\"},\"tiny\":{\"type\":\"integer\"},\"letter\":{\"type\":\"string\"},\"ratio\":{\"type\":\"number\"},\"weight\":{\"type\":\"number\"},\"price\":{\"type\":\"number\"},\"huge\":{\"type\":\"integer\"},\"when\":{\"type\":\"string\",\"format\":\"date-time\"},\"day\":{\"type\":\"string\",\"format\":\"date\"},\"priority\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},\"required\":[\"intent\",\"text\",\"flag\",\"count\",\"big\",\"small\",\"tiny\",\"letter\",\"ratio\",\"weight\",\"price\",\"huge\",\"when\",\"day\",\"priority\"],\"additionalProperties\":false}";

  private static final String BOXES_SCHEMA = "{\"type\":\"object\",\"description\":\"boxes\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"boxes\"},\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},\"ratio\":{\"type\":\"number\"},\"flag\":{\"type\":\"boolean\"},\"letter\":{\"type\":\"string\"}},\"required\":[\"intent\",\"count\",\"big\",\"ratio\",\"flag\",\"letter\"],\"additionalProperties\":false}";

  private static final String STRUCTURES_TOOL_SCHEMA = "{\"type\":\"object\",\"description\":\"structures\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"structures_tool\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"priorities\":{\"type\":\"array\",\"items\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},\"counts\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"integer\"}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false}},\"addressBook\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false}}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false}},\"home\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false},\"grid\":{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}}},\"required\":[\"intent\",\"tags\",\"priorities\",\"counts\",\"addressBook\",\"home\",\"grid\"],\"additionalProperties\":false}";

  private static final String OPTIONALS_SCHEMA = "{\"type\":\"object\",\"description\":\"optionals\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"optionals\"},\"note\":{\"type\":[\"string\",\"null\"]},\"limit\":{\"type\":[\"integer\",\"null\"]},\"priority\":{\"description\":\"low: can wait\",\"type\":[\"string\",\"null\"],\"enum\":[\"low\",\"high\",null]},\"address\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false},{\"type\":\"null\"}]},\"labels\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"}},\"shape\":{\"anyOf\":[{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]},{\"type\":\"null\"}]}},\"required\":[\"intent\",\"note\",\"limit\",\"priority\",\"address\",\"labels\",\"shape\"],\"additionalProperties\":false}";

  private static final String SHAPES_SCHEMA = "{\"type\":\"object\",\"description\":\"shapes\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"shapes\"},\"main\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]},\"others\":{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]}}},\"required\":[\"intent\",\"main\",\"others\"],\"additionalProperties\":false}";

  private static final String NOTHING_SCHEMA = "{\"type\":\"object\",\"description\":\"nothing\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"nothing\"}},\"required\":[\"intent\"],\"additionalProperties\":false}";

  private static final List<String> INTENTS = List.of("scalars", "boxes", "structures_tool", "optionals", "shapes", "nothing");

  private static final List<Decoder.Shape> SHAPES = List.of(
    new Decoder.Shape("scalars", List.of("text", "flag", "count", "big", "small", "tiny", "letter", "ratio", "weight", "price", "huge", "when", "day", "priority"), List.of("text", "flag", "count", "big", "small", "tiny", "letter", "ratio", "weight", "price", "huge", "when", "day", "priority")),
    new Decoder.Shape("boxes", List.of("count", "big", "ratio", "flag", "letter"), List.of("count", "big", "ratio", "flag", "letter")),
    new Decoder.Shape("structures_tool", List.of("tags", "priorities", "counts", "addressBook", "home", "grid"), List.of("tags", "priorities", "counts", "addressBook", "home", "grid")),
    new Decoder.Shape("optionals", List.of(), List.of("note", "limit", "priority", "address", "labels", "shape")),
    new Decoder.Shape("shapes", List.of("main", "others"), List.of("main", "others")),
    new Decoder.Shape("nothing", List.of(), List.of()));

  private static final Set<String> KINDS_SCALARS_PROPERTIES = Set.of("intent", "text", "flag", "count", "big", "small", "tiny", "letter", "ratio", "weight", "price", "huge", "when", "day", "priority");

  private static final Set<String> KINDS_BOXES_PROPERTIES = Set.of("intent", "count", "big", "ratio", "flag", "letter");

  private static final Set<String> KINDS_STRUCTURES_PROPERTIES = Set.of("intent", "tags", "priorities", "counts", "addressBook", "home", "grid");

  private static final Set<String> KINDS_ADDRESS_PROPERTIES = Set.of("street", "zip");

  private static final Set<String> KINDS_OPTIONALS_PROPERTIES = Set.of("intent", "note", "limit", "priority", "address", "labels", "shape");

  private static final List<Decoder.Shape> KINDS_SHAPE_SHAPES = List.of(
    new Decoder.Shape("circle", List.of("radius"), List.of("radius")),
    new Decoder.Shape("square", List.of("side"), List.of("side", "label")));

  private static final Set<String> KINDS_CIRCLE_PROPERTIES = Set.of("type", "radius");

  private static final Set<String> KINDS_SQUARE_PROPERTIES = Set.of("type", "side", "label");

  private static final Set<String> KINDS_SHAPES_PROPERTIES = Set.of("intent", "main", "others");

  private static final Set<String> KINDS_NOTHING_PROPERTIES = Set.of("intent");

  private static final String OPENAI_TOOLS = "[{\"type\":\"function\",\"function\":{\"name\":\"scalars\",\"description\":\"scalars\",\"parameters\":{\"type\":\"object\",\"description\":\"scalars\",\"properties\":{\"text\":{\"description\":\"some text\",\"type\":\"string\"},\"flag\":{\"type\":\"boolean\"},\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},\"small\":{\"type\":\"integer\"},\"tiny\":{\"type\":\"integer\"},\"letter\":{\"type\":\"string\"},\"ratio\":{\"type\":\"number\"},\"weight\":{\"type\":\"number\"},\"price\":{\"type\":\"number\"},\"huge\":{\"type\":\"integer\"},\"when\":{\"type\":\"string\",\"format\":\"date-time\"},\"day\":{\"type\":\"string\",\"format\":\"date\"},\"priority\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},\"required\":[\"text\",\"flag\",\"count\",\"big\",\"small\",\"tiny\",\"letter\",\"ratio\",\"weight\",\"price\",\"huge\",\"when\",\"day\",\"priority\"],\"additionalProperties\":false},\"strict\":true}},{\"type\":\"function\",\"function\":{\"name\":\"boxes\",\"description\":\"boxes\",\"parameters\":{\"type\":\"object\",\"description\":\"boxes\",\"properties\":{\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},\"ratio\":{\"type\":\"number\"},\"flag\":{\"type\":\"boolean\"},\"letter\":{\"type\":\"string\"}},\"required\":[\"count\",\"big\",\"ratio\",\"flag\",\"letter\"],\"additionalProperties\":false},\"strict\":true}},{\"type\":\"function\",\"function\":{\"name\":\"structures_tool\",\"description\":\"structures\",\"parameters\":{\"type\":\"object\",\"description\":\"structures\",\"properties\":{\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"priorities\":{\"type\":\"array\",\"items\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},\"counts\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"integer\"}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false}},\"addressBook\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false}}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false}},\"home\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false},\"grid\":{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}}},\"required\":[\"tags\",\"priorities\",\"counts\",\"addressBook\",\"home\",\"grid\"],\"additionalProperties\":false},\"strict\":true}},{\"type\":\"function\",\"function\":{\"name\":\"optionals\",\"description\":\"optionals\",\"parameters\":{\"type\":\"object\",\"description\":\"optionals\",\"properties\":{\"note\":{\"type\":[\"string\",\"null\"]},\"limit\":{\"type\":[\"integer\",\"null\"]},\"priority\":{\"description\":\"low: can wait\",\"type\":[\"string\",\"null\"],\"enum\":[\"low\",\"high\",null]},\"address\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false},{\"type\":\"null\"}]},\"labels\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"}},\"shape\":{\"anyOf\":[{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]},{\"type\":\"null\"}]}},\"required\":[\"note\",\"limit\",\"priority\",\"address\",\"labels\",\"shape\"],\"additionalProperties\":false},\"strict\":true}},{\"type\":\"function\",\"function\":{\"name\":\"shapes\",\"description\":\"shapes\",\"parameters\":{\"type\":\"object\",\"description\":\"shapes\",\"properties\":{\"main\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]},\"others\":{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]}}},\"required\":[\"main\",\"others\"],\"additionalProperties\":false},\"strict\":true}},{\"type\":\"function\",\"function\":{\"name\":\"nothing\",\"description\":\"nothing\",\"parameters\":{\"type\":\"object\",\"description\":\"nothing\",\"properties\":{},\"required\":[],\"additionalProperties\":false},\"strict\":true}}]";

  private static final String ANTHROPIC_TOOLS = "[{\"name\":\"scalars\",\"description\":\"scalars\",\"input_schema\":{\"type\":\"object\",\"description\":\"scalars\",\"properties\":{\"text\":{\"description\":\"some text\",\"type\":\"string\"},\"flag\":{\"type\":\"boolean\"},\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},\"small\":{\"type\":\"integer\"},\"tiny\":{\"type\":\"integer\"},\"letter\":{\"type\":\"string\"},\"ratio\":{\"type\":\"number\"},\"weight\":{\"type\":\"number\"},\"price\":{\"type\":\"number\"},\"huge\":{\"type\":\"integer\"},\"when\":{\"type\":\"string\",\"format\":\"date-time\"},\"day\":{\"type\":\"string\",\"format\":\"date\"},\"priority\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},\"required\":[\"text\",\"flag\",\"count\",\"big\",\"small\",\"tiny\",\"letter\",\"ratio\",\"weight\",\"price\",\"huge\",\"when\",\"day\",\"priority\"],\"additionalProperties\":false}},{\"name\":\"boxes\",\"description\":\"boxes\",\"input_schema\":{\"type\":\"object\",\"description\":\"boxes\",\"properties\":{\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},\"ratio\":{\"type\":\"number\"},\"flag\":{\"type\":\"boolean\"},\"letter\":{\"type\":\"string\"}},\"required\":[\"count\",\"big\",\"ratio\",\"flag\",\"letter\"],\"additionalProperties\":false}},{\"name\":\"structures_tool\",\"description\":\"structures\",\"input_schema\":{\"type\":\"object\",\"description\":\"structures\",\"properties\":{\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"priorities\":{\"type\":\"array\",\"items\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},\"counts\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"integer\"}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false}},\"addressBook\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false}}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false}},\"home\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false},\"grid\":{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}}},\"required\":[\"tags\",\"priorities\",\"counts\",\"addressBook\",\"home\",\"grid\"],\"additionalProperties\":false}},{\"name\":\"optionals\",\"description\":\"optionals\",\"input_schema\":{\"type\":\"object\",\"description\":\"optionals\",\"properties\":{\"note\":{\"type\":[\"string\",\"null\"]},\"limit\":{\"type\":[\"integer\",\"null\"]},\"priority\":{\"description\":\"low: can wait\",\"type\":[\"string\",\"null\"],\"enum\":[\"low\",\"high\",null]},\"address\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false},{\"type\":\"null\"}]},\"labels\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"}},\"shape\":{\"anyOf\":[{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]},{\"type\":\"null\"}]}},\"required\":[\"note\",\"limit\",\"priority\",\"address\",\"labels\",\"shape\"],\"additionalProperties\":false}},{\"name\":\"shapes\",\"description\":\"shapes\",\"input_schema\":{\"type\":\"object\",\"description\":\"shapes\",\"properties\":{\"main\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]},\"others\":{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]}}},\"required\":[\"main\",\"others\"],\"additionalProperties\":false}},{\"name\":\"nothing\",\"description\":\"nothing\",\"input_schema\":{\"type\":\"object\",\"description\":\"nothing\",\"properties\":{},\"required\":[],\"additionalProperties\":false}}]";

  /**
   * The JSON Schema (Draft 2020-12, OpenAI strict) of each tool of {@link Kinds}, by
   * intent, in the order the prompt lists them. Each carries its {@code intent}.
   */
  public static final Map<String, String> SCHEMAS = schemas();

  /**
   * The schema of {@link KindsNextStep}: an object whose {@code next_step} property is any of the
   * tools, usable as a strict response format. {@link #parse} reads it, too.
   */
  public static final String UNION_SCHEMA = "{\"type\":\"object\",\"properties\":{\"next_step\":{\"anyOf\":[{\"type\":\"object\",\"description\":\"scalars\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"scalars\"},\"text\":{\"description\":\"some text\",\"type\":\"string\"},\"flag\":{\"type\":\"boolean\"},\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},\"small\":{\"type\":\"integer\"},\"tiny\":{\"type\":\"integer\"},\"letter\":{\"type\":\"string\"},\"ratio\":{\"type\":\"number\"},\"weight\":{\"type\":\"number\"},\"price\":{\"type\":\"number\"},\"huge\":{\"type\":\"integer\"},\"when\":{\"type\":\"string\",\"format\":\"date-time\"},\"day\":{\"type\":\"string\",\"format\":\"date\"},\"priority\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},\"required\":[\"intent\",\"text\",\"flag\",\"count\",\"big\",\"small\",\"tiny\",\"letter\",\"ratio\",\"weight\",\"price\",\"huge\",\"when\",\"day\",\"priority\"],\"additionalProperties\":false},{\"type\":\"object\",\"description\":\"boxes\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"boxes\"},\"count\":{\"type\":\"integer\"},\"big\":{\"type\":\"integer\"},\"ratio\":{\"type\":\"number\"},\"flag\":{\"type\":\"boolean\"},\"letter\":{\"type\":\"string\"}},\"required\":[\"intent\",\"count\",\"big\",\"ratio\",\"flag\",\"letter\"],\"additionalProperties\":false},{\"type\":\"object\",\"description\":\"structures\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"structures_tool\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"priorities\":{\"type\":\"array\",\"items\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},\"counts\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"integer\"}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false}},\"addressBook\":{\"type\":\"array\",\"description\":\"entries of a map with unique keys\",\"items\":{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"value\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false}}},\"required\":[\"key\",\"value\"],\"additionalProperties\":false}},\"home\":{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false},\"grid\":{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}}},\"required\":[\"intent\",\"tags\",\"priorities\",\"counts\",\"addressBook\",\"home\",\"grid\"],\"additionalProperties\":false},{\"type\":\"object\",\"description\":\"optionals\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"optionals\"},\"note\":{\"type\":[\"string\",\"null\"]},\"limit\":{\"type\":[\"integer\",\"null\"]},\"priority\":{\"description\":\"low: can wait\",\"type\":[\"string\",\"null\"],\"enum\":[\"low\",\"high\",null]},\"address\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false},{\"type\":\"null\"}]},\"labels\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"}},\"shape\":{\"anyOf\":[{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]},{\"type\":\"null\"}]}},\"required\":[\"intent\",\"note\",\"limit\",\"priority\",\"address\",\"labels\",\"shape\"],\"additionalProperties\":false},{\"type\":\"object\",\"description\":\"shapes\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"shapes\"},\"main\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]},\"others\":{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"circle\"},\"radius\":{\"type\":\"number\"}},\"required\":[\"type\",\"radius\"],\"additionalProperties\":false},{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"const\":\"square\"},\"side\":{\"type\":\"number\"},\"label\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"type\",\"side\",\"label\"],\"additionalProperties\":false}]}}},\"required\":[\"intent\",\"main\",\"others\"],\"additionalProperties\":false},{\"type\":\"object\",\"description\":\"nothing\",\"properties\":{\"intent\":{\"type\":\"string\",\"const\":\"nothing\"}},\"required\":[\"intent\"],\"additionalProperties\":false}]}},\"required\":[\"next_step\"],\"additionalProperties\":false}";

  /**
   * This class as the runtime's {@link StepCodec}, for the loop, thread and stores.
   */
  public static final StepCodec<KindsNextStep> CODEC = new Codec();

  private KindsTools() {
  }

  private static Map<String, String> schemas() {
    Map<String, String> schemas = new LinkedHashMap<>();
    schemas.put("scalars", SCALARS_SCHEMA);
    schemas.put("boxes", BOXES_SCHEMA);
    schemas.put("structures_tool", STRUCTURES_TOOL_SCHEMA);
    schemas.put("optionals", OPTIONALS_SCHEMA);
    schemas.put("shapes", SHAPES_SCHEMA);
    schemas.put("nothing", NOTHING_SCHEMA);
    return Collections.unmodifiableMap(schemas);
  }

  /**
   * The tools as OpenAI chat-completions {@code tools}: a JSON array of functions named
   * by intent, with {@code strict: true}.
   */
  public static String openAiTools() {
    return OPENAI_TOOLS;
  }

  /**
   * The tools as Anthropic messages {@code tools}: a JSON array of
   * {@code {name, description, input_schema}}.
   */
  public static String anthropicTools() {
    return ANTHROPIC_TOOLS;
  }

  /**
   * Reads the model's output as a step of {@link Kinds}.
   *
   * @throws ParseException if it is not one valid step; the message is written for the model
   */
  public static KindsNextStep parse(String modelOutput) {
    return parseWithRepairs(modelOutput).value();
  }

  /**
   * Like {@link #parse}, and tells which repairs and coercions the output needed.
   */
  public static Parsing.Parsed<KindsNextStep> parseWithRepairs(String modelOutput) {
    return Parsing.parse(modelOutput, KindsTools::readStep);
  }

  /**
   * Like {@link #parseWithRepairs(String)}; with {@link UnknownProperties#REJECT}, properties that no
   * component names are problems instead of repairs.
   */
  public static Parsing.Parsed<KindsNextStep> parseWithRepairs(String modelOutput,
      UnknownProperties unknownProperties) {
    return Parsing.parse(modelOutput, KindsTools::readStep, unknownProperties);
  }

  /**
   * Reads exactly one well-formed JSON step, with no search and no repairs of the text:
   * for JSON a program wrote.
   *
   * @throws ParseException if it is not strict JSON of one valid step
   */
  public static KindsNextStep parseStrict(String json) {
    return Parsing.parseStrict(json, KindsTools::readStep);
  }

  /**
   * Reads a native tool call: {@code name} is the tool's intent.
   *
   * @throws ParseException if the name is no tool of {@link Kinds} or the arguments do not fit
   */
  public static KindsNextStep fromToolCall(String name, String argumentsJson) {
    String intent = Decoder.tagOf(name);
    return Parsing.parseArguments(argumentsJson, (d, node) -> readMember(d, intent, node)).value();
  }

  /**
   * The step as a JSON object with its {@code intent}.
   */
  public static String toJson(KindsNextStep step) {
    return JsonOutput.write(out -> writeStep(out, step, true));
  }

  /**
   * The step's arguments as a JSON object, without {@code intent}: a tool call's arguments.
   */
  public static String argumentsJson(KindsNextStep step) {
    return JsonOutput.write(out -> writeStep(out, step, false));
  }

  /**
   * The intent of a step, such as {@code scalars}.
   */
  public static String intentOf(KindsNextStep step) {
    return switch (step) {
      case Kinds.Scalars call -> "scalars";
      case Kinds.Boxes call -> "boxes";
      case Kinds.Structures call -> "structures_tool";
      case Kinds.Optionals call -> "optionals";
      case Kinds.Shapes call -> "shapes";
      case Kinds.Nothing call -> "nothing";
    };
  }

  /**
   * Whether the step's tool is declared {@code @Tool(approval = true)}.
   */
  public static boolean requiresApproval(KindsNextStep step) {
    return switch (step) {
      case Kinds.Scalars call -> false;
      case Kinds.Boxes call -> false;
      case Kinds.Structures call -> true;
      case Kinds.Optionals call -> false;
      case Kinds.Shapes call -> false;
      case Kinds.Nothing call -> false;
    };
  }

  private static KindsNextStep readStep(Decoder d, JsonNode node) {
    Decoder.Tagged tagged = d.tagged(d.stepObject(node, "next_step", "intent"), "intent", SHAPES);
    return tagged == null ? null : readMember(d, tagged.tag(), tagged.object());
  }

  private static KindsNextStep readMember(Decoder d, String intent, JsonNode node) {
    return switch (intent) {
      case "scalars" -> readKindsScalars(d, node);
      case "boxes" -> readKindsBoxes(d, node);
      case "structures_tool" -> readKindsStructures(d, node);
      case "optionals" -> readKindsOptionals(d, node);
      case "shapes" -> readKindsShapes(d, node);
      case "nothing" -> readKindsNothing(d, node);
      default -> d.unknownMember("intent", intent, INTENTS);
    };
  }

  private static void writeStep(JsonOutput out, KindsNextStep step, boolean withIntent) {
    out.beginObject();
    if (withIntent) {
      out.name("intent").value(intentOf(step));
    }
    switch (step) {
      case Kinds.Scalars call -> writeKindsScalarsFields(out, call);
      case Kinds.Boxes call -> writeKindsBoxesFields(out, call);
      case Kinds.Structures call -> writeKindsStructuresFields(out, call);
      case Kinds.Optionals call -> writeKindsOptionalsFields(out, call);
      case Kinds.Shapes call -> writeKindsShapesFields(out, call);
      case Kinds.Nothing call -> writeKindsNothingFields(out, call);
    }
    out.endObject();
  }

  private static Kinds.Scalars readKindsScalars(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String text = d.required(object, "text", Decoder::string);
    Boolean flag = d.required(object, "flag", Decoder::bool);
    Integer count = d.required(object, "count", Decoder::integer);
    Long big = d.required(object, "big", Decoder::longValue);
    Short small = d.required(object, "small", Decoder::shortValue);
    Byte tiny = d.required(object, "tiny", Decoder::byteValue);
    Character letter = d.required(object, "letter", Decoder::character);
    Double ratio = d.required(object, "ratio", Decoder::doubleValue);
    Float weight = d.required(object, "weight", Decoder::floatValue);
    BigDecimal price = d.required(object, "price", Decoder::decimal);
    BigInteger huge = d.required(object, "huge", Decoder::bigInteger);
    Instant when = d.required(object, "when", Decoder::instant);
    LocalDate day = d.required(object, "day", Decoder::date);
    Kinds.Priority priority = d.required(object, "priority", KindsTools::readKindsPriority);
    d.unknownProperties(object, KINDS_SCALARS_PROPERTIES);
    return d.failedSince(mark) ? null : new Kinds.Scalars(text, flag, count, big, small, tiny, letter, ratio, weight, price, huge, when, day, priority);
  }

  private static void writeKindsScalarsFields(JsonOutput out, Kinds.Scalars value) {
    out.name("text").value(value.text());
    out.name("flag").value(value.flag());
    out.name("count").value(value.count());
    out.name("big").value(value.big());
    out.name("small").value(value.small());
    out.name("tiny").value(value.tiny());
    out.name("letter").value(value.letter());
    out.name("ratio").value(value.ratio());
    out.name("weight").value(value.weight());
    out.name("price").value(value.price());
    out.name("huge").value(value.huge());
    out.name("when").value(value.when());
    out.name("day").value(value.day());
    out.name("priority").value(value.priority());
  }

  private static Kinds.Priority readKindsPriority(Decoder d, JsonNode node) {
    return d.enumValue(node, Kinds.Priority.values());
  }

  private static Kinds.Boxes readKindsBoxes(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Integer count = d.required(object, "count", Decoder::integer);
    Long big = d.required(object, "big", Decoder::longValue);
    Double ratio = d.required(object, "ratio", Decoder::doubleValue);
    Boolean flag = d.required(object, "flag", Decoder::bool);
    Character letter = d.required(object, "letter", Decoder::character);
    d.unknownProperties(object, KINDS_BOXES_PROPERTIES);
    return d.failedSince(mark) ? null : new Kinds.Boxes(count, big, ratio, flag, letter);
  }

  private static void writeKindsBoxesFields(JsonOutput out, Kinds.Boxes value) {
    out.name("count").value(value.count());
    out.name("big").value(value.big());
    out.name("ratio").value(value.ratio());
    out.name("flag").value(value.flag());
    out.name("letter").value(value.letter());
  }

  private static Kinds.Structures readKindsStructures(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    List<String> tags = d.required(object, "tags", (d1, n1) -> d1.list(n1, Decoder::string));
    Set<Kinds.Priority> priorities = d.required(object, "priorities", (d1, n1) -> d1.set(n1, KindsTools::readKindsPriority));
    Map<String, Integer> counts = d.required(object, "counts", (d1, n1) -> d1.map(n1, Decoder::integer));
    Map<String, List<Kinds.Address>> addressBook = d.required(object, "addressBook", (d1, n1) -> d1.map(n1, (d2, n2) -> d2.list(n2, KindsTools::readKindsAddress)));
    Kinds.Address home = d.required(object, "home", KindsTools::readKindsAddress);
    List<List<Integer>> grid = d.required(object, "grid", (d1, n1) -> d1.list(n1, (d2, n2) -> d2.list(n2, Decoder::integer)));
    d.unknownProperties(object, KINDS_STRUCTURES_PROPERTIES);
    return d.failedSince(mark) ? null : new Kinds.Structures(tags, priorities, counts, addressBook, home, grid);
  }

  private static void writeKindsStructuresFields(JsonOutput out, Kinds.Structures value) {
    out.name("tags").array(value.tags(), JsonOutput::value);
    out.name("priorities").array(value.priorities(), JsonOutput::value);
    out.name("counts").entries(value.counts(), JsonOutput::value);
    out.name("addressBook").entries(value.addressBook(), (o, v) -> o.array(v, KindsTools::writeKindsAddress));
    out.name("home").write(value.home(), KindsTools::writeKindsAddress);
    out.name("grid").array(value.grid(), (o, v) -> o.array(v, JsonOutput::value));
  }

  private static Kinds.Address readKindsAddress(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String street = d.required(object, "street", Decoder::string);
    String zip = d.required(object, "zip", Decoder::string);
    d.unknownProperties(object, KINDS_ADDRESS_PROPERTIES);
    return d.failedSince(mark) ? null : new Kinds.Address(street, zip);
  }

  private static void writeKindsAddress(JsonOutput out, Kinds.Address value) {
    if (value == null) {
      out.nullValue();
      return;
    }
    out.beginObject();
    writeKindsAddressFields(out, value);
    out.endObject();
  }

  private static void writeKindsAddressFields(JsonOutput out, Kinds.Address value) {
    out.name("street").value(value.street());
    out.name("zip").value(value.zip());
  }

  private static Kinds.Optionals readKindsOptionals(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Optional<String> note = d.optional(object, "note", Decoder::string);
    Optional<Integer> limit = d.optional(object, "limit", Decoder::integer);
    Optional<Kinds.Priority> priority = d.optional(object, "priority", KindsTools::readKindsPriority);
    Optional<Kinds.Address> address = d.optional(object, "address", KindsTools::readKindsAddress);
    Optional<List<String>> labels = d.optional(object, "labels", (d1, n1) -> d1.list(n1, Decoder::string));
    Optional<Kinds.Shape> shape = d.optional(object, "shape", KindsTools::readKindsShape);
    d.unknownProperties(object, KINDS_OPTIONALS_PROPERTIES);
    return d.failedSince(mark) ? null : new Kinds.Optionals(note, limit, priority, address, labels, shape);
  }

  private static void writeKindsOptionalsFields(JsonOutput out, Kinds.Optionals value) {
    out.name("note").optional(value.note(), JsonOutput::value);
    out.name("limit").optional(value.limit(), JsonOutput::value);
    out.name("priority").optional(value.priority(), JsonOutput::value);
    out.name("address").optional(value.address(), KindsTools::writeKindsAddress);
    out.name("labels").optional(value.labels(), (o, v) -> o.array(v, JsonOutput::value));
    out.name("shape").optional(value.shape(), KindsTools::writeKindsShape);
  }

  private static Kinds.Shape readKindsShape(Decoder d, JsonNode node) {
    Decoder.Tagged tagged = d.tagged(node, "type", KINDS_SHAPE_SHAPES);
    if (tagged == null) {
      return null;
    }
    return switch (tagged.tag()) {
      case "circle" -> readKindsCircle(d, tagged.object());
      case "square" -> readKindsSquare(d, tagged.object());
      default -> d.unknownMember("type", tagged.tag(), List.of("circle", "square"));
    };
  }

  private static void writeKindsShape(JsonOutput out, Kinds.Shape value) {
    if (value == null) {
      out.nullValue();
      return;
    }
    out.beginObject();
    switch (value) {
      case Kinds.Circle member -> {
        out.name("type").value("circle");
        writeKindsCircleFields(out, member);
      }
      case Kinds.Square member -> {
        out.name("type").value("square");
        writeKindsSquareFields(out, member);
      }
    }
    out.endObject();
  }

  private static Kinds.Circle readKindsCircle(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Double radius = d.required(object, "radius", Decoder::doubleValue);
    d.unknownProperties(object, KINDS_CIRCLE_PROPERTIES);
    return d.failedSince(mark) ? null : new Kinds.Circle(radius);
  }

  private static void writeKindsCircleFields(JsonOutput out, Kinds.Circle value) {
    out.name("radius").value(value.radius());
  }

  private static Kinds.Square readKindsSquare(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Double side = d.required(object, "side", Decoder::doubleValue);
    Optional<String> label = d.optional(object, "label", Decoder::string);
    d.unknownProperties(object, KINDS_SQUARE_PROPERTIES);
    return d.failedSince(mark) ? null : new Kinds.Square(side, label);
  }

  private static void writeKindsSquareFields(JsonOutput out, Kinds.Square value) {
    out.name("side").value(value.side());
    out.name("label").optional(value.label(), JsonOutput::value);
  }

  private static Kinds.Shapes readKindsShapes(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    Kinds.Shape main = d.required(object, "main", KindsTools::readKindsShape);
    List<Kinds.Shape> others = d.required(object, "others", (d1, n1) -> d1.list(n1, KindsTools::readKindsShape));
    d.unknownProperties(object, KINDS_SHAPES_PROPERTIES);
    return d.failedSince(mark) ? null : new Kinds.Shapes(main, others);
  }

  private static void writeKindsShapesFields(JsonOutput out, Kinds.Shapes value) {
    out.name("main").write(value.main(), KindsTools::writeKindsShape);
    out.name("others").array(value.others(), KindsTools::writeKindsShape);
  }

  private static Kinds.Nothing readKindsNothing(Decoder d, JsonNode node) {
    JsonNode object = d.object(node);
    if (object == null) {
      return null;
    }
    d.unknownProperties(object, KINDS_NOTHING_PROPERTIES);
    return new Kinds.Nothing();
  }

  private static void writeKindsNothingFields(JsonOutput out, Kinds.Nothing value) {
  }

  private static final class Codec implements StepCodec<KindsNextStep> {
    @Override
    public Class<KindsNextStep> stepType() {
      return KindsNextStep.class;
    }

    @Override
    public List<String> intents() {
      return INTENTS;
    }

    @Override
    public String intentOf(KindsNextStep step) {
      return KindsTools.intentOf(step);
    }

    @Override
    public String toJson(KindsNextStep step) {
      return KindsTools.toJson(step);
    }

    @Override
    public String argumentsJson(KindsNextStep step) {
      return KindsTools.argumentsJson(step);
    }

    @Override
    public KindsNextStep parse(String modelOutput) {
      return KindsTools.parse(modelOutput);
    }

    @Override
    public KindsNextStep fromToolCall(String name, String argumentsJson) {
      return KindsTools.fromToolCall(name, argumentsJson);
    }

    @Override
    public boolean requiresApproval(KindsNextStep step) {
      return KindsTools.requiresApproval(step);
    }

    @Override
    public Map<String, String> schemas() {
      return SCHEMAS;
    }

    @Override
    public String unionSchema() {
      return UNION_SCHEMA;
    }

    @Override
    public String openAiTools() {
      return OPENAI_TOOLS;
    }

    @Override
    public String anthropicTools() {
      return ANTHROPIC_TOOLS;
    }
  }
}
