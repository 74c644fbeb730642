package dev.toolcase.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Synthetic tool catalogues of real proportions: descriptions of a few hundred characters, four
 * components of mixed types, names in the styles real catalogues use. For the scale tests and the
 * compile-time benchmark.
 */
final class Catalogues {

  private static final String DESCRIPTION = "Looks up the current state of a resource in the"
      + " inventory service and returns its attributes, the time it last changed and who changed"
      + " it. Use it before any change, to check the resource exists and is in the state the user"
      + " believes; do not use it to list resources (there is a separate tool for that). Returns"
      + " an error when the resource is unknown or the caller lacks access.";

  private Catalogues() {}

  /**
   * {@code prompts} prompts of {@code toolsPerPrompt} tools each, in package {@code scale}: one
   * source file per tool and per prompt, as a user's project has them.
   *
   * @param suppress the {@code @SuppressWarnings} keys of each prompt, or none
   */
  static List<JavaFileObject> sources(int prompts, int toolsPerPrompt, String... suppress) {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(JavaFileObjects.forSourceString("scale.Level", """
        package scale;

        import dev.toolcase.Param;

        /** How much detail to return. */
        public enum Level {
          @Param("only the identifier and state") BRIEF,
          @Param("every attribute") FULL,
          @Param(value = "every attribute and the history", name = "full-with-history") HISTORY
        }
        """));
    for (int p = 0; p < prompts; p++) {
      String prompt = "Agent" + p;
      StringBuilder listed = new StringBuilder();
      for (int t = 0; t < toolsPerPrompt; t++) {
        String record = "Tool" + p + "x" + t;
        listed.append(t == 0 ? "" : ", ").append(record).append(".class");
        String name = switch (t % 4) {
          case 0 -> "inventory.lookup_" + p + "_" + t;
          case 1 -> "getResource" + p + "x" + t;
          case 2 -> "Lookup_" + p + "_" + t + "_State";
          default -> "lookup_" + p + "_" + t;
        };
        if (t == toolsPerPrompt - 1) {
          sources.add(JavaFileObjects.forSourceString("scale." + record, """
              package scale;

              import dev.toolcase.*;

              @Tool(value = "Answers the user and ends the thread.", name = "%s")
              public record %s(String message) implements %sNextStep, FinalAnswer {}
              """.formatted(name, record, prompt)));
          continue;
        }
        sources.add(JavaFileObjects.forSourceString("scale." + record, """
            package scale;

            import dev.toolcase.*;
            import java.util.*;

            @Tool(value = "%s (%d)", name = "%s")
            public record %s(
                @Param("the resource's identifier, as the inventory shows it") String resourceId,
                @Param(value = "how much to return", defaultValue = "BRIEF") Level level,
                @Param("at most this many history entries") Optional<Integer> limit,
                @Param(name = "X-Request-Id") String requestId) implements %sNextStep {}
            """.formatted(DESCRIPTION, t, name, record, prompt)));
      }
      String suppression = suppress.length == 0 ? ""
          : "@SuppressWarnings({\"" + String.join("\", \"", suppress) + "\"})\n";
      sources.add(JavaFileObjects.forSourceString("scale." + prompt, """
          package scale;

          import dev.toolcase.*;

          %s@Prompt(tools = {%s})
          public interface %s {
            @Template("{{role system}} You look after the inventory. {{role user}} {{thread}}")
            %sNextStep next(AgentThread thread);
          }
          """.formatted(suppression, listed, prompt, prompt)));
    }
    return sources;
  }
}
