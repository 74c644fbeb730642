package dev.toolcase.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.toolcase.processor.Compilations.compile;
import static dev.toolcase.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic of {@link Message}: its text, the file and the line it is reported on, and,
 * for errors, that it is the only error (no cascade of missing symbols from generated code that
 * was not written). Warnings are also shown to be silenced by {@code @SuppressWarnings}.
 */
class DiagnosticsTest {

  /** A prompt {@code Bot} over the given tools, with a valid method. */
  private static JavaFileObject bot(String tools) {
    return source("Bot", """
        @Prompt(tools = {%s})
        public interface Bot {
          @Template("{{role user}} {{thread}} {{output_format}}")
          BotNextStep next(AgentThread thread);
        }
        """.formatted(tools));
  }

  private static JavaFileObject done() {
    return source("Done", """
        @Tool("finish")
        public record Done(String message) implements BotNextStep, FinalAnswer {}
        """);
  }

  /** Asserts the diagnostic {@code message}, whose text starts with {@code text}. */
  private static CompilationSubject.DiagnosticInFile expect(Compilation compilation,
      Message message, String text) {
    assertThat(text).startsWith("[" + message.tag() + "] ");
    return switch (message.kind()) {
      case ERROR -> assertThat(compilation).hadErrorContaining(text);
      case WARNING, MANDATORY_WARNING -> assertThat(compilation).hadWarningContaining(text);
      default -> assertThat(compilation).hadNoteContaining(text);
    };
  }

  /** Asserts that there is exactly one error: no cascade. */
  private static void onlyError(Compilation compilation) {
    assertThat(compilation.errors()).as("errors").hasSize(1);
  }

  @Test
  void everyMessageHasATestHere() throws IOException {
    String self = Files.readString(Path.of("src/test/java/dev/toolcase/processor/DiagnosticsTest.java"));
    List<Message> untested = new ArrayList<>();
    for (Message message : Message.values()) {
      if (message != Message.INTERNAL && !self.contains("Message." + message.name() + ",")) {
        untested.add(message);
      }
    }
    assertThat(untested).as("messages without a negative test").isEmpty();
  }

  @Test
  void tagsAreUnique() {
    assertThat(java.util.Arrays.stream(Message.values()).map(Message::tag).distinct().count())
        .isEqualTo(Message.values().length);
  }

  // ---------------------------------------------------------------- tools and prompts

  @Test
  void toolOnAClass() {
    JavaFileObject search = source("WebSearch", """
        @Tool("search the web")
        public class WebSearch {}
        """);
    Compilation compilation = compile(search);
    expect(compilation, Message.TOOL_NOT_RECORD,
        "[ToolNotRecord] @Tool must annotate a record, but WebSearch is a class. Declare it as"
            + " `record WebSearch(...)`.")
        .inFile(search).onLineContaining("@Tool(\"search the web\")");
    onlyError(compilation);
  }

  @Test
  void promptOnAClass() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public class Bot {}
        """);
    Compilation compilation = compile(bot, source("Done", """
        @Tool("finish")
        public record Done(String message) implements FinalAnswer {}
        """));
    expect(compilation, Message.PROMPT_NOT_INTERFACE,
        "[PromptNotInterface] @Prompt must annotate an interface, but Bot is a class. Declare it"
            + " as `interface Bot`.")
        .inFile(bot).onLineContaining("@Prompt");
    onlyError(compilation);
  }

  @Test
  void promptWithoutTools() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {})
        public interface Bot {}
        """);
    Compilation compilation = compile(bot);
    expect(compilation, Message.PROMPT_WITHOUT_TOOLS,
        "[PromptWithoutTools] Bot lists no tools. Name at least one @Tool record in"
            + " @Prompt(tools = {...}).")
        .inFile(bot).onLineContaining("@Prompt");
    onlyError(compilation);
  }

  @Test
  void listedToolWithoutToolAnnotation() {
    JavaFileObject bot = bot("Done.class, Plain.class");
    Compilation compilation = compile(bot, done(), source("Plain", """
        public record Plain(String text) implements BotNextStep {}
        """));
    expect(compilation, Message.TOOL_NOT_ANNOTATED,
        "[ToolNotAnnotated] Bot lists Plain, but Plain has no @Tool annotation. Add"
            + " `@Tool(\"what it does\")` to Plain.")
        .inFile(bot).onLineContaining("@Prompt");
    onlyError(compilation);
  }

  @Test
  void toolThatDoesNotImplementTheUnion() {
    JavaFileObject search = source("WebSearch", """
        @Tool("search the web")
        public record WebSearch(String query) {}
        """);
    Compilation compilation = compile(bot("WebSearch.class, Done.class"), done(), search);
    expect(compilation, Message.TOOL_NOT_IN_UNION,
        "[ToolNotInUnion] Bot lists WebSearch, but WebSearch does not implement BotNextStep."
            + " Add `implements BotNextStep` to WebSearch.")
        .inFile(search).onLineContaining("record WebSearch");
    onlyError(compilation);
  }

  @Test
  void toolThatImplementsTheUnionButIsNotListed() {
    JavaFileObject search = source("WebSearch", """
        @Tool("search the web")
        public record WebSearch(String query) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Done.class"), done(), search);
    expect(compilation, Message.TOOL_NOT_LISTED,
        "[ToolNotListed] WebSearch implements BotNextStep, but Bot does not list it, and the union"
            + " is sealed to the tools listed. Add WebSearch.class to @Prompt(tools = {...}) of"
            + " Bot, or remove `implements BotNextStep`.")
        .inFile(search).onLineContaining("record WebSearch");
    onlyError(compilation);
  }

  @Test
  void toolInAnotherPackage() {
    JavaFileObject other = JavaFileObjects.forSourceString("other.Remote", """
        package other;

        import dev.toolcase.Tool;

        @Tool("a tool elsewhere")
        public record Remote(String text) {}
        """);
    JavaFileObject bot = bot("Done.class, other.Remote.class");
    Compilation compilation = compile(bot, done(), other);
    expect(compilation, Message.TOOL_IN_OTHER_PACKAGE,
        "[ToolInOtherPackage] Bot lists Remote from package other, but the sealed union"
            + " BotNextStep is generated in package test and may only permit records of its own"
            + " package. Move Remote to test.")
        .inFile(bot).onLineContaining("@Prompt");
    onlyError(compilation);
  }

  @Test
  void toolListedTwice() {
    JavaFileObject bot = bot("Done.class, Done.class");
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.DUPLICATE_TOOL,
        "[DuplicateTool] Bot lists Done more than once. List each tool once.")
        .inFile(bot).onLineContaining("@Prompt");
    onlyError(compilation);
  }

  @Test
  void twoToolsWithTheSameIntent() {
    JavaFileObject bot = bot("Done.class, Finish.class");
    Compilation compilation = compile(bot, done(), source("Finish", """
        @Tool(value = "also finish", name = "done")
        public record Finish(String message) implements BotNextStep {}
        """));
    expect(compilation, Message.DUPLICATE_INTENT,
        "[DuplicateIntent] Bot lists Done and Finish, which both have the intent \"done\". Give"
            + " one of them another name with @Tool(name = \"...\").")
        .inFile(bot).onLineContaining("@Prompt");
    onlyError(compilation);
  }

  @Test
  void invalidIntent() {
    JavaFileObject finish = source("Finish", """
        @Tool(value = "finish", name = "all done!")
        public record Finish(String message) implements BotNextStep, FinalAnswer {}
        """);
    Compilation compilation = compile(bot("Finish.class"), finish);
    expect(compilation, Message.INVALID_INTENT,
        "[InvalidIntent] The name \"all done!\" of Finish is not a valid tool name: providers take"
            + " 1 to 64 letters, digits, '_' or '-' (and no dots). Use such a name in"
            + " @Tool(name = \"...\"), for example \"all_done\".")
        .inFile(finish).onLineContaining("name = \"all done!\"");
    onlyError(compilation);
  }

  @Test
  void dottedNameIsOfferedWithUnderscores() {
    JavaFileObject factorial = source("Factorial", """
        @Tool(value = "n!", name = "math.factorial")
        public record Factorial(int n) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Factorial.class, Done.class"), done(), factorial);
    assertThat(compilation).succeededWithoutWarnings();
    expect(compilation, Message.INTENT_MAPPED,
        "[IntentMapped] The name \"math.factorial\" of Factorial has dots, which no provider takes"
            + " in a function name; it is offered as \"math_factorial\", and a call named either"
            + " way reads as Factorial.")
        .inFile(factorial).onLineContaining("name = \"math.factorial\"");
  }

  @Test
  void componentNamedIntent() {
    JavaFileObject route = source("Route", """
        @Tool("route a request")
        public record Route(
            String intent,
            String target) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Route.class, Done.class"), done(), route);
    expect(compilation, Message.RESERVED_NAME,
        "[ReservedName] Route has a component named \"intent\", which the JSON of its union uses"
            + " as the discriminator. Rename the component, or give it another JSON name with"
            + " @Param(name = \"...\").")
        .inFile(route).onLineContaining("String intent");
    onlyError(compilation);
  }

  @Test
  void nestedUnionMemberWithComponentNamedType() {
    JavaFileObject draw = source("Draw", """
        @Tool("draw a shape")
        public record Draw(Shape shape) implements BotNextStep {
          public sealed interface Shape permits Dot {}
          public record Dot(String type) implements Shape {}
        }
        """);
    Compilation compilation = compile(bot("Draw.class, Done.class"), done(), draw);
    expect(compilation, Message.RESERVED_NAME, "[ReservedName] Dot has a component named \"type\"")
        .inFile(draw).onLineContaining("record Dot");
    onlyError(compilation);
  }

  @Test
  void jsonNamesThatReadTheSame() {
    JavaFileObject sign = source("SignUp", """
        @Tool("sign up")
        public record SignUp(
            String userName,
            @Param(name = "user_name") String login) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("SignUp.class, Done.class"), done(), sign);
    expect(compilation, Message.NAME_CLASH,
        "[NameClash] SignUp has components whose JSON names \"userName\" and \"user_name\" read the"
            + " same ignoring case and separators, so a model's answer could not tell them apart.")
        .inFile(sign).onLineContaining("String login");
    onlyError(compilation);
  }

  @Test
  void blankJsonName() {
    JavaFileObject sign = source("SignUp", """
        @Tool("sign up")
        public record SignUp(
            @Param(name = " ") String login) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("SignUp.class, Done.class"), done(), sign);
    expect(compilation, Message.INVALID_JSON_NAME,
        "[InvalidJsonName] SignUp.login has the JSON name \" \", which is empty or has control"
            + " characters.")
        .inFile(sign).onLineContaining("String login");
    onlyError(compilation);
  }

  // ---------------------------------------------------------------- types

  @Test
  void unsupportedComponentTypeIsTheOnlyError() {
    JavaFileObject store = source("Store", """
        @Tool("store a thing")
        public record Store(
            String key,
            Thread thing) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Store.class, Done.class"), done(), store);
    expect(compilation, Message.UNSUPPORTED_TYPE,
        "[UnsupportedType] Store.thing has type java.lang.Thread, which has no JSON form. Use one"
            + " of: String, primitives and their boxes, BigDecimal")
        .inFile(store).onLineContaining("Thread thing");
    onlyError(compilation); // the union and its codec are still generated, so nothing cascades
  }

  @Test
  void mapWithNonStringKeys() {
    JavaFileObject count = source("Count", """
        @Tool("count things")
        public record Count(
            Map<Integer, String> names) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Count.class, Done.class"), done(), count);
    expect(compilation, Message.UNSUPPORTED_TYPE,
        "[UnsupportedType] Count.names has type java.util.Map<java.lang.Integer,java.lang.String>")
        .inFile(count).onLineContaining("Map<Integer, String> names");
    onlyError(compilation);
  }

  @Test
  void optionalInsideAList() {
    JavaFileObject pick = source("Pick", """
        @Tool("pick")
        public record Pick(
            List<Optional<String>> choices) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Pick.class, Done.class"), done(), pick);
    expect(compilation, Message.UNSUPPORTED_TYPE, "[UnsupportedType] Pick.choices has type")
        .inFile(pick).onLineContaining("choices");
    onlyError(compilation);
  }

  @Test
  void sealedInterfaceThatPermitsAClass() {
    JavaFileObject draw = source("Draw", """
        @Tool("draw a shape")
        public record Draw(
            Shape shape) implements BotNextStep {
          public sealed interface Shape permits Dot {}
          public static final class Dot implements Shape {}
        }
        """);
    Compilation compilation = compile(bot("Draw.class, Done.class"), done(), draw);
    expect(compilation, Message.SEALED_MEMBER_NOT_RECORD,
        "[SealedMemberNotRecord] The sealed interface Shape permits Dot, which is not a record."
            + " Only sealed interfaces of records have a JSON form: make Dot a record.")
        .inFile(draw).onLineContaining("Shape shape");
    onlyError(compilation);
  }

  @Test
  void recursiveRecord() {
    JavaFileObject tree = source("Tree", """
        @Tool("make a tree")
        public record Tree(Node root) implements BotNextStep {
          public record Node(
              String name,
              List<Node> children) {}
        }
        """);
    Compilation compilation = compile(bot("Tree.class, Done.class"), done(), tree);
    expect(compilation, Message.RECURSIVE_TYPE,
        "[RecursiveType] Node.children refers back to Node, and recursive types have no finite"
            + " strict schema.")
        .inFile(tree).onLineContaining("List<Node> children");
    onlyError(compilation);
  }

  @Test
  void componentTypeThatNothingGenerates() {
    JavaFileObject lookup = source("Lookup", """
        @Tool("look up")
        public record Lookup(
            Missing what) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Lookup.class, Done.class"), done(), lookup);
    expect(compilation, Message.MISSING_TYPE,
        "[MissingType] Lookup.what has type Missing, which does not exist: no source declares it"
            + " and no processor generated it. Check the name and the imports.")
        .inFile(lookup).onLineContaining("Missing what");
    assertThat(compilation.errors()).as("only javac's own error besides ours")
        .extracting(d -> d.getMessage(null))
        .noneMatch(text -> text.contains("BotNextStep"))
        .hasSize(2);
  }

  @Test
  void listedToolThatDoesNotExist() {
    JavaFileObject bot = bot("Done.class, Nowhere.class");
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.MISSING_TOOL,
        "[MissingTool] Bot lists Nowhere, which does not exist: no source declares it and no"
            + " processor generated it.")
        .inFile(bot).onLineContaining("@Prompt");
    assertThat(compilation.errors()).as("only javac's own error besides ours")
        .extracting(d -> d.getMessage(null))
        .noneMatch(text -> text.contains("BotNextStep"))
        .hasSize(2);
  }

  // ---------------------------------------------------------------- constraints and defaults

  @Test
  void constraintOnTheWrongType() {
    JavaFileObject search = source("Search", """
        import jakarta.validation.constraints.Min;

        @Tool("search")
        public record Search(
            @Min(1) String query) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Search.class, Done.class"), done(), search);
    expect(compilation, Message.CONSTRAINT_ON_WRONG_TYPE,
        "[ConstraintOnWrongType] Search.query has @Min, which applies to numbers, but its type is"
            + " java.lang.String. Remove the annotation or change the type.")
        .inFile(search).onLineContaining("String query");
    onlyError(compilation);
  }

  @Test
  void patternThatIsNoRegularExpression() {
    JavaFileObject search = source("Search", """
        import jakarta.validation.constraints.Pattern;

        @Tool("search")
        public record Search(
            @Pattern(regexp = "([a-z]+") String query) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Search.class, Done.class"), done(), search);
    expect(compilation, Message.BAD_CONSTRAINT,
        "[BadConstraint] Search.query has @Pattern(regexp = \"([a-z]+\"), which is no regular"
            + " expression: Unclosed group. Fix the annotation's value.")
        .inFile(search).onLineContaining("String query");
    onlyError(compilation);
  }

  @Test
  void sizeThatAllowsNoSize() {
    JavaFileObject search = source("Search", """
        import jakarta.validation.constraints.Size;

        @Tool("search")
        public record Search(
            @Size(min = 5, max = 2) List<String> words) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Search.class, Done.class"), done(), search);
    expect(compilation, Message.BAD_CONSTRAINT,
        "[BadConstraint] Search.words has @Size(min = 5, max = 2), which allows no size.")
        .inFile(search).onLineContaining("List<String> words");
    onlyError(compilation);
  }

  @Test
  void defaultOfTheWrongType() {
    JavaFileObject search = source("Search", """
        @Tool("search")
        public record Search(
            @Param(value = "how many", defaultValue = "many") int limit) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Search.class, Done.class"), done(), search);
    expect(compilation, Message.BAD_DEFAULT,
        "[BadDefault] Search.limit has the default \"many\", which is not an int. Give a default"
            + " of its type in @Param(defaultValue = \"...\").")
        .inFile(search).onLineContaining("int limit");
    onlyError(compilation);
  }

  @Test
  void defaultOfAnEnumNamesAConstant() {
    JavaFileObject search = source("Search", """
        @Tool("search")
        public record Search(
            @Param(defaultValue = "ALL") Scope scope) implements BotNextStep {
          public enum Scope { @Param(name = "web") WEB, @Param(name = "news") NEWS }
        }
        """);
    Compilation compilation = compile(bot("Search.class, Done.class"), done(), search);
    expect(compilation, Message.BAD_DEFAULT,
        "[BadDefault] Search.scope has the default \"ALL\", which is not one of [web, news].")
        .inFile(search).onLineContaining("Scope scope");
    onlyError(compilation);
  }

  @Test
  void defaultOnAList() {
    JavaFileObject search = source("Search", """
        @Tool("search")
        public record Search(
            @Param(defaultValue = "a") List<String> words) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Search.class, Done.class"), done(), search);
    expect(compilation, Message.DEFAULT_ON_UNSUPPORTED,
        "[DefaultOnUnsupported] Search.words has a default, but defaults are taken for strings,"
            + " numbers, booleans, characters, enums, instants and dates, and its type is"
            + " java.util.List<java.lang.String>.")
        .inFile(search).onLineContaining("List<String> words");
    onlyError(compilation);
  }

  // ---------------------------------------------------------------- OpenAI's limits

  @Test
  void schemaNestedTooDeep() {
    StringBuilder body = new StringBuilder("@Tool(\"deep\")\npublic record Deep(L1 next) implements BotNextStep {\n");
    for (int i = 1; i <= 10; i++) {
      body.append("  public record L").append(i).append("(")
          .append(i < 10 ? "L" + (i + 1) + " next" : "String leaf").append(") {}\n");
    }
    body.append("}\n");
    JavaFileObject deep = source("Deep", body.toString());
    Compilation compilation = compile(bot("Deep.class, Done.class"), done(), deep);
    expect(compilation, Message.SCHEMA_DEPTH,
        "[SchemaDepth] The schema of Deep nests objects 11 levels deep, but OpenAI's strict mode"
            + " allows 10; the provider would answer 400. Flatten nested records.")
        .inFile(deep).onLineContaining("@Tool(\"deep\")");
    onlyError(compilation);
  }

  @Test
  void tooManyEnumValues() {
    StringBuilder constants = new StringBuilder();
    for (int i = 0; i < 1001; i++) {
      constants.append(i == 0 ? "" : ", ").append("c").append(i);
    }
    JavaFileObject pick = source("Pick", """
        @Tool("pick")
        public record Pick(Choice choice) implements BotNextStep {
          public enum Choice { %s }
        }
        """.formatted(constants));
    Compilation compilation = compile(bot("Pick.class, Done.class"), done(), pick);
    expect(compilation, Message.SCHEMA_ENUM_VALUES,
        "[SchemaEnumValues] The schema of Pick has 1001 enum values, but OpenAI's strict mode"
            + " allows 1000 in all")
        .inFile(pick).onLineContaining("@Tool(\"pick\")");
    onlyError(compilation);
  }

  @Test
  void tooManyCharactersOfNames() {
    StringBuilder constants = new StringBuilder();
    String padding = "x".repeat(130);
    for (int i = 0; i < 950; i++) {
      constants.append(i == 0 ? "" : ", ").append(padding).append(i);
    }
    JavaFileObject pick = source("Pick", """
        @Tool("pick")
        public record Pick(Choice choice) implements BotNextStep {
          public enum Choice { %s }
        }
        """.formatted(constants));
    Compilation compilation = compile(bot("Pick.class, Done.class"), done(), pick);
    expect(compilation, Message.SCHEMA_STRING_LENGTH,
        "[SchemaStringLength] The property names, enum values and constants of Pick add up to")
        .inFile(pick).onLineContaining("@Tool(\"pick\")");
    onlyError(compilation);
  }

  @Test
  void tooManyProperties() {
    StringBuilder body = new StringBuilder("@Tool(\"wide\")\npublic record Wide(");
    StringBuilder parts = new StringBuilder();
    for (int r = 0; r < 21; r++) {
      body.append(r == 0 ? "" : ", ").append("Part").append(r).append(" p").append(r);
      parts.append("  public record Part").append(r).append("(");
      for (int c = 0; c < 240; c++) {
        parts.append(c == 0 ? "" : ", ").append("int f").append(c);
      }
      parts.append(") {}\n");
    }
    body.append(") implements BotNextStep {\n").append(parts).append("}\n");
    JavaFileObject wide = source("Wide", body.toString());
    Compilation compilation = compile(bot("Wide.class, Done.class"), done(), wide);
    expect(compilation, Message.SCHEMA_PROPERTIES,
        "[SchemaProperties] The schema of Wide has 5062 properties, but OpenAI's strict mode"
            + " allows 5000")
        .inFile(wide).onLineContaining("@Tool(\"wide\")");
    onlyError(compilation);
  }

  /** Three tools of 400 enum values each: each within the limits, their union not. */
  private static JavaFileObject bigUnion(String suppression) {
    StringBuilder tools = new StringBuilder();
    StringBuilder list = new StringBuilder("Done.class");
    for (int t = 0; t < 3; t++) {
      StringBuilder constants = new StringBuilder();
      for (int i = 0; i < 400; i++) {
        constants.append(i == 0 ? "" : ", ").append("c").append(i);
      }
      tools.append("  @Tool(\"pick\") record Pick").append(t).append("(Choice").append(t)
          .append(" choice) implements BotNextStep {}\n")
          .append("  enum Choice").append(t).append(" { ").append(constants).append(" }\n");
      list.append(", Bot.Pick").append(t).append(".class");
    }
    return source("Bot", """
        %s
        @Prompt(tools = {%s})
        public interface Bot {
        %s}
        """.formatted(suppression, list, tools));
  }

  @Test
  void unionOverTheLimitsAsAWholeIsAWarning() {
    JavaFileObject bot = bigUnion("");
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.UNION_LIMITS,
        "[UnionLimits] The union of Bot, as a strict response format, breaks OpenAI's limits: 1200"
            + " enum values (at most 1000). Its tools may still be offered as tools; a request that"
            + " sends the union as a response format is refused before it is sent.")
        .inFile(bot).onLineContaining("@Prompt");
    assertThat(compilation.errors()).as("only -Werror's").hasSize(1);
    assertThat(compile(bigUnion("@SuppressWarnings(\"toolcase:union-limits\")"), done()))
        .succeededWithoutWarnings();
  }

  /** A prompt of {@code count} small tools. */
  private static JavaFileObject manyTools(int count, String suppression) {
    StringBuilder tools = new StringBuilder();
    StringBuilder list = new StringBuilder("Done.class");
    for (int t = 0; t < count - 1; t++) {
      tools.append("  @Tool(\"tool ").append(t).append("\") record T").append(t)
          .append("(int n) implements BotNextStep {}\n");
      list.append(", Bot.T").append(t).append(".class");
    }
    return source("Bot", """
        %s
        @Prompt(tools = {%s})
        public interface Bot {
        %s}
        """.formatted(suppression, list, tools));
  }

  @Test
  void moreToolsThanOpenAiTakesIsAWarning() {
    JavaFileObject bot = manyTools(129, "");
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.TOO_MANY_TOOLS,
        "[TooManyTools] Bot lists 129 tools, but OpenAI accepts at most 128 functions in one"
            + " request; a request to OpenAI with them all is refused before it is sent.")
        .inFile(bot).onLineContaining("@Prompt");
    assertThat(compile(manyTools(128, ""), done())).succeededWithoutWarnings();
    assertThat(compile(manyTools(129, "@SuppressWarnings(\"toolcase:tool-count\")"), done()))
        .succeededWithoutWarnings();
  }

  // ---------------------------------------------------------------- prompt methods

  @Test
  void unionWithoutFinalAnswerIsAWarning() {
    String tool = """
        public interface Bot {
          @Tool("look") record Look(String what) implements BotNextStep {}
        }
        """;
    JavaFileObject bot = source("Bot", "@Prompt(tools = {Bot.Look.class})\n" + tool);
    Compilation compilation = compile(bot);
    expect(compilation, Message.NO_FINAL_ANSWER,
        "[NoFinalAnswer] No tool of Bot implements FinalAnswer, so a thread of it never finishes"
            + " by itself.")
        .inFile(bot).onLineContaining("@Prompt");
    assertThat(compile(source("Bot", "@SuppressWarnings(\"toolcase:no-final-answer\")\n"
        + "@Prompt(tools = {Bot.Look.class})\n" + tool)))
        .succeededWithoutWarnings();
  }

  @Test
  void parameterTheTemplateNeverUsesIsAWarning() {
    String template = """
        @Prompt(tools = {Done.class})
        public interface Bot {
          @Template("{{role user}} {{thread}}")
          BotNextStep next(AgentThread thread, %s String tone);
        }
        """;
    JavaFileObject bot = source("Bot", template.formatted(""));
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.UNUSED_PARAMETER,
        "[UnusedParameter] The template of Bot.next() never uses the parameter tone, so the model"
            + " never sees it. Add {{tone}} to the template")
        .inFile(bot).onLineContaining("String tone");
    assertThat(compile(source("Bot",
        template.formatted("@SuppressWarnings(\"toolcase:unused-parameter\")")), done()))
        .succeededWithoutWarnings();
  }

  @Test
  void templateVariableThatNamesNoParameterOnceWithASuggestion() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          @Template("{{role user}} Deploy {{tag}} after {{tread}}, and after {{tread}} again")
          BotNextStep next(AgentThread thread, String tag);
        }
        """);
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.UNKNOWN_TEMPLATE_VARIABLE,
        "[UnknownTemplateVariable] The template of Bot.next() uses {{tread}}, which names no"
            + " parameter. Did you mean {{thread}}? Use one of thread, tag, output_format, role"
            + " system|user|assistant, or add a parameter of that name.")
        .inFile(bot).onLineContaining("@Template");
    assertThat(compilation.errors()).as("reported once").hasSize(1);
  }

  @Test
  void threadVariableWithoutAThreadParameter() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          @Template("{{role user}} {{thread}} {{question}}")
          BotNextStep next(String question);
        }
        """);
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.THREAD_WITHOUT_PARAMETER,
        "[ThreadWithoutParameter] The template of Bot.next() uses {{thread}}, but Bot.next() has"
            + " no AgentThread parameter to render. Add one, such as `AgentThread thread`.")
        .inFile(bot).onLineContaining("@Template");
    onlyError(compilation);
  }

  @Test
  void templateComponentThatDoesNotExist() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          record Request(String text) {}
          @Template("{{role user}} {{request.txt}}")
          BotNextStep next(Request request);
        }
        """);
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.UNKNOWN_TEMPLATE_COMPONENT,
        "[UnknownTemplateComponent] The template of Bot.next() uses {{request.txt}}, but Request"
            + " has no component \"txt\". Did you mean {{text}}?")
        .inFile(bot).onLineContaining("@Template");
    onlyError(compilation);
  }

  @Test
  void templateRoleThatDoesNotExist() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          @Template("{{role sytem}} {{thread}}")
          BotNextStep next(AgentThread thread);
        }
        """);
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.UNKNOWN_ROLE,
        "[UnknownRole] The template of Bot.next() uses {{role sytem}}. A role is one of system,"
            + " user or assistant. Did you mean {{role system}}?")
        .inFile(bot).onLineContaining("@Template");
    onlyError(compilation);
  }

  @Test
  void templateVariableNeverClosed() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          @Template("{{role user}} {{thread")
          BotNextStep next(@SuppressWarnings("toolcase:unused-parameter") AgentThread thread);
        }
        """);
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.UNCLOSED_VARIABLE,
        "[UnclosedVariable] The template of Bot.next() opens a variable with {{ and never closes"
            + " it. Close it with }}.")
        .inFile(bot).onLineContaining("@Template");
    onlyError(compilation);
  }

  @Test
  void promptMethodWithoutTemplate() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          BotNextStep next(AgentThread thread);
        }
        """);
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.MISSING_TEMPLATE,
        "[MissingTemplate] Bot.next() has no @Template, so there is no prompt to send. Add"
            + " @Template(\"...\") or make it a default method.")
        .inFile(bot).onLineContaining("BotNextStep next");
    onlyError(compilation);
  }

  @Test
  void promptMethodWithUnsupportedReturnType() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          @Template("{{role user}} {{thread}}")
          List<String> next(AgentThread thread);
        }
        """);
    Compilation compilation = compile(bot, done());
    expect(compilation, Message.BAD_RETURN_TYPE,
        "[BadReturnType] Bot.next() returns java.util.List<java.lang.String>, but a prompt method"
            + " returns BotNextStep, List<BotNextStep> for a turn that may call several tools, a"
            + " record, an enum, or String.")
        .inFile(bot).onLineContaining("List<String> next");
    onlyError(compilation);
  }

  @Test
  void diagnosticKindsAreAsCatalogued() {
    assertThat(Message.INTENT_MAPPED.kind()).isEqualTo(Diagnostic.Kind.NOTE);
    assertThat(Message.NO_FINAL_ANSWER.suppressionKey()).isEqualTo("toolcase:no-final-answer");
    assertThat(Message.MISSING_TYPE.suppressionKey()).isNull();
  }
}
