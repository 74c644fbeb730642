package dev.toolcase.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Real catalogue sizes compile under {@code -Xlint:all -Werror}: no generated constant grows with
 * the number of tools (javac refuses one over 65,535 bytes), and each schema is written once.
 */
class ScaleTest {

  @Test
  void aPromptOf128ToolsWithLongDescriptions() throws IOException {
    Compilation compilation = Compilations.compile(
        Catalogues.sources(1, 128).toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    String tools = compilation.generatedSourceFile("scale.Agent0Tools").orElseThrow()
        .getCharContent(true).toString();
    assertThat(tools.split("Looks up the current state", -1)).as("each description once")
        .hasSize(127 + 1);
    assertThat(tools.split("the resource's identifier", -1)).as("each schema once")
        .hasSize(127 + 1);
  }

  @Test
  void aThousandToolsInPromptsOfAHundred() {
    Compilation compilation = Compilations.compile(
        Catalogues.sources(10, 100).toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aThousandToolsInOnePromptWithTheLimitWarningSilenced() {
    Compilation compilation = Compilations.compile(Catalogues.sources(1, 1000,
        "toolcase:tool-count", "toolcase:union-limits").toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Compilations.compile(Catalogues.sources(1, 1000).toArray(JavaFileObject[]::new)))
        .hadWarningContaining("[TooManyTools] Agent0 lists 1000 tools");
  }
}
