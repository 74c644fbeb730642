package dev.toolcase.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.toolcase.processor.Compilations.compile;
import static dev.toolcase.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every diagnostic the processor gives: its message, file and line. */
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

  @Test
  void toolOnAClass() {
    JavaFileObject search = source("WebSearch", """
        @Tool("search the web")
        public class WebSearch {}
        """);
    Compilation compilation = compile(search);
    assertThat(compilation).hadErrorContaining(
        "[ToolNotRecord] @Tool must annotate a record, but WebSearch is a class. Declare it as"
            + " `record WebSearch(...)`.")
        .inFile(search).onLineContaining("class WebSearch");
  }

  @Test
  void promptOnAClass() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public class Bot {}
        """);
    Compilation compilation = compile(bot, source("Done", """
        @Tool("finish")
        public record Done(String message) {}
        """));
    assertThat(compilation).hadErrorContaining(
        "[PromptNotInterface] @Prompt must annotate an interface, but Bot is a class.")
        .inFile(bot).onLineContaining("@Prompt");
  }

  @Test
  void promptWithoutTools() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {})
        public interface Bot {}
        """);
    assertThat(compile(bot)).hadErrorContaining("[PromptWithoutTools] Bot lists no tools.")
        .inFile(bot).onLineContaining("@Prompt");
  }

  @Test
  void listedToolWithoutToolAnnotation() {
    JavaFileObject bot = bot("Done.class, Plain.class");
    Compilation compilation = compile(bot, done(), source("Plain", """
        public record Plain(String text) implements BotNextStep {}
        """));
    assertThat(compilation).hadErrorContaining(
        "[ToolNotAnnotated] Bot lists Plain, but Plain has no @Tool annotation. Add"
            + " `@Tool(\"what it does\")` to Plain.")
        .inFile(bot).onLineContaining("@Prompt");
  }

  @Test
  void toolThatDoesNotImplementTheUnion() {
    JavaFileObject search = source("WebSearch", """
        @Tool("search the web")
        public record WebSearch(String query) {}
        """);
    Compilation compilation = compile(bot("WebSearch.class, Done.class"), done(), search);
    assertThat(compilation).hadErrorContaining(
        "[ToolNotInUnion] Bot lists WebSearch, but WebSearch does not implement BotNextStep."
            + " Add `implements BotNextStep` to WebSearch.")
        .inFile(search).onLineContaining("record WebSearch");
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
    assertThat(compilation).hadErrorContaining(
        "[ToolInOtherPackage] Bot lists Remote from package other, but the sealed union"
            + " BotNextStep is generated in package test and may only permit records of its own"
            + " package. Move Remote to test.")
        .inFile(bot).onLineContaining("@Prompt");
  }

  @Test
  void toolListedTwice() {
    JavaFileObject bot = bot("Done.class, Done.class");
    assertThat(compile(bot, done())).hadErrorContaining(
        "[DuplicateTool] Bot lists Done more than once.").inFile(bot).onLineContaining("@Prompt");
  }

  @Test
  void twoToolsWithTheSameIntent() {
    JavaFileObject bot = bot("Done.class, Finish.class");
    Compilation compilation = compile(bot, done(), source("Finish", """
        @Tool(value = "also finish", name = "done")
        public record Finish(String message) implements BotNextStep {}
        """));
    assertThat(compilation).hadErrorContaining(
        "[DuplicateIntent] Bot lists Done and Finish, which both have the intent \"done\". Give"
            + " one of them another name with @Tool(name = \"...\").")
        .inFile(bot).onLineContaining("@Prompt");
  }

  @Test
  void invalidIntent() {
    JavaFileObject finish = source("Finish", """
        @Tool(value = "finish", name = "all done!")
        public record Finish(String message) implements BotNextStep {}
        """);
    assertThat(compile(bot("Finish.class"), finish)).hadErrorContaining(
        "[InvalidIntent] The intent \"all done!\" of Finish is not a valid tool name.")
        .inFile(finish).onLineContaining("name = \"all done!\"");
  }

  @Test
  void componentNamedIntent() {
    JavaFileObject route = source("Route", """
        @Tool("route a request")
        public record Route(
            String intent,
            String target) implements BotNextStep {}
        """);
    assertThat(compile(bot("Route.class, Done.class"), done(), route)).hadErrorContaining(
        "[ReservedName] Route has a component named \"intent\"")
        .inFile(route).onLineContaining("String intent");
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
    assertThat(compile(bot("Draw.class, Done.class"), done(), draw)).hadErrorContaining(
        "[ReservedName] Dot has a component named \"type\"")
        .inFile(draw).onLineContaining("record Dot");
  }

  @Test
  void unsupportedComponentType() {
    JavaFileObject store = source("Store", """
        @Tool("store a thing")
        public record Store(
            String key,
            Object thing) implements BotNextStep {}
        """);
    assertThat(compile(bot("Store.class, Done.class"), done(), store)).hadErrorContaining(
        "[UnsupportedType] Store.thing has type java.lang.Object, which has no JSON form. Use one"
            + " of: String, primitives and their boxes, BigDecimal")
        .inFile(store).onLineContaining("Object thing");
  }

  @Test
  void mapWithNonStringKeys() {
    JavaFileObject count = source("Count", """
        @Tool("count things")
        public record Count(
            Map<Integer, String> names) implements BotNextStep {}
        """);
    assertThat(compile(bot("Count.class, Done.class"), done(), count)).hadErrorContaining(
        "[UnsupportedType] Count.names has type java.util.Map<java.lang.Integer,java.lang.String>")
        .inFile(count).onLineContaining("Map<Integer, String> names");
  }

  @Test
  void optionalInsideAList() {
    JavaFileObject pick = source("Pick", """
        @Tool("pick")
        public record Pick(
            List<Optional<String>> choices) implements BotNextStep {}
        """);
    assertThat(compile(bot("Pick.class, Done.class"), done(), pick)).hadErrorContaining(
        "[UnsupportedType] Pick.choices has type")
        .inFile(pick).onLineContaining("choices");
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
    assertThat(compile(bot("Draw.class, Done.class"), done(), draw)).hadErrorContaining(
        "[UnsupportedType] The sealed interface Shape permits Dot, which is not a record.")
        .inFile(draw).onLineContaining("Shape shape");
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
    assertThat(compile(bot("Tree.class, Done.class"), done(), tree)).hadErrorContaining(
        "[RecursiveType] Node.children refers back to Node, and recursive types have no finite"
            + " strict schema.")
        .inFile(tree).onLineContaining("List<Node> children");
  }

  @Test
  void schemaNestedTooDeep() {
    StringBuilder body = new StringBuilder("@Tool(\"deep\")\npublic record Deep(L1 next) implements BotNextStep {\n");
    for (int i = 1; i <= 10; i++) {
      body.append("  public record L").append(i).append("(")
          .append(i < 10 ? "L" + (i + 1) + " next" : "String leaf").append(") {}\n");
    }
    body.append("}\n");
    JavaFileObject deep = source("Deep", body.toString());
    assertThat(compile(bot("Deep.class, Done.class"), done(), deep)).hadErrorContaining(
        "[SchemaLimit] The schema of Deep nests objects 11 levels deep, but OpenAI's strict mode"
            + " allows 10 levels")
        .inFile(deep).onLineContaining("@Tool(\"deep\")");
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
    assertThat(compile(bot("Pick.class, Done.class"), done(), pick)).hadErrorContaining(
        "[SchemaLimit] The schema of Pick has 1001 enum values, but OpenAI's strict mode allows"
            + " 1000 in all")
        .inFile(pick).onLineContaining("@Tool(\"pick\")");
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
    assertThat(compile(bot("Pick.class, Done.class"), done(), pick)).hadErrorContaining(
        "[SchemaLimit] The property names, enum values and constants of Pick add up to")
        .inFile(pick).onLineContaining("@Tool(\"pick\")");
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
    assertThat(compile(bot("Wide.class, Done.class"), done(), wide)).hadErrorContaining(
        "[SchemaLimit] The schema of Wide has 5062 properties, but OpenAI's strict mode allows"
            + " 5000 properties")
        .inFile(wide).onLineContaining("@Tool(\"wide\")");
  }

  @Test
  void unionOverTheLimitsAsAWhole() {
    StringBuilder tools = new StringBuilder();
    StringBuilder list = new StringBuilder();
    for (int t = 0; t < 3; t++) {
      StringBuilder constants = new StringBuilder();
      for (int i = 0; i < 400; i++) {
        constants.append(i == 0 ? "" : ", ").append("c").append(i);
      }
      tools.append("@Tool(\"pick\") record Pick").append(t).append("(Choice").append(t)
          .append(" choice) implements BotNextStep {}\n")
          .append("enum Choice").append(t).append(" { ").append(constants).append(" }\n");
      list.append(t == 0 ? "" : ", ").append("Pick").append(t).append(".class");
    }
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {%s})
        public interface Bot {}
        %s
        """.formatted(list, tools));
    assertThat(compile(bot)).hadErrorContaining(
        "[SchemaLimit] The schema of BotNextStep has 1200 enum values, but OpenAI's strict mode"
            + " allows 1000 in all")
        .inFile(bot).onLineContaining("@Prompt");
  }

  @Test
  void templateVariableThatNamesNoParameter() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          @Template("{{role user}} Deploy {{tag}} after {{tread}}")
          BotNextStep next(AgentThread thread, String tag);
        }
        """);
    assertThat(compile(bot, done())).hadErrorContaining(
        "[UnknownTemplateVariable] The template of Bot.next() uses {{tread}}, which names no"
            + " parameter. Use one of [thread, tag, thread, output_format, role"
            + " system|user|assistant], or add a parameter of that name.")
        .inFile(bot).onLineContaining("@Template");
  }

  @Test
  void threadVariableWithoutAThreadParameter() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          @Template("{{role user}} {{thread}}")
          BotNextStep next(String question);
        }
        """);
    assertThat(compile(bot, done())).hadErrorContaining(
        "[UnknownTemplateVariable] The template of Bot.next() uses {{thread}}, but Bot.next() has"
            + " no AgentThread parameter to render. Add one, such as `AgentThread thread`.")
        .inFile(bot).onLineContaining("@Template");
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
    assertThat(compile(bot, done())).hadErrorContaining(
        "[UnknownTemplateVariable] The template of Bot.next() uses {{request.txt}}, but Request"
            + " has no component \"txt\".")
        .inFile(bot).onLineContaining("@Template");
  }

  @Test
  void templateRoleThatDoesNotExist() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          @Template("{{role robot}} {{thread}}")
          BotNextStep next(AgentThread thread);
        }
        """);
    assertThat(compile(bot, done())).hadErrorContaining(
        "[UnknownTemplateVariable] The template of Bot.next() uses {{role robot}}. A role is one"
            + " of system, user or assistant.")
        .inFile(bot).onLineContaining("@Template");
  }

  @Test
  void templateVariableNeverClosed() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          @Template("{{role user}} {{thread")
          BotNextStep next(AgentThread thread);
        }
        """);
    assertThat(compile(bot, done())).hadErrorContaining(
        "[UnknownTemplateVariable] The template of Bot.next() opens a variable with {{ and never"
            + " closes it.")
        .inFile(bot).onLineContaining("@Template");
  }

  @Test
  void promptMethodWithoutTemplate() {
    JavaFileObject bot = source("Bot", """
        @Prompt(tools = {Done.class})
        public interface Bot {
          BotNextStep next(AgentThread thread);
        }
        """);
    assertThat(compile(bot, done())).hadErrorContaining(
        "[MissingTemplate] Bot.next() has no @Template, so there is no prompt to send.")
        .inFile(bot).onLineContaining("BotNextStep next");
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
    assertThat(compile(bot, done())).hadErrorContaining(
        "[BadReturnType] Bot.next() returns java.util.List<java.lang.String>, but a prompt method"
            + " returns BotNextStep, a @Tool record, an enum, a record, or String.")
        .inFile(bot).onLineContaining("List<String> next");
  }

  @Test
  void typeThatNothingGenerates() {
    JavaFileObject lookup = source("Lookup", """
        @Tool("look up")
        public record Lookup(Missing what) implements BotNextStep {}
        """);
    Compilation compilation = compile(bot("Lookup.class, Done.class"), done(), lookup);
    assertThat(compilation).hadErrorContaining(
        "[MissingType] test.Bot refers to Missing, which no processor generated.")
        .inFile(bot("Lookup.class, Done.class")).onLineContaining("interface Bot");
  }
}
